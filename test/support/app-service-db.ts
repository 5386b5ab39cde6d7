import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type Database from 'better-sqlite3';

import { openDatabase } from '../../src/main/core/db/connection.ts';

/** A migrated database in a fresh temporary folder; `remove` closes it and deletes the folder. */
export interface TempDatabase {
  db: Database.Database;
  folder: string;
  remove(): void;
}

export function openTempDatabase(): TempDatabase {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'liner-app-service-'));
  const db = openDatabase(path.join(folder, 'liner.db'));
  return {
    db,
    folder,
    remove() {
      db.close();
      fs.rmSync(folder, { recursive: true, force: true });
    },
  };
}

export interface SeededLibrary {
  libraryId: number;
  artistId: number;
  albumId: number;
  trackIds: number[];
}

/**
 * Inserts one library with an artist, an album and four tracks in the four states:
 * matched (with an album ASIN), not_found, error (with a retry time) and
 * never attempted.
 */
export function seedLibrary(db: Database.Database, rootPath = '/music/seed'): SeededLibrary {
  const libraryId = Number(db.prepare('INSERT INTO libraries (name, root_path) VALUES (?, ?)').run('seed', rootPath).lastInsertRowid);
  const artistId = Number(
    db
      .prepare("INSERT INTO artists (library_id, name, amazon_id, amazon_match_status) VALUES (?, 'Daft Punk', 'daft-punk', 'matched')")
      .run(libraryId).lastInsertRowid,
  );
  const albumId = Number(
    db
      .prepare(
        `INSERT INTO albums (library_id, artist_id, title, year, label, thumb_url, api_track_count, amazon_id, amazon_match_status)
         VALUES (?, ?, 'Discovery', 2001, 'Virgin', 'https://m.media-amazon.com/images/I/cover.jpg', 14, 'B000059MEK', 'matched')`,
      )
      .run(libraryId, artistId).lastInsertRowid,
  );

  const insertTrack = db.prepare(
    `INSERT INTO tracks (library_id, album_id, artist_id, title, track_number, path,
                         amazon_id, amazon_match_status, amazon_attempts, amazon_last_error, amazon_next_retry_at, amazon_last_attempted)
     VALUES (@libraryId, @albumId, @artistId, @title, @number, @path, @amazonId, @status, @attempts, @lastError, @nextRetryAt, @lastAttempted)`,
  );
  const tracks = [
    { title: 'One More Time', amazonId: 'B000059MF1', status: 'matched', attempts: 0, lastError: null, nextRetryAt: null },
    { title: 'Aerodynamic', amazonId: null, status: 'not_found', attempts: 1, lastError: null, nextRetryAt: null },
    { title: 'Digital Love', amazonId: null, status: 'error', attempts: 2, lastError: 'HTTP 400: bad query', nextRetryAt: 1_900_000_000_000 },
    { title: 'Harder, Better, Faster, Stronger', amazonId: null, status: null, attempts: 0, lastError: null, nextRetryAt: null },
  ];
  const trackIds = tracks.map((track, index) =>
    Number(
      insertTrack.run({
        ...track,
        libraryId,
        albumId,
        artistId,
        number: index + 1,
        path: `${rootPath}/${String(index + 1).padStart(2, '0')} ${track.title}.flac`,
        lastAttempted: track.status === null ? null : 1_700_000_000_000,
      }).lastInsertRowid,
    ),
  );

  return { libraryId, artistId, albumId, trackIds };
}
