/**
 * Parsing of `/api/amazon-music/media-from-asin` responses: a list or a single
 * object of stream info and tags, with old and new field spellings.
 */
import type { CatalogTrack } from '../types.ts';
import { isRecord, readBoolean, readFirstPositiveInteger, readFirstString, readNumber, readString, type JsonRecord } from './json-read.ts';
import { parseReleaseDate } from './release-date.ts';
import { WireShapeError, type IssueSink } from './wire-shape.ts';

/** One media entry, with the tags read and the stream details kept. */
export interface T2TunesMedia {
  asin: string;
  /** `null` when neither `streamable` nor the misspelt `stremeable` is sent. */
  streamable: boolean | null;
  title: string | null;
  artist: string | null;
  album: string | null;
  isrc: string | null;
  trackNumber: number | null;
  discNumber: number | null;
  genre: string | null;
  label: string | null;
  /** ISO `YYYY-MM-DD` from the `date` tag, when it names a day. */
  releaseDate: string | null;
  coverUrl: string | null;
  codec: string | null;
  sampleRate: number | null;
}

function readEntry(entry: JsonRecord, asin: string): T2TunesMedia {
  const tags = isRecord(entry.tags) ? entry.tags : {};
  const streamInfo = isRecord(entry.streamInfo) ? entry.streamInfo : {};

  return {
    asin,
    streamable: readBoolean(entry.streamable) ?? readBoolean(entry.stremeable),
    title: readString(tags.title),
    artist: readString(tags.artist),
    album: readString(tags.album),
    isrc: readString(tags.isrc),
    trackNumber: readFirstPositiveInteger(tags, ['trackNumber', 'track']),
    discNumber: readFirstPositiveInteger(tags, ['discNumber', 'disc']),
    genre: readString(tags.genre),
    label: readString(tags.label),
    releaseDate: parseReleaseDate(tags.date),
    coverUrl: readFirstString(entry, ['coverUrl', 'templateCoverUrl']),
    codec: readString(streamInfo.codec),
    sampleRate: readNumber(streamInfo.sampleRate),
  };
}

/**
 * Reads a media response into entries, skipping (and reporting) entries without
 * an asin. Throws `WireShapeError` when the body is neither a list nor an
 * entry object, or is an `{"error": true}` object.
 */
export function parseMediaResponse(body: unknown, onIssue: IssueSink): T2TunesMedia[] {
  if (isRecord(body) && body.error === true) {
    throw new WireShapeError('item', `media response is an error: ${readString(body.message) ?? 'no message'}`, body);
  }

  let entries: unknown[];
  if (Array.isArray(body)) {
    entries = body;
  } else if (isRecord(body) && readString(body.asin) !== null) {
    entries = [body];
  } else {
    throw new WireShapeError('response', 'media response is neither a list nor an entry with an asin', body);
  }

  const media: T2TunesMedia[] = [];
  for (const entry of entries) {
    const asin = isRecord(entry) ? readString(entry.asin) : null;
    if (!isRecord(entry) || asin === null) {
      onIssue({ problem: 'media entry without an asin', sample: entry });
      continue;
    }
    media.push(readEntry(entry, asin));
  }
  return media;
}

/** Converts a media entry to a track of `albumId`; media carries no duration. */
export function mediaToTrack(media: T2TunesMedia, albumId: string | null): CatalogTrack | null {
  if (media.title === null) {
    return null;
  }
  return {
    id: media.asin,
    title: media.title,
    artistName: media.artist ?? '',
    albumId,
    albumTitle: media.album,
    trackNumber: media.trackNumber,
    discNumber: media.discNumber,
    durationSeconds: null,
    isrc: media.isrc,
    releaseDate: media.releaseDate,
  };
}
