import type Database from 'better-sqlite3';

/** Track rows deleted per transaction, so a large removal never holds the write lock for long. */
const REMOVE_CHUNK = 500;

/** Deletes tracks by id, in short transactions. Returns how many rows went. */
export function removeTracks(db: Database.Database, trackIds: readonly number[]): number {
  const remove = db.prepare('DELETE FROM tracks WHERE id = ?');
  const removeChunk = db.transaction((ids: readonly number[]) => {
    let removed = 0;
    for (const id of ids) removed += remove.run(id).changes;
    return removed;
  });

  let removed = 0;
  for (let start = 0; start < trackIds.length; start += REMOVE_CHUNK) {
    removed += removeChunk.immediate(trackIds.slice(start, start + REMOVE_CHUNK));
  }
  return removed;
}

/**
 * Deletes the library's albums that have no track left, then its artists
 * that have neither a track nor an album. Rows that still have tracks keep
 * their enrichment data. Returns the counts deleted.
 */
export function pruneEmptyEntities(db: Database.Database, libraryId: number): { albums: number; artists: number } {
  const prune = db.transaction(() => {
    const albums = db
      .prepare('DELETE FROM albums WHERE library_id = ? AND NOT EXISTS (SELECT 1 FROM tracks WHERE tracks.album_id = albums.id)')
      .run(libraryId).changes;
    const artists = db
      .prepare(
        `DELETE FROM artists WHERE library_id = ?
           AND NOT EXISTS (SELECT 1 FROM tracks WHERE tracks.artist_id = artists.id)
           AND NOT EXISTS (SELECT 1 FROM albums WHERE albums.artist_id = artists.id)`,
      )
      .run(libraryId).changes;
    return { albums, artists };
  });
  return prune.immediate();
}
