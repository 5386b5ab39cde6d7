import fs from 'node:fs';

import type Database from 'better-sqlite3';

import { openDatabase } from '../../src/main/core/db/connection.ts';
import { planLayout, plannedArtists, type PlannedAlbum, type PlannedArtist, type PlannedTrack } from './library-plan.ts';
import { GENERATED_NOW, MatchStateAssigner, type LibraryState, type MatchColumns } from './match-states.ts';
import { trackFileName } from './track-paths.ts';

export interface GenerateLibraryOptions {
  file: string;
  seed: number;
  tracks: number;
  state: LibraryState;
}

export interface GeneratedLibrary {
  artists: number;
  albums: number;
  tracks: number;
  durationMs: number;
}

/** Rows per write transaction: large, because nothing else uses the file while it is built. */
const ROWS_PER_TRANSACTION = 100_000;
/** Bytes per millisecond of audio at 320 kbit/s, for a believable `file_size`. */
const BYTES_PER_MS = 40;

const AMAZON_COLUMNS = 'amazon_id, amazon_match_status, amazon_last_attempted, amazon_attempts, amazon_last_error, amazon_next_retry_at';

/**
 * Writes a synthetic library into a new Liner database. The file is opened
 * with `openDatabase`, so the migrations, indexes and count triggers are the
 * ones the app runs. Only the load itself uses bulk settings (no journal,
 * no sync, a large cache, temporary files in memory), and the file ends in
 * WAL mode like any other.
 * `thumb_url` stays empty, so a browser showing the library never fetches
 * an image from the internet.
 */
export function generateLibraryDb(options: GenerateLibraryOptions): GeneratedLibrary {
  const started = performance.now();
  if (fs.existsSync(options.file)) throw new Error(`Refusing to generate into ${options.file}: the file exists.`);

  const db = openDatabase(options.file);
  try {
    // WAL cannot switch to OFF directly; DELETE is the step between.
    db.pragma('journal_mode = DELETE');
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -262144');
    // Each insert fires a count trigger, so SQLite opens a statement journal per row; in memory it costs no file writes.
    db.pragma('temp_store = MEMORY');

    const layout = planLayout(options.seed, options.tracks);
    const loader = new RowLoader(db, options, layout.artists + layout.albums + layout.tracks, layout);
    loader.load(plannedArtists(options.seed, layout));

    db.pragma('journal_mode = WAL');
    return { artists: layout.artists, albums: layout.albums, tracks: layout.tracks, durationMs: performance.now() - started };
  } finally {
    db.close();
  }
}

/** Inserts the planned rows in queue order positions, committing every `ROWS_PER_TRANSACTION` rows. */
class RowLoader {
  private readonly statements;
  private readonly states: MatchStateAssigner;
  private readonly root: string;
  private readonly libraryId: number;
  private readonly albumBase: number;
  private readonly trackBase: number;
  private artistIndex = 0;
  private albumIndex = 0;
  private trackIndex = 0;
  private rowsInTransaction = 0;

  constructor(
    private readonly db: Database.Database,
    options: GenerateLibraryOptions,
    totalItems: number,
    layout: { artists: number; albums: number },
  ) {
    this.root = `/music/synthetic-${options.seed}-${options.tracks}`;
    this.states = new MatchStateAssigner(options.seed, options.state, totalItems);
    this.albumBase = layout.artists;
    this.trackBase = layout.artists + layout.albums;

    this.libraryId = Number(db.prepare('INSERT INTO libraries (name, root_path, last_scan_at) VALUES (?, ?, ?)').run('Synthetic library', this.root, GENERATED_NOW).lastInsertRowid);
    this.statements = {
      artist: db.prepare(`INSERT INTO artists (library_id, name, ${AMAZON_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
      album: db.prepare(
        `INSERT INTO albums (library_id, artist_id, title, year, label, api_track_count, ${AMAZON_COLUMNS})
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      track: db.prepare(
        `INSERT INTO tracks (library_id, album_id, artist_id, title, title_from_tags, track_number, disc_number, duration_ms,
                             year, path, file_size, file_mtime_ms, artist_credit, ${AMAZON_COLUMNS})
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
    };
  }

  load(artists: Iterable<PlannedArtist>): void {
    this.db.exec('BEGIN');
    for (const artist of artists) this.insertArtist(artist);
    this.db.exec('COMMIT');
  }

  private insertArtist(artist: PlannedArtist): void {
    const match = this.states.columns(this.artistIndex++);
    const artistId = Number(this.statements.artist.run(this.libraryId, artist.name, ...matchValues(match)).lastInsertRowid);
    this.countRow();

    for (const album of artist.albums) this.insertAlbum(artistId, artist.name, album);
  }

  private insertAlbum(artistId: number, artistName: string, album: PlannedAlbum): void {
    const match = this.states.columns(this.albumBase + this.albumIndex++);
    const trackCount = match.status === 'matched' ? album.tracks.length : null;
    const albumId = Number(
      this.statements.album.run(this.libraryId, artistId, album.title, album.year, album.label, trackCount, ...matchValues(match)).lastInsertRowid,
    );
    this.countRow();

    for (const track of album.tracks) this.insertTrack(artistId, albumId, artistName, album, track);
  }

  private insertTrack(artistId: number, albumId: number, artistName: string, album: PlannedAlbum, track: PlannedTrack): void {
    const position = this.trackBase + this.trackIndex++;
    const match = this.states.columns(position);
    const filePath = `${this.root}/${trackFileName(artistName, album, track)}`;

    // A track without a title tag is named after its file, which carries the same title.
    this.statements.track.run(
      this.libraryId, albumId, artistId, track.title, track.titleFromTags ? 1 : 0, track.trackNumber, track.discNumber,
      track.durationMs, album.year, filePath, track.durationMs * BYTES_PER_MS, GENERATED_NOW - 400 * 86_400_000 + position * 1_000,
      track.credit, ...matchValues(match),
    );
    this.countRow();
  }

  private countRow(): void {
    if (++this.rowsInTransaction < ROWS_PER_TRANSACTION) return;
    this.db.exec('COMMIT');
    this.db.exec('BEGIN');
    this.rowsInTransaction = 0;
  }
}

function matchValues(match: MatchColumns): (string | number | null)[] {
  return [match.amazonId, match.status, match.lastAttempted, match.attempts, match.lastError, match.nextRetryAt];
}
