/**
 * Parsing of `/api/amazon-music/search` responses in both generations: the
 * legacy Typesense shape (`results[].hits[].document`) and the GraphQL shape
 * (`data.searchTracks.edges[].node`, also `searchAlbums` and `searchArtists`).
 */
import type { CatalogAlbum, CatalogTrack } from '../types.ts';
import { isRecord, readFirstPositiveInteger, readFirstString, readNumber, readString, type JsonRecord } from './json-read.ts';
import { parseReleaseDate } from './release-date.ts';
import { WireShapeError, type IssueSink } from './wire-shape.ts';

export interface SearchHits {
  tracks: CatalogTrack[];
  albums: CatalogAlbum[];
}

const GRAPHQL_BLOCKS = ['searchTracks', 'searchAlbums', 'searchArtists'] as const;
const DATE_KEYS = ['releaseDate', 'release_date', 'originalReleaseDate', 'streetDate', 'merchantReleaseDate'];

function readDate(record: JsonRecord): string | null {
  for (const key of DATE_KEYS) {
    const date = parseReleaseDate(record[key]);
    if (date !== null) {
      return date;
    }
  }
  return null;
}

function readDuration(value: unknown): number | null {
  const seconds = readNumber(value);
  return seconds !== null && seconds > 0 ? seconds : null;
}

function emptyAlbum(id: string, title: string, artistName: string): CatalogAlbum {
  return {
    id,
    title,
    artistName,
    label: null,
    imageUrl: null,
    trackCount: null,
    explicit: null,
    releaseDate: null,
    tracks: null,
  };
}

// ---- legacy (Typesense) shape ----

function legacyTrack(document: JsonRecord, asin: string, onIssue: IssueSink): CatalogTrack | null {
  const title = readString(document.title);
  if (title === null) {
    onIssue({ problem: 'legacy track hit without a title', sample: document });
    return null;
  }

  return {
    id: asin,
    title,
    artistName: readFirstString(document, ['artistName', 'primaryArtistName']) ?? '',
    albumId: readString(document.albumAsin),
    albumTitle: readString(document.albumName),
    trackNumber: readFirstPositiveInteger(document, ['trackNumber', 'trackNum']),
    discNumber: readFirstPositiveInteger(document, ['discNumber', 'discNum']),
    durationSeconds: readDuration(document.duration),
    isrc: readString(document.isrc),
    releaseDate: readDate(document),
  };
}

function legacyAlbum(document: JsonRecord, asin: string, onIssue: IssueSink): CatalogAlbum | null {
  const title = readString(document.title);
  if (title === null) {
    onIssue({ problem: 'legacy album hit without a title', sample: document });
    return null;
  }

  const album = emptyAlbum(asin, title, readFirstString(document, ['artistName', 'primaryArtistName']) ?? '');
  album.releaseDate = readDate(document);
  album.imageUrl = readString(document.image) ?? readString(document.artOriginal);
  return album;
}

function readLegacyDocument(hit: unknown, hits: SearchHits, onIssue: IssueSink): void {
  const document = isRecord(hit) ? hit.document : undefined;
  if (!isRecord(document)) {
    onIssue({ problem: 'legacy hit without a document', sample: hit });
    return;
  }

  // Hits without an ASIN occur upstream and are documented as skippable.
  const asin = readString(document.asin);
  if (asin === null) {
    return;
  }

  const type = (readString(document.__type) ?? '').toLowerCase();
  if (type.includes('track')) {
    const track = legacyTrack(document, asin, onIssue);
    if (track !== null) hits.tracks.push(track);
  } else if (type.includes('album')) {
    const album = legacyAlbum(document, asin, onIssue);
    if (album !== null) hits.albums.push(album);
  } else if (!type.includes('artist')) {
    onIssue({ problem: `legacy hit of unknown __type "${type}"`, sample: document });
  }
}

function parseLegacy(results: unknown[], onIssue: IssueSink): SearchHits {
  const hits: SearchHits = { tracks: [], albums: [] };

  for (const result of results) {
    const resultHits = isRecord(result) ? result.hits : undefined;
    if (!Array.isArray(resultHits)) {
      onIssue({ problem: 'legacy result without a hits list', sample: result });
      continue;
    }
    for (const hit of resultHits) {
      readLegacyDocument(hit, hits, onIssue);
    }
  }

  return hits;
}

// ---- GraphQL shape ----

/** Reads the credited artist: `concatenatedName`, else the first artist edge's name. */
function graphqlArtistName(node: JsonRecord): string {
  const artists = node.contributingArtists;
  if (!isRecord(artists)) {
    return readString(node.artistName) ?? '';
  }

  const concatenated = readString(artists.concatenatedName);
  if (concatenated !== null) {
    return concatenated;
  }

  const firstEdge = Array.isArray(artists.edges) ? artists.edges[0] : undefined;
  const firstNode = isRecord(firstEdge) ? firstEdge.node : undefined;
  return (isRecord(firstNode) ? readString(firstNode.name) : null) ?? '';
}

function graphqlImage(node: JsonRecord): string | null {
  const images = Array.isArray(node.images) ? node.images : [];
  for (const image of images) {
    const url = isRecord(image) ? readString(image.url) : null;
    if (url !== null) {
      return url;
    }
  }
  return readString(node.image);
}

function graphqlTrack(node: JsonRecord, id: string, onIssue: IssueSink): CatalogTrack | null {
  const title = readString(node.title);
  if (title === null) {
    onIssue({ problem: 'GraphQL track node without a title', sample: node });
    return null;
  }

  const album = isRecord(node.album) ? node.album : {};
  return {
    id,
    title,
    artistName: graphqlArtistName(node),
    albumId: readString(album.id),
    albumTitle: readString(album.title),
    trackNumber: readFirstPositiveInteger(node, ['trackNumber']),
    discNumber: readFirstPositiveInteger(node, ['discNumber']),
    durationSeconds: readDuration(node.duration),
    isrc: readString(node.isrc),
    releaseDate: readDate(node) ?? readDate(album),
  };
}

function graphqlAlbum(node: JsonRecord, id: string, onIssue: IssueSink): CatalogAlbum | null {
  const title = readString(node.title);
  if (title === null) {
    onIssue({ problem: 'GraphQL album node without a title', sample: node });
    return null;
  }

  const album = emptyAlbum(id, title, graphqlArtistName(node));
  album.releaseDate = readDate(node);
  album.imageUrl = graphqlImage(node);
  album.trackCount = readFirstPositiveInteger(node, ['trackCount']);
  return album;
}

function readGraphqlBlock(name: (typeof GRAPHQL_BLOCKS)[number], block: unknown, hits: SearchHits, onIssue: IssueSink): void {
  // GraphQL sends a null block when there is nothing of this kind.
  if (block === null || block === undefined) {
    return;
  }
  const edges = isRecord(block) ? block.edges : undefined;
  if (!Array.isArray(edges)) {
    onIssue({ problem: `GraphQL block ${name} without an edges list`, sample: block });
    return;
  }

  for (const edge of edges) {
    const node = isRecord(edge) ? edge.node : undefined;
    const id = isRecord(node) ? readString(node.id) ?? readString(node.asin) : null;
    if (!isRecord(node) || id === null) {
      continue;
    }
    if (name === 'searchTracks') {
      const track = graphqlTrack(node, id, onIssue);
      if (track !== null) hits.tracks.push(track);
    } else if (name === 'searchAlbums') {
      const album = graphqlAlbum(node, id, onIssue);
      if (album !== null) hits.albums.push(album);
    }
    // Artist hits carry no stable id (older instances have none) and no
    // data that tracks lack, so they are not read.
  }
}

function parseGraphql(data: JsonRecord, onIssue: IssueSink): SearchHits {
  const hits: SearchHits = { tracks: [], albums: [] };
  for (const name of GRAPHQL_BLOCKS) {
    readGraphqlBlock(name, data[name], hits, onIssue);
  }
  return hits;
}

// ---- entry point ----

/**
 * Reads a search response of either generation. Throws `WireShapeError`
 * (`response`) when the body is neither. Hits it cannot read are reported
 * through `onIssue` and skipped.
 */
export function parseSearchResponse(body: unknown, onIssue: IssueSink): SearchHits {
  if (isRecord(body) && Array.isArray(body.results)) {
    return parseLegacy(body.results, onIssue);
  }

  const data = isRecord(body) ? body.data : undefined;
  if (isRecord(data) && GRAPHQL_BLOCKS.some((name) => name in data)) {
    return parseGraphql(data, onIssue);
  }

  if (isRecord(body) && Array.isArray(body.errors)) {
    const first: unknown = body.errors[0];
    const message = isRecord(first) ? readString(first.message) : null;
    // NOTE: GraphQL errors without data have not been seen from T2Tunes. They
    // are treated as a failure of this one query, not of the source.
    throw new WireShapeError('item', `search returned GraphQL errors: ${message ?? 'no message'}`, body);
  }

  throw new WireShapeError('response', 'search response has neither "results" nor known "data" blocks', body);
}

/**
 * Derives album candidates from track hits, in hit order, one per album id,
 * after any album hits the search returned. The artist is the first track's
 * credited artist, which may include "feat." credits.
 */
export function deriveAlbums(tracks: readonly CatalogTrack[], albumHits: readonly CatalogAlbum[]): CatalogAlbum[] {
  const albums = [...albumHits];
  const seen = new Set(albums.map((album) => album.id));

  for (const track of tracks) {
    if (track.albumId === null || track.albumTitle === null || seen.has(track.albumId)) {
      continue;
    }
    seen.add(track.albumId);
    const album = emptyAlbum(track.albumId, track.albumTitle, track.artistName);
    album.releaseDate = track.releaseDate;
    albums.push(album);
  }

  return albums;
}
