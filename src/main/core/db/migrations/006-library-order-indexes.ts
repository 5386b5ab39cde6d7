import type { Migration } from '../migration.ts';

/**
 * Indexes on (library_id, id) for each entity table, so a page of one
 * library's items in id order is read straight from an index. Without them
 * SQLite picks `UNIQUE (library_id, path)` for tracks and sorts the whole
 * library for every page (over a second at a million tracks).
 */
export const migration006: Migration = {
  version: 6,
  name: 'library-order-indexes',
  up(db) {
    db.exec(`
      CREATE INDEX IF NOT EXISTS idx_artists_library_id ON artists(library_id, id);
      CREATE INDEX IF NOT EXISTS idx_albums_library_id ON albums(library_id, id);
      CREATE INDEX IF NOT EXISTS idx_tracks_library_id ON tracks(library_id, id);
    `);
  },
};
