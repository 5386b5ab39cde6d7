import type Database from 'better-sqlite3';

import type { EntityType, MatchStatus } from '../../../shared/entities.ts';
import type { ItemPage, ItemQuery, ItemRow } from '../../../shared/ipc-contract.ts';
import { ensureSourceSchema } from '../db/schema-guard.ts';
import { itemWhere } from './item-filters.ts';
import type { SearchColumns } from './item-search.ts';
import { registerFoldFunction } from './search-fold.ts';

/** The columns of one row of each entity type, aliased to the names `toItemRow` reads. */
interface EntitySql {
  table: string;
  /** The names a search matches: the item's own, and those of the artist and album shown with it. */
  search: SearchColumns;
  select: string;
  joins: string;
}

const ARTIST_NAME = { foreignKey: 'artist_id', table: 'artists', nameColumn: 'name' };
const ALBUM_TITLE = { foreignKey: 'album_id', table: 'albums', nameColumn: 'title' };

const ENTITY_SQL: Record<EntityType, EntitySql> = {
  artist: {
    table: 'artists',
    search: { nameColumn: 'name', related: [] },
    select: `e.name AS name, NULL AS artist_name, NULL AS album_title, NULL AS year, NULL AS track_number`,
    joins: '',
  },
  album: {
    table: 'albums',
    search: { nameColumn: 'title', related: [ARTIST_NAME] },
    select: `e.title AS name, ar.name AS artist_name, NULL AS album_title, e.year AS year, NULL AS track_number`,
    joins: 'LEFT JOIN artists ar ON ar.id = e.artist_id',
  },
  track: {
    table: 'tracks',
    search: { nameColumn: 'title', related: [ARTIST_NAME, ALBUM_TITLE] },
    select: `e.title AS name, ar.name AS artist_name, al.title AS album_title,
             COALESCE(e.year, al.year) AS year, e.track_number AS track_number`,
    joins: 'LEFT JOIN artists ar ON ar.id = e.artist_id LEFT JOIN albums al ON al.id = e.album_id',
  },
};

export interface ItemRowRecord {
  id: number;
  name: string;
  artist_name: string | null;
  album_title: string | null;
  year: number | null;
  track_number: number | null;
  amazon_match_status: string | null;
  amazon_id: string | null;
  amazon_manual: number;
}

/** Columns every entity query selects, after the entity-specific ones. */
export const MATCH_COLUMNS = 'e.id AS id, e.amazon_match_status, e.amazon_id, e.amazon_manual';

export function entitySql(entityType: EntityType): EntitySql {
  return ENTITY_SQL[entityType];
}

/** Reads a stored status; a value another tool wrote that Liner does not know reads as never attempted. */
function matchStatus(value: string | null): MatchStatus | null {
  return value === 'matched' || value === 'not_found' || value === 'error' ? value : null;
}

export function toItemRow(entityType: EntityType, record: ItemRowRecord): ItemRow {
  return {
    entityType,
    id: record.id,
    name: record.name,
    artistName: record.artist_name,
    albumTitle: record.album_title,
    year: record.year,
    trackNumber: record.track_number,
    status: matchStatus(record.amazon_match_status),
    amazonId: record.amazon_id,
    manual: record.amazon_manual === 1,
  };
}

/** The SQL of one library-view page and of its count, which share one WHERE clause. */
export interface ItemPageSql {
  countSql: string;
  pageSql: string;
  /** Parameters of the WHERE clause; the page query takes LIMIT and OFFSET after them. */
  params: (string | number)[];
}

export function itemPageSql(query: ItemQuery): ItemPageSql {
  const sql = ENTITY_SQL[query.entityType];
  const where = itemWhere(query.libraryId, query.filter, query.search, sql.search, 'e');
  return {
    countSql: `SELECT COUNT(*) AS total FROM ${sql.table} e WHERE ${where.sql}`,
    pageSql: `SELECT ${MATCH_COLUMNS}, ${sql.select}
              FROM ${sql.table} e ${sql.joins}
              WHERE ${where.sql}
              ORDER BY e.id
              LIMIT ? OFFSET ?`,
    params: where.params,
  };
}

/**
 * Returns one page of a library's artists, albums or tracks in id order (the order
 * the scan added them), and the number of rows the filter and search match.
 * Without a search both are range scans of `(library_id, amazon_match_status,
 * id)` or of another index that leads with `library_id`. A search scans the
 * library's rows, and `searchCondition` describes its cost.
 */
export function listItems(db: Database.Database, query: ItemQuery): ItemPage {
  ensureSourceSchema(db, 'amazon');
  registerFoldFunction(db);

  const sql = itemPageSql(query);
  const { total } = db.prepare(sql.countSql).get(...sql.params) as { total: number };
  // A page past the last match needs no second scan, which a search would pay in full.
  const records = total > query.offset ? (db.prepare(sql.pageSql).all(...sql.params, query.limit, query.offset) as ItemRowRecord[]) : [];

  return { total, offset: query.offset, rows: records.map((record) => toItemRow(query.entityType, record)) };
}
