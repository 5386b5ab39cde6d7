import type { ItemFilter } from '../../../shared/ipc-contract.ts';
import { searchCondition, type SearchColumns } from './item-search.ts';

/**
 * The `amazon_match_status` condition of each library-view filter, or null
 * for none. Each one keeps `library_id` and the status as a prefix of
 * `idx_<table>_library_amazon_status`.
 */
const STATUS_CONDITION: Record<ItemFilter, string | null> = {
  all: null,
  unmatched: "amazon_match_status IS NOT 'matched'",
  matched: "amazon_match_status = 'matched'",
  not_found: "amazon_match_status = 'not_found'",
  failed: "amazon_match_status = 'error'",
  pending: 'amazon_match_status IS NULL',
};

/** The WHERE clause and parameters shared by a page query and its count. */
export interface ItemWhere {
  sql: string;
  params: (string | number)[];
}

/**
 * Builds the WHERE clause of a library view page over one entity table.
 * `columns` names what the search text matches (see `searchCondition`);
 * `alias` qualifies the columns when the query joins other tables. A search
 * calls the fold function, so the connection must have it
 * (`registerFoldFunction`).
 */
export function itemWhere(libraryId: number, filter: ItemFilter, search: string, columns: SearchColumns, alias = ''): ItemWhere {
  const prefix = alias ? `${alias}.` : '';
  const conditions = [`${prefix}library_id = ?`];
  const params: (string | number)[] = [libraryId];

  const status = STATUS_CONDITION[filter];
  if (status) conditions.push(`${prefix}${status}`);

  const match = searchCondition(libraryId, search, columns, prefix);
  if (match) {
    conditions.push(match.sql);
    params.push(...match.params);
  }
  return { sql: conditions.join(' AND '), params };
}
