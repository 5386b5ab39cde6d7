import type Database from 'better-sqlite3';

import type { ItemKey, MatchQuery, WorkItem } from '../../../shared/worker-protocol.ts';

/** How many of an artist's or album's titles travel with a work item; enough to tell namesakes apart. */
const MAX_RELATED_TITLES = 50;

interface ArtistRow { id: number; library_id: number; name: string; amazon_id: string | null; amazon_manual: number; amazon_attempts: number }
interface AlbumRow extends ArtistRow { title: string; year: number | null; is_compilation: number; artist_name: string | null }
interface TrackRow extends ArtistRow {
  title: string;
  title_from_tags: number;
  track_number: number | null;
  disc_number: number | null;
  duration_ms: number | null;
  year: number | null;
  artist_name: string | null;
  album_title: string | null;
  album_artist_name: string | null;
}

/** Reads an entity and what the matcher needs to know about it from the library tables. */
export class WorkItemReader {
  private readonly statements;

  constructor(db: Database.Database) {
    this.statements = {
      artist: db.prepare('SELECT id, library_id, name, amazon_id, amazon_manual, amazon_attempts FROM artists WHERE id = ?'),
      artistAlbums: db.prepare(`SELECT title FROM albums WHERE artist_id = ? ORDER BY id LIMIT ${MAX_RELATED_TITLES}`),
      artistTracks: db.prepare(`SELECT title FROM tracks WHERE artist_id = ? AND title_from_tags = 1 ORDER BY id LIMIT ${MAX_RELATED_TITLES}`),
      album: db.prepare(`
        SELECT al.id, al.library_id, al.title AS name, al.title, al.year, al.is_compilation, al.amazon_id, al.amazon_manual,
               al.amazon_attempts, ar.name AS artist_name
        FROM albums al LEFT JOIN artists ar ON ar.id = al.artist_id WHERE al.id = ?`),
      albumTracks: db.prepare(`
        SELECT t.title, ar.name AS artist_name FROM tracks t LEFT JOIN artists ar ON ar.id = t.artist_id
        WHERE t.album_id = ? ORDER BY t.disc_number, t.track_number, t.id LIMIT ${MAX_RELATED_TITLES}`),
      albumTrackCount: db.prepare('SELECT COUNT(*) AS count FROM tracks WHERE album_id = ?'),
      track: db.prepare(`
        SELECT t.id, t.library_id, t.title AS name, t.title, t.title_from_tags, t.track_number, t.disc_number, t.duration_ms,
               t.year, t.amazon_id, t.amazon_manual, t.amazon_attempts, ar.name AS artist_name, al.title AS album_title,
               aa.name AS album_artist_name
        FROM tracks t
        LEFT JOIN artists ar ON ar.id = t.artist_id
        LEFT JOIN albums al ON al.id = t.album_id
        LEFT JOIN artists aa ON aa.id = al.artist_id
        WHERE t.id = ?`),
    };
  }

  /** Returns the work item for a key, or null when the entity no longer exists. */
  read(key: ItemKey): WorkItem | null {
    switch (key.entityType) {
      case 'artist':
        return this.readArtist(key.id);
      case 'album':
        return this.readAlbum(key.id);
      case 'track':
        return this.readTrack(key.id);
    }
  }

  private readArtist(id: number): WorkItem | null {
    const row = this.statements.artist.get(id) as ArtistRow | undefined;
    if (!row) return null;

    const titles = (statement: Database.Statement) => (statement.all(id) as { title: string }[]).map((r) => r.title);
    const query: MatchQuery = {
      entityType: 'artist',
      name: row.name,
      albumTitles: titles(this.statements.artistAlbums),
      trackTitles: titles(this.statements.artistTracks),
    };
    return toWorkItem('artist', row, row.name, query, blankReason(row.name, 'artist name'));
  }

  private readAlbum(id: number): WorkItem | null {
    const row = this.statements.album.get(id) as AlbumRow | undefined;
    if (!row) return null;

    const tracks = this.statements.albumTracks.all(id) as { title: string; artist_name: string | null }[];
    const { count } = this.statements.albumTrackCount.get(id) as { count: number };
    const query: MatchQuery = {
      entityType: 'album',
      title: row.title,
      artistName: row.is_compilation ? 'Various Artists' : row.artist_name,
      year: row.year,
      trackTitles: tracks.map((track) => track.title),
      trackArtistNames: tracks.map((track) => track.artist_name ?? ''),
      trackCount: count,
    };
    return toWorkItem('album', row, row.title, query, blankReason(row.title, 'album title'));
  }

  private readTrack(id: number): WorkItem | null {
    const row = this.statements.track.get(id) as TrackRow | undefined;
    if (!row) return null;

    const query: MatchQuery = {
      entityType: 'track',
      title: row.title,
      artistName: row.artist_name,
      albumTitle: row.album_title,
      albumArtistName: row.album_artist_name,
      trackNumber: row.track_number,
      discNumber: row.disc_number,
      durationMs: row.duration_ms,
      year: row.year,
    };
    const reason = row.title_from_tags ? blankReason(row.title, 'track title') : 'the file has no title tag';
    return toWorkItem('track', row, row.title, query, reason);
  }
}

function blankReason(value: string | null, what: string): string | null {
  return value && value.trim() !== '' ? null : `the ${what} is empty`;
}

function toWorkItem(
  entityType: WorkItem['entityType'],
  row: ArtistRow,
  name: string,
  query: MatchQuery,
  unsearchableReason: string | null,
): WorkItem {
  return {
    entityType,
    id: row.id,
    libraryId: row.library_id,
    name,
    manualId: row.amazon_manual && row.amazon_id ? row.amazon_id : null,
    // A manual id can always be refreshed, even when the tags are empty.
    unsearchableReason: row.amazon_manual && row.amazon_id ? null : unsearchableReason,
    attempts: row.amazon_attempts,
    query,
  };
}
