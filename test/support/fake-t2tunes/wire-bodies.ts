/**
 * JSON bodies the fake sends, in the wire shapes of the real T2Tunes: both
 * search generations, metadata with the old and new backends' field names,
 * and media-from-asin entries.
 */
import type { FixtureAlbum, FixtureTrack } from './catalog.ts';
import type { TrackHit } from './search-index.ts';

export type SearchShape = 'legacy' | 'graphql';

export const ARTIST_FIELDS = ['artistName', 'primaryArtistName', 'artist.name'] as const;
export const DATE_FIELDS = ['release_date', 'releaseDate', 'originalReleaseDate', 'merchantReleaseDate', 'streetDate'] as const;
export const DATE_FORMS = ['iso', 'epoch_seconds', 'epoch_ms'] as const;

export interface MetadataStyle {
  artistField: (typeof ARTIST_FIELDS)[number];
  dateField: (typeof DATE_FIELDS)[number];
  dateForm: (typeof DATE_FORMS)[number];
  /** `false` leaves out `tracks`, as some instances do. */
  includeTracks: boolean;
}

export interface MediaStyle {
  /** `object` sends a lone entry (track ASINs only) instead of a list. */
  form: 'list' | 'object';
  /** `old`: numeric `trackNumber`/`discNumber`; `new`: string `track`/`disc`. */
  numbers: 'old' | 'new';
  streamableKey: 'streamable' | 'stremeable';
}

/** Returns the style of the n-th response (0-based) when styles rotate. */
export function rotatingMetadataStyle(n: number, includeTracks: boolean): MetadataStyle {
  return {
    artistField: ARTIST_FIELDS[n % ARTIST_FIELDS.length] ?? 'artistName',
    dateField: DATE_FIELDS[n % DATE_FIELDS.length] ?? 'releaseDate',
    dateForm: DATE_FORMS[n % DATE_FORMS.length] ?? 'iso',
    includeTracks,
  };
}

export function rotatingMediaStyle(n: number): MediaStyle {
  return {
    form: n % 2 === 0 ? 'list' : 'object',
    numbers: n % 2 === 0 ? 'old' : 'new',
    streamableKey: n % 3 === 2 ? 'stremeable' : 'streamable',
  };
}

function isoTimestamp(date: string): string {
  return `${date}T00:00:00.000Z`;
}

function encodeDate(date: string, form: MetadataStyle['dateForm']): string | number {
  const milliseconds = Date.parse(isoTimestamp(date));
  if (form === 'epoch_ms') return milliseconds;
  if (form === 'epoch_seconds') return milliseconds / 1000;
  return isoTimestamp(date);
}

/** Derives an artist id for GraphQL nodes from the name, shaped like an ASIN. */
function fakeArtistId(name: string): string {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.codePointAt(0)!) >>> 0;
  return `B0AR${hash.toString(36).toUpperCase().padStart(6, '0').slice(-6)}`;
}

// ---- search ----

function legacyTrackDocument({ track, album }: TrackHit): object {
  return {
    asin: track.asin,
    title: track.title,
    artistName: track.artist,
    __type: 'MusicTrack',
    albumName: album.title,
    albumAsin: album.asin,
    duration: track.duration,
    isrc: track.isrc,
    primeStatus: 'PRIME',
  };
}

function legacyAlbumDocument(album: FixtureAlbum): object {
  return { asin: album.asin, title: album.title, artistName: album.artist, __type: 'MusicAlbum', image: album.image };
}

function graphqlArtists(name: string): object {
  return {
    concatenatedName: name,
    edges: [{ role: 'PRIMARY', node: { id: fakeArtistId(name), name } }],
  };
}

function graphqlTrackNode({ track, album }: TrackHit): object {
  return {
    id: track.asin,
    title: track.title,
    duration: track.duration,
    trackNumber: track.trackNumber,
    releaseDate: isoTimestamp(album.releaseDate),
    uri: `amzn://music/track/${track.asin}`,
    album: { id: album.asin, title: album.title, releaseDate: isoTimestamp(album.releaseDate) },
    contributingArtists: graphqlArtists(track.artist),
  };
}

function graphqlAlbumNode(album: FixtureAlbum): object {
  const images = album.image === null ? [] : [{ width: 500, height: 500, url: album.image }];
  return {
    id: album.asin,
    title: album.title,
    releaseDate: isoTimestamp(album.releaseDate),
    images,
    contributingArtists: graphqlArtists(album.artist),
  };
}

function graphqlBlock(nodes: object[]): object {
  return { edgeCount: nodes.length, pageInfo: { hasNextPage: false, token: null }, edges: nodes.map((node) => ({ node })) };
}

export function searchBody(shape: SearchShape, tracks: TrackHit[], albums: FixtureAlbum[] | null): object {
  if (shape === 'legacy') {
    const documents = [...tracks.map(legacyTrackDocument), ...(albums ?? []).map(legacyAlbumDocument)];
    return { results: [{ found: documents.length, hits: documents.map((document) => ({ document })) }] };
  }

  const data: Record<string, object> = { searchTracks: graphqlBlock(tracks.map(graphqlTrackNode)) };
  if (albums !== null) {
    data.searchAlbums = graphqlBlock(albums.map(graphqlAlbumNode));
  }
  return { data };
}

// ---- metadata ----

function metadataTrack(track: FixtureTrack, album: FixtureAlbum): object {
  const entry: Record<string, unknown> = {
    asin: track.asin,
    title: track.title,
    trackNum: track.trackNumber,
    discNum: track.discNumber,
    duration: track.duration,
    isrc: track.isrc,
  };
  if (track.artist !== album.artist) entry.artistName = track.artist;
  return entry;
}

export function metadataBody(album: FixtureAlbum | undefined, style: MetadataStyle): object {
  if (album === undefined) {
    return { albumList: [] };
  }

  const entry: Record<string, unknown> = {
    asin: album.asin,
    title: album.title,
    trackCount: album.tracks.length,
    label: album.label,
    explicit: album.explicit,
  };
  if (album.image !== null) entry.image = album.image;

  if (style.artistField === 'artist.name') {
    entry.artist = { asin: fakeArtistId(album.artist), name: album.artist };
  } else {
    entry[style.artistField] = album.artist;
  }

  entry[style.dateField] = encodeDate(album.releaseDate, style.dateForm);
  if (style.includeTracks) {
    entry.tracks = album.tracks.map((track) => metadataTrack(track, album));
  }
  return { albumList: [entry] };
}

// ---- media ----

function mediaEntry(track: FixtureTrack, album: FixtureAlbum, style: MediaStyle): object {
  const tags: Record<string, unknown> = {
    title: track.title,
    artist: track.artist,
    album: album.title,
    isrc: track.isrc,
    genre: 'Pop',
    label: album.label,
    date: album.releaseDate,
  };
  if (style.numbers === 'old') {
    tags.trackNumber = track.trackNumber;
    tags.discNumber = track.discNumber;
  } else {
    tags.track = String(track.trackNumber);
    tags.disc = String(track.discNumber);
  }

  return {
    asin: track.asin,
    [style.streamableKey]: true,
    decryptionKey: null,
    coverUrl: album.image,
    templateCoverUrl: album.image,
    streamInfo: { codec: 'flac', format: 'FLAC', sampleRate: 48000, streamUrl: `https://example.invalid/stream/${track.asin}` },
    tags,
  };
}

/** Entries for an album ASIN (one per track) or a track ASIN (one). */
export function mediaBody(tracks: readonly { track: FixtureTrack; album: FixtureAlbum }[], isAlbum: boolean, style: MediaStyle): unknown {
  const entries = tracks.map(({ track, album }) => mediaEntry(track, album, style));
  return !isAlbum && style.form === 'object' ? entries[0] : entries;
}
