import type Database from 'better-sqlite3';

/** What the library stores about a file, to tell unchanged files from changed ones. */
export interface KnownFile {
  trackId: number;
  size: number;
  /** Whole epoch milliseconds, as the scanner reports them. */
  mtimeMs: number;
}

/**
 * Loads every track file of a library, keyed by path. At about 100 bytes a
 * row this is some 10 MB for a 100,000-track library, which main keeps for
 * the length of one scan to answer the scanner without a query per file.
 */
export function loadKnownFiles(db: Database.Database, libraryId: number): Map<string, KnownFile> {
  const rows = db
    .prepare('SELECT id, path, file_size, file_mtime_ms FROM tracks WHERE library_id = ?')
    .iterate(libraryId) as IterableIterator<{ id: number; path: string; file_size: number; file_mtime_ms: number }>;

  const known = new Map<string, KnownFile>();
  for (const row of rows) known.set(row.path, { trackId: row.id, size: row.file_size, mtimeMs: row.file_mtime_ms });
  return known;
}
