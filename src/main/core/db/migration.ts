import type Database from 'better-sqlite3';

/**
 * One schema step. Migrations are numbered from 1, append-only, and never
 * edited after release: a database at `user_version` N has run exactly the
 * steps 1..N.
 */
export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

/** Column names of a table, from `PRAGMA table_info`. Empty when the table is missing. */
export function columnNames(db: Database.Database, table: string): Set<string> {
  const rows = db.prepare(`PRAGMA table_info(${quoteIdentifier(table)})`).all() as { name: string }[];
  return new Set(rows.map((row) => row.name));
}

/** Quotes an SQL identifier; only used with names from this codebase. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
