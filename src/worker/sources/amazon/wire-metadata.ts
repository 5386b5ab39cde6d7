/**
 * Parsing of `/api/amazon-music/metadata` responses (`albumList[0]`), across the
 * old and new backends' artist-name and release-date fields.
 */
import type { CatalogAlbum, CatalogTrack } from '../types.ts';
import {
  isRecord,
  readBoolean,
  readFirstPositiveInteger,
  readFirstString,
  readNumber,
  readString,
  type JsonRecord,
} from './json-read.ts';
import { parseReleaseDate } from './release-date.ts';
import { WireShapeError, type IssueSink } from './wire-shape.ts';

/** The original release comes first, so an album's year matches its tags. */
const DATE_KEYS = ['originalReleaseDate', 'release_date', 'releaseDate', 'streetDate', 'merchantReleaseDate'];

export type MetadataResult = { found: true; album: CatalogAlbum } | { found: false };

function readAlbumArtist(album: JsonRecord): string | null {
  const direct = readFirstString(album, ['primaryArtistName', 'artistName']);
  if (direct !== null) {
    return direct;
  }
  return isRecord(album.artist) ? readString(album.artist.name) : null;
}

function readAlbumDate(album: JsonRecord): string | null {
  for (const key of DATE_KEYS) {
    const date = parseReleaseDate(album[key]);
    if (date !== null) {
      return date;
    }
  }
  return null;
}

function readAlbumTrack(entry: unknown, album: CatalogAlbum, onIssue: IssueSink): CatalogTrack | null {
  if (!isRecord(entry)) {
    onIssue({ problem: 'metadata track entry is not an object', sample: entry });
    return null;
  }

  const id = readFirstString(entry, ['asin', 'id']);
  const title = readString(entry.title);
  if (id === null || title === null) {
    onIssue({ problem: 'metadata track entry without an asin or title', sample: entry });
    return null;
  }

  const duration = readNumber(entry.duration);
  return {
    id,
    title,
    artistName: readFirstString(entry, ['artistName', 'primaryArtistName', 'artist']) ?? album.artistName,
    albumId: album.id,
    albumTitle: album.title,
    trackNumber: readFirstPositiveInteger(entry, ['trackNum', 'trackNumber', 'track']),
    discNumber: readFirstPositiveInteger(entry, ['discNum', 'discNumber', 'disc']),
    durationSeconds: duration !== null && duration > 0 ? duration : null,
    isrc: readString(entry.isrc),
    releaseDate: album.releaseDate,
  };
}

/** Reads the track list. An empty list counts as not sent, so callers fall back to media. */
function readAlbumTracks(value: unknown, album: CatalogAlbum, onIssue: IssueSink): CatalogTrack[] | null {
  if (!Array.isArray(value) || value.length === 0) {
    return null;
  }

  const tracks: CatalogTrack[] = [];
  for (const entry of value) {
    const track = readAlbumTrack(entry, album, onIssue);
    if (track !== null) tracks.push(track);
  }
  return tracks;
}

function readAlbum(entry: unknown, onIssue: IssueSink): CatalogAlbum {
  if (!isRecord(entry)) {
    throw new WireShapeError('item', 'metadata albumList[0] is not an object', entry);
  }

  const id = readFirstString(entry, ['asin', 'id']);
  const title = readString(entry.title);
  if (id === null || title === null) {
    throw new WireShapeError('item', 'metadata albumList[0] has no asin or title', entry);
  }

  const artistName = readAlbumArtist(entry);
  if (artistName === null) {
    onIssue({ problem: 'metadata album without an artist name', sample: entry });
  }

  const album: CatalogAlbum = {
    id,
    title,
    artistName: artistName ?? '',
    label: readString(entry.label),
    imageUrl: readFirstString(entry, ['image', 'imageUrl', 'coverUrl']),
    trackCount: readFirstPositiveInteger(entry, ['trackCount']),
    explicit: readBoolean(entry.explicit),
    releaseDate: readAlbumDate(entry),
    tracks: null,
  };
  album.tracks = readAlbumTracks(entry.tracks, album, onIssue);
  return album;
}

/**
 * Reads a metadata response. A missing or empty `albumList` is "not found".
 * Throws `WireShapeError` with scope `response` when the body is not an
 * object or `albumList` is not a list, and `item` when the album entry lacks
 * an asin or title.
 */
export function parseMetadataResponse(body: unknown, onIssue: IssueSink): MetadataResult {
  if (!isRecord(body)) {
    throw new WireShapeError('response', 'metadata response is not a JSON object', body);
  }

  const albumList = body.albumList;
  if (albumList === undefined || albumList === null) {
    return { found: false };
  }
  if (!Array.isArray(albumList)) {
    throw new WireShapeError('response', 'metadata "albumList" is not a list', body);
  }
  if (albumList.length === 0) {
    return { found: false };
  }

  return { found: true, album: readAlbum(albumList[0], onIssue) };
}
