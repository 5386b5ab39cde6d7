import { setImmediate as nextTurn } from 'node:timers/promises';

import type Database from 'better-sqlite3';

import type { LibraryTotals } from './library-store.ts';

/**
 * Rows deleted per transaction. Each chunk blocks the thread that runs it, so
 * chunks keep a large removal from freezing the app or holding the write
 * lock for long. Measured: a 2 000-track chunk took about 20 ms (at most 47 ms) on a
 * 2-core AMD EPYC VM, against 0.5 s for 100 000 tracks in one transaction.
 */
const REMOVE_CHUNK_ROWS = 2_000;

/** Children first, so no `ON DELETE SET NULL` rewrites a row that is about to go. */
const TABLES_IN_DELETE_ORDER = ['tracks', 'albums', 'artists'] as const;

/** Deletes up to `REMOVE_CHUNK_ROWS` of the library's rows from one table; returns how many went. */
function deleteChunk(db: Database.Database, table: (typeof TABLES_IN_DELETE_ORDER)[number], libraryId: number): number {
  const statement = db.prepare(`DELETE FROM ${table} WHERE id IN (SELECT id FROM ${table} WHERE library_id = ? LIMIT ?)`);
  return db.transaction(() => statement.run(libraryId, REMOVE_CHUNK_ROWS).changes).immediate();
}

/**
 * Deletes a library's tracks, albums and artists, then the library itself,
 * and returns how many of each went. Only database rows are deleted, never
 * audio files. The per-row DELETE triggers keep `amazon_counts` right; its
 * rows of the library (all zero by then) go with the library row.
 *
 * Rows go in short transactions with a turn of the event loop between them,
 * so other work keeps running. The library row goes last, so a removal that
 * stops halfway can be run again to finish. The caller makes sure no scan of
 * the library runs meanwhile.
 */
export async function removeLibraryRows(db: Database.Database, libraryId: number): Promise<LibraryTotals> {
  const removed: LibraryTotals = { artists: 0, albums: 0, tracks: 0 };

  for (const table of TABLES_IN_DELETE_ORDER) {
    for (;;) {
      const changes = deleteChunk(db, table, libraryId);
      removed[table] += changes;
      if (changes < REMOVE_CHUNK_ROWS) break;
      await nextTurn();
    }
  }

  db.transaction(() => {
    db.prepare('DELETE FROM libraries WHERE id = ?').run(libraryId);
    db.prepare('DELETE FROM amazon_counts WHERE library_id = ?').run(libraryId);
  }).immediate();
  return removed;
}
