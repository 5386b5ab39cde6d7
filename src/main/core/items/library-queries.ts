import type Database from 'better-sqlite3';

import type { LibrarySummary } from '../../../shared/ipc-contract.ts';

interface LibraryRow {
  id: number;
  name: string;
  root_path: string;
  last_scan_at: number | null;
  artists: number;
  albums: number;
  tracks: number;
}

// Each count is an index range on `library_id` (the leading column of the
// UNIQUE and status indexes), so totals stay cheap on large libraries.
const SUMMARY_COLUMNS = `
  l.id, l.name, l.root_path, l.last_scan_at,
  (SELECT COUNT(*) FROM artists WHERE library_id = l.id) AS artists,
  (SELECT COUNT(*) FROM albums WHERE library_id = l.id) AS albums,
  (SELECT COUNT(*) FROM tracks WHERE library_id = l.id) AS tracks`;

function toSummary(row: LibraryRow): LibrarySummary {
  return {
    id: row.id,
    name: row.name,
    rootPath: row.root_path,
    lastScanAt: row.last_scan_at === null ? null : new Date(row.last_scan_at).toISOString(),
    totals: { artists: row.artists, albums: row.albums, tracks: row.tracks },
  };
}

/** Lists every library with its artist, album and track totals, by name. */
export function listLibraries(db: Database.Database): LibrarySummary[] {
  const rows = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM libraries l ORDER BY l.name COLLATE NOCASE, l.id`).all() as LibraryRow[];
  return rows.map(toSummary);
}

/** Returns one library with its totals; undefined when no library has the id. */
export function findLibrary(db: Database.Database, libraryId: number): LibrarySummary | undefined {
  const row = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM libraries l WHERE l.id = ?`).get(libraryId) as LibraryRow | undefined;
  return row ? toSummary(row) : undefined;
}
