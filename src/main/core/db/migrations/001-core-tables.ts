import type { Migration } from '../migration.ts';

/**
 * The core library tables, as the first release shipped them, with no
 * per-source columns. `IF NOT EXISTS` lets a database made by another tool
 * with the same tables adopt this schema without losing rows.
 */
export const migration001: Migration = {
  version: 1,
  name: 'core-tables',
  up(db) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS libraries (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        root_path TEXT NOT NULL UNIQUE,
        created_at INTEGER NOT NULL DEFAULT (unixepoch() * 1000),
        last_scan_at INTEGER
      );

      CREATE TABLE IF NOT EXISTS artists (
        id INTEGER PRIMARY KEY,
        library_id INTEGER NOT NULL REFERENCES libraries(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        thumb_url TEXT,
        UNIQUE (library_id, name)
      );

      CREATE TABLE IF NOT EXISTS albums (
        id INTEGER PRIMARY KEY,
        library_id INTEGER NOT NULL REFERENCES libraries(id) ON DELETE CASCADE,
        artist_id INTEGER REFERENCES artists(id) ON DELETE SET NULL,
        title TEXT NOT NULL,
        year INTEGER,
        label TEXT,
        thumb_url TEXT,
        api_track_count INTEGER,
        is_compilation INTEGER NOT NULL DEFAULT 0,
        UNIQUE (library_id, artist_id, title)
      );

      CREATE TABLE IF NOT EXISTS tracks (
        id INTEGER PRIMARY KEY,
        library_id INTEGER NOT NULL REFERENCES libraries(id) ON DELETE CASCADE,
        album_id INTEGER REFERENCES albums(id) ON DELETE SET NULL,
        artist_id INTEGER REFERENCES artists(id) ON DELETE SET NULL,
        title TEXT NOT NULL,
        title_from_tags INTEGER NOT NULL DEFAULT 1,
        track_number INTEGER,
        disc_number INTEGER,
        duration_ms INTEGER,
        year INTEGER,
        path TEXT NOT NULL,
        file_size INTEGER NOT NULL DEFAULT 0,
        file_mtime_ms INTEGER NOT NULL DEFAULT 0,
        UNIQUE (library_id, path)
      );

      CREATE INDEX IF NOT EXISTS idx_albums_artist ON albums(artist_id);
      CREATE INDEX IF NOT EXISTS idx_tracks_album ON tracks(album_id);
      CREATE INDEX IF NOT EXISTS idx_tracks_artist ON tracks(artist_id);

      CREATE TABLE IF NOT EXISTS settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `);
  },
};
