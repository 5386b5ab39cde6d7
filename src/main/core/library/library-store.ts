import path from 'node:path';

import type Database from 'better-sqlite3';

/** One row of `libraries`: a scanned folder. */
export interface LibraryRecord {
  id: number;
  name: string;
  rootPath: string;
}

/** Rows a library holds, per entity table. */
export interface LibraryTotals {
  artists: number;
  albums: number;
  tracks: number;
}

/**
 * Returns the library whose root is `rootPath`, creating it when missing.
 * The root is stored as given, so callers pass a resolved real path; the
 * name of a new library is the folder's base name.
 */
export function ensureLibrary(db: Database.Database, rootPath: string): LibraryRecord {
  db.prepare('INSERT INTO libraries (name, root_path) VALUES (?, ?) ON CONFLICT (root_path) DO NOTHING').run(
    path.basename(rootPath) || rootPath,
    rootPath,
  );

  const row = db.prepare('SELECT id, name, root_path FROM libraries WHERE root_path = ?').get(rootPath) as
    | { id: number; name: string; root_path: string }
    | undefined;
  if (!row) throw new Error(`The library for ${rootPath} could not be created.`);
  return { id: row.id, name: row.name, rootPath: row.root_path };
}

/** Records when a scan of the library finished, in epoch milliseconds. */
export function markLibraryScanned(db: Database.Database, libraryId: number, at: number = Date.now()): void {
  db.prepare('UPDATE libraries SET last_scan_at = ? WHERE id = ?').run(at, libraryId);
}

export function libraryTotals(db: Database.Database, libraryId: number): LibraryTotals {
  const count = (table: 'artists' | 'albums' | 'tracks') =>
    (db.prepare(`SELECT count(*) AS n FROM ${table} WHERE library_id = ?`).get(libraryId) as { n: number }).n;
  return { artists: count('artists'), albums: count('albums'), tracks: count('tracks') };
}
