import type Database from 'better-sqlite3';

import type { ScannedTrack } from '../../../shared/scan-protocol.ts';

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
      // NOTE: a retagged track keeps its match status and id, even when its
      // title or artist changed; enrichment does not re-check it on its own.
      updateTrack: db.prepare(
        `UPDATE tracks SET album_id = @albumId, artist_id = @artistId, title = @title, title_from_tags = @titleFromTags,
                           track_number = @trackNumber, disc_number = @discNumber, duration_ms = @durationMs,
                           year = @year, file_size = @size, file_mtime_ms = @mtimeMs, artist_credit = @artistCredit
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
