import type Database from 'better-sqlite3';

import type { ScannedTrack } from '../../../shared/scan-protocol.ts';

/** True in an UPDATE of `tracks` when the new tags name another recording and the match is automatic. */
const RETAGGED =
  '(amazon_manual = 0 AND (title IS NOT @title OR artist_id IS NOT @artistId OR album_id IS NOT @albumId))';

/** Row counts of one batch: tracks inserted or updated, artists and albums inserted. */
export interface WriteResult {
  addedTracks: number;
  updatedTracks: number;
  addedArtists: number;
  addedAlbums: number;
}

type Id = number | bigint;

/**
 * Upserts scanned tracks with their artists and albums, one transaction per
 * batch. Rows are found by natural key: an artist by library and name, an
 * album by library, album artist and title, a track by library and path.
 * They are updated in place and never deleted and re-inserted, so the
 * enrichment columns (`amazon_*`, `thumb_url`, `label`, `api_track_count`)
 * of kept rows survive a rescan.
 */
export class TrackWriter {
  private readonly statements;

  constructor(
    private readonly db: Database.Database,
    private readonly libraryId: number,
  ) {
    this.statements = {
      // NOTE: names match exactly, so "Explosions In The Sky" and "Explosions
      // in the Sky" become two artists, as the UNIQUE (library_id, name) allows.
      findArtist: db.prepare<[number, string], { id: number }>('SELECT id FROM artists WHERE library_id = ? AND name = ?'),
      insertArtist: db.prepare<[number, string]>('INSERT INTO artists (library_id, name) VALUES (?, ?)'),
      // `IS` so that albums without an artist (artist_id NULL) are found too;
      // the UNIQUE constraint treats NULLs as distinct and would not.
      findAlbum: db.prepare<[number, Id | null, string], { id: number }>(
        'SELECT id FROM albums WHERE library_id = ? AND artist_id IS ? AND title = ?',
      ),
      insertAlbum: db.prepare<[number, Id | null, string, number | null, string | null, number]>(
        'INSERT INTO albums (library_id, artist_id, title, year, label, is_compilation) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      // Fills gaps only: a year, label or compilation flag already stored
      // (by an earlier track, the user or enrichment) is never replaced.
      fillAlbum: db.prepare<[{ id: Id; year: number | null; label: string | null; compilation: number }]>(
        `UPDATE albums SET year = coalesce(year, @year), label = coalesce(label, @label), is_compilation = max(is_compilation, @compilation)
          WHERE id = @id AND ((year IS NULL AND @year IS NOT NULL) OR (label IS NULL AND @label IS NOT NULL) OR is_compilation < @compilation)`,
      ),
      findTrack: db.prepare<[number, string], { id: number }>('SELECT id FROM tracks WHERE library_id = ? AND path = ?'),
      insertTrack: db.prepare(
        `INSERT INTO tracks (library_id, album_id, artist_id, title, title_from_tags, track_number, disc_number,
                             duration_ms, year, path, file_size, file_mtime_ms, artist_credit)
         VALUES (@libraryId, @albumId, @artistId, @title, @titleFromTags, @trackNumber, @discNumber,
                 @durationMs, @year, @path, @size, @mtimeMs, @artistCredit)`,
      ),
      // A retag that changes the title, artist or album makes the stored
      // match a guess about another recording, so an automatic match is
      // dropped and the track queued again. A manual id is the user's and stays.
      updateTrack: db.prepare(
        `UPDATE tracks SET album_id = @albumId, artist_id = @artistId, title = @title, title_from_tags = @titleFromTags,
                           track_number = @trackNumber, disc_number = @discNumber, duration_ms = @durationMs,
                           year = @year, file_size = @size, file_mtime_ms = @mtimeMs, artist_credit = @artistCredit,
                           amazon_id = CASE WHEN ${RETAGGED} THEN NULL ELSE amazon_id END,
                           amazon_match_status = CASE WHEN ${RETAGGED} THEN NULL ELSE amazon_match_status END,
                           amazon_attempts = CASE WHEN ${RETAGGED} THEN 0 ELSE amazon_attempts END,
                           amazon_last_error = CASE WHEN ${RETAGGED} THEN NULL ELSE amazon_last_error END,
                           amazon_next_retry_at = CASE WHEN ${RETAGGED} THEN NULL ELSE amazon_next_retry_at END
          WHERE id = @id`,
      ),
    };
  }

  /** Writes one batch in a single immediate transaction. */
  write(tracks: readonly ScannedTrack[]): WriteResult {
    const result: WriteResult = { addedTracks: 0, updatedTracks: 0, addedArtists: 0, addedAlbums: 0 };
    const writeBatch = this.db.transaction(() => {
      for (const track of tracks) this.writeTrack(track, result);
    });
    writeBatch.immediate();
    return result;
  }

  private writeTrack(track: ScannedTrack, result: WriteResult): void {
    const artistId = track.artist ? this.artistId(track.artist, result) : null;
    const albumArtistId = track.albumArtist ? this.artistId(track.albumArtist, result) : null;
    const albumId = track.album ? this.albumId(albumArtistId, track, result) : null;

    const row = {
      libraryId: this.libraryId,
      albumId,
      artistId,
      title: track.title,
      titleFromTags: track.titleFromTags ? 1 : 0,
      trackNumber: track.trackNumber,
      discNumber: track.discNumber,
      durationMs: track.durationMs,
      year: track.year,
      path: track.path,
      size: track.size,
      mtimeMs: track.mtimeMs,
      artistCredit: track.artistCredit,
    };

    const existing = this.statements.findTrack.get(this.libraryId, track.path);
    if (existing) {
      this.statements.updateTrack.run({ ...row, id: existing.id });
      result.updatedTracks++;
    } else {
      this.statements.insertTrack.run(row);
      result.addedTracks++;
    }
  }

  private artistId(name: string, result: WriteResult): Id {
    const found = this.statements.findArtist.get(this.libraryId, name);
    if (found) return found.id;

    result.addedArtists++;
    return this.statements.insertArtist.run(this.libraryId, name).lastInsertRowid;
  }

  private albumId(artistId: Id | null, track: ScannedTrack, result: WriteResult): Id {
    const title = track.album as string;
    const compilation = track.compilation ? 1 : 0;

    const found = this.statements.findAlbum.get(this.libraryId, artistId, title);
    if (found) {
      this.statements.fillAlbum.run({ id: found.id, year: track.year, label: track.label, compilation });
      return found.id;
    }

    result.addedAlbums++;
    return this.statements.insertAlbum.run(this.libraryId, artistId, title, track.year, track.label, compilation).lastInsertRowid;
  }
}
