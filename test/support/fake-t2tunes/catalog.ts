/**
 * Loading and indexing of a catalog fixture: albums with their tracks, as a
 * fake T2Tunes instance "knows" them. A track without an artist takes its
 * album's artist.
 */
import { readFile } from 'node:fs/promises';

export interface FixtureTrack {
  asin: string;
  title: string;
  artist: string;
  trackNumber: number;
  discNumber: number;
  /** Seconds. */
  duration: number;
  isrc: string | null;
}

export interface FixtureAlbum {
  asin: string;
  title: string;
  artist: string;
  label: string | null;
  /** `YYYY-MM-DD`. */
  releaseDate: string;
  image: string | null;
  explicit: boolean;
  /** 0-100; breaks ties between equally scored search hits. */
  popularity: number;
  tracks: FixtureTrack[];
}

export interface Catalog {
  albums: FixtureAlbum[];
}

/** A catalog with lookups by ASIN. */
export interface IndexedCatalog {
  albums: readonly FixtureAlbum[];
  albumByAsin: ReadonlyMap<string, FixtureAlbum>;
  /** Track ASIN to the track and the album it is on. */
  trackByAsin: ReadonlyMap<string, { track: FixtureTrack; album: FixtureAlbum }>;
}

const ASIN_PATTERN = /^B0[A-Z0-9]{8}$/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

type RawRecord = Record<string, unknown>;

function fail(where: string, message: string): never {
  throw new Error(`Invalid catalog fixture at ${where}: ${message}`);
}

function requireString(record: RawRecord, key: string, where: string): string {
  const value = record[key];
  if (typeof value !== 'string' || value === '') fail(where, `"${key}" must be a non-empty string`);
  return value;
}

function requireNumber(record: RawRecord, key: string, where: string): number {
  const value = record[key];
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(where, `"${key}" must be a number`);
  return value;
}

function optionalString(record: RawRecord, key: string): string | null {
  const value = record[key];
  return typeof value === 'string' && value !== '' ? value : null;
}

function asRecord(value: unknown, where: string): RawRecord {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(where, 'expected an object');
  return value as RawRecord;
}

function readTrack(raw: unknown, albumArtist: string, where: string): FixtureTrack {
  const record = asRecord(raw, where);
  return {
    asin: requireString(record, 'asin', where),
    title: requireString(record, 'title', where),
    artist: optionalString(record, 'artist') ?? albumArtist,
    trackNumber: requireNumber(record, 'trackNumber', where),
    discNumber: typeof record.discNumber === 'number' ? record.discNumber : 1,
    duration: requireNumber(record, 'duration', where),
    isrc: optionalString(record, 'isrc'),
  };
}

function readAlbum(raw: unknown, where: string): FixtureAlbum {
  const record = asRecord(raw, where);
  const artist = requireString(record, 'artist', where);
  const releaseDate = requireString(record, 'releaseDate', where);
  if (!DATE_PATTERN.test(releaseDate)) fail(where, `releaseDate "${releaseDate}" is not YYYY-MM-DD`);
  if (!Array.isArray(record.tracks)) fail(where, '"tracks" must be a list');

  return {
    asin: requireString(record, 'asin', where),
    title: requireString(record, 'title', where),
    artist,
    label: optionalString(record, 'label'),
    releaseDate,
    image: optionalString(record, 'image'),
    explicit: record.explicit === true,
    popularity: typeof record.popularity === 'number' ? record.popularity : 0,
    tracks: record.tracks.map((track, index) => readTrack(track, artist, `${where}.tracks[${index}]`)),
  };
}

/** Validates a parsed catalog fixture: shapes, ASIN form and ASIN uniqueness. */
export function parseCatalog(raw: unknown): Catalog {
  const record = asRecord(raw, 'root');
  if (!Array.isArray(record.albums)) fail('root', '"albums" must be a list');

  const albums = record.albums.map((album, index) => readAlbum(album, `albums[${index}]`));
  const seen = new Set<string>();
  for (const asin of albums.flatMap((album) => [album.asin, ...album.tracks.map((track) => track.asin)])) {
    if (!ASIN_PATTERN.test(asin)) fail(asin, 'ASIN must be "B0" and 8 upper-case letters or digits');
    if (seen.has(asin)) fail(asin, 'ASIN is not unique');
    seen.add(asin);
  }
  return { albums };
}

export async function loadCatalog(path: string): Promise<Catalog> {
  const text = await readFile(path, 'utf8');
  return parseCatalog(JSON.parse(text));
}

export function indexCatalog(catalog: Catalog): IndexedCatalog {
  const albumByAsin = new Map<string, FixtureAlbum>();
  const trackByAsin = new Map<string, { track: FixtureTrack; album: FixtureAlbum }>();

  for (const album of catalog.albums) {
    albumByAsin.set(album.asin, album);
    for (const track of album.tracks) {
      trackByAsin.set(track.asin, { track, album });
    }
  }
  return { albums: catalog.albums, albumByAsin, trackByAsin };
}
