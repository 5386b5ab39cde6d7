import type { ItemFilter } from '../../../shared/ipc-contract.ts';

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

/** Escapes `%`, `_` and the escape character itself for a `LIKE … ESCAPE '\'` pattern. */
export function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/**
 * Builds the WHERE clause of a library view page over one entity table.
 * `nameColumn` is the column the search text matches (`name` or `title`);
 * `alias` qualifies the columns when the query joins other tables.
 */
export function itemWhere(libraryId: number, filter: ItemFilter, search: string, nameColumn: string, alias = ''): ItemWhere {
  const prefix = alias ? `${alias}.` : '';
  const conditions = [`${prefix}library_id = ?`];
  const params: (string | number)[] = [libraryId];

  const status = STATUS_CONDITION[filter];
  if (status) conditions.push(`${prefix}${status}`);

  const text = search.trim();
  if (text !== '') {
    // SQLite's LIKE ignores case for ASCII letters only; other letters must match case.
    conditions.push(`${prefix}${nameColumn} LIKE ? ESCAPE '\\'`);
    params.push(likePattern(text));
  }
  return { sql: conditions.join(' AND '), params };
}
