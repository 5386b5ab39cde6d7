import type Database from 'better-sqlite3';

import { columnNames, quoteIdentifier, type Migration } from '../migration.ts';

/** Tables that carry per-source match columns. */
export const ENTITY_TABLES = ['artists', 'albums', 'tracks'] as const;
export type EntityTable = (typeof ENTITY_TABLES)[number];

/**
 * The Amazon match columns on every entity table. Times are epoch
 * milliseconds. `amazon_manual` is 1 when the user set the id by hand, so
 * enrichment refreshes it and never replaces it.
 */
export const AMAZON_COLUMNS: readonly { name: string; definition: string }[] = [
  { name: 'amazon_id', definition: 'TEXT' },
  { name: 'amazon_match_status', definition: 'TEXT' },
  { name: 'amazon_last_attempted', definition: 'INTEGER' },
  { name: 'amazon_attempts', definition: 'INTEGER NOT NULL DEFAULT 0' },
  { name: 'amazon_last_error', definition: 'TEXT' },
  { name: 'amazon_next_retry_at', definition: 'INTEGER' },
  { name: 'amazon_manual', definition: 'INTEGER NOT NULL DEFAULT 0' },
];

/** Indexes that make each queue tier and each status filter an index lookup. */
export function amazonIndexStatements(table: EntityTable): string[] {
  return [
    `CREATE INDEX IF NOT EXISTS idx_${table}_amazon_unattempted ON ${table}(id) WHERE amazon_match_status IS NULL`,
    `CREATE INDEX IF NOT EXISTS idx_${table}_amazon_not_found ON ${table}(amazon_last_attempted, id) WHERE amazon_match_status = 'not_found'`,
    `CREATE INDEX IF NOT EXISTS idx_${table}_amazon_error ON ${table}(amazon_next_retry_at, id) WHERE amazon_match_status = 'error'`,
    `CREATE INDEX IF NOT EXISTS idx_${table}_amazon_id ON ${table}(amazon_id) WHERE amazon_id IS NOT NULL`,
    `CREATE INDEX IF NOT EXISTS idx_${table}_library_amazon_status ON ${table}(library_id, amazon_match_status, id)`,
  ];
}

/**
 * Adds whichever Amazon columns and indexes a table lacks. Rows keep their
 * values; new columns start NULL (never attempted) or at their default.
 * Returns the columns it added.
 */
export function addMissingAmazonColumns(db: Database.Database, table: EntityTable): string[] {
  const existing = columnNames(db, table);
  const added: string[] = [];

  for (const column of AMAZON_COLUMNS) {
    if (existing.has(column.name)) continue;
    db.exec(`ALTER TABLE ${quoteIdentifier(table)} ADD COLUMN ${column.name} ${column.definition}`);
    added.push(column.name);
  }

  for (const statement of amazonIndexStatements(table)) db.exec(statement);
  return added;
}

/** Per-source match columns for Amazon, added only where missing. */
export const migration002: Migration = {
  version: 2,
  name: 'amazon-columns',
  up(db) {
    for (const table of ENTITY_TABLES) addMissingAmazonColumns(db, table);
  },
};
