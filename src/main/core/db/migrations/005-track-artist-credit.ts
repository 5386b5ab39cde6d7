import { columnNames, type Migration } from '../migration.ts';

/**
 * The full artist credit of a track as tagged ("A feat. B", "A, B & C").
 * `tracks.artist_id` points at the primary artist only, so the credit keeps
 * what the tags said for display and for matching. NULL when unknown.
 */
export const migration005: Migration = {
  version: 5,
  name: 'track-artist-credit',
  up(db) {
    if (!columnNames(db, 'tracks').has('artist_credit')) {
      db.exec('ALTER TABLE tracks ADD COLUMN artist_credit TEXT');
    }
  },
};
