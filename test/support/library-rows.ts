import type Database from 'better-sqlite3';

/** Inserts a small library straight into the tables: one artist, one album, `trackTitles` tracks. */
export function insertLibrary(
  db: Database.Database,
  options: { artist?: string; album?: string; trackTitles?: string[]; libraryId?: number } = {},
): { libraryId: number; artistId: number; albumId: number; trackIds: number[] } {
  const libraryId = options.libraryId ?? 1;
  db.prepare('INSERT OR IGNORE INTO libraries (id, name, root_path) VALUES (?, ?, ?)').run(libraryId, `Library ${libraryId}`, `/music/${libraryId}`);

  const artistId = Number(
    db.prepare('INSERT INTO artists (library_id, name) VALUES (?, ?)').run(libraryId, options.artist ?? 'Nirvana').lastInsertRowid,
  );
  const albumId = Number(
    db.prepare('INSERT INTO albums (library_id, artist_id, title) VALUES (?, ?, ?)').run(libraryId, artistId, options.album ?? 'Nevermind')
      .lastInsertRowid,
  );
  const trackIds = (options.trackTitles ?? ['In Bloom']).map((title, index) =>
    Number(
      db
        .prepare('INSERT INTO tracks (library_id, album_id, artist_id, title, track_number, path) VALUES (?, ?, ?, ?, ?, ?)')
        .run(libraryId, albumId, artistId, title, index + 1, `/music/${libraryId}/${albumId}/${index + 1}.flac`).lastInsertRowid,
    ),
  );
  return { libraryId, artistId, albumId, trackIds };
}
