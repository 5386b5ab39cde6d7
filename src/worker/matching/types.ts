import type { CatalogAlbum, CatalogSearchResult } from '../sources/types.ts';

/**
 * A library artist to match. The controller builds it from the library
 * database; the owned titles tell same-name acts apart and pick the album
 * whose cover stands in for the artist image.
 */
export interface ArtistQuery {
  entityType: 'artist';
  name: string;
  albumTitles: string[];
  trackTitles: string[];
}

/** A library album to match. */
export interface AlbumQuery {
  entityType: 'album';
  title: string;
  /** Album artist; 'Various Artists' for compilations; `null` when the tags have none. */
  artistName: string | null;
  year: number | null;
  trackTitles: string[];
  /**
   * Track artists of the owned tracks. When it has as many entries as
   * `trackTitles`, entry i is read as the artist of track i.
   */
  trackArtistNames: string[];
  /** Number of tracks the library holds for this album. */
  trackCount: number;
}

/** A library track to match. */
export interface TrackQuery {
  entityType: 'track';
  title: string;
  /** Track artist. */
  artistName: string | null;
  albumTitle: string | null;
  albumArtistName: string | null;
  trackNumber: number | null;
  discNumber: number | null;
  durationMs: number | null;
  year: number | null;
}

export type MatchQuery = ArtistQuery | AlbumQuery | TrackQuery;

/**
 * The catalog calls a match strategy may make. The worker wraps the source
 * client in a cache, so a repeated query string or album id costs no request.
 * Errors are the source's `SourceError`s and pass through matching untouched.
 */
export interface CatalogLookup {
  searchTracks(query: string): Promise<CatalogSearchResult>;
  getAlbum(id: string): Promise<CatalogAlbum>;
}

export interface MatchedDecision {
  status: 'matched';
  /** Catalog id: the ASIN for albums and tracks, the artist slug for artists. */
  id: string;
  /** The name as the catalog spells it. */
  name: string;
  /** Album cover; for an artist, the cover of one of its albums as a stand-in. */
  imageUrl: string | null;
  label: string | null;
  /** Tracks on the matched album; `null` for artists and tracks. */
  trackCount: number | null;
  /** Confidence in [0, 1]; 1 means every compared name was equal after normalisation. */
  score: number;
  /** The track's album, or for an artist the album whose cover was taken. */
  albumId?: string | null;
}

export interface NotFoundDecision {
  status: 'not_found';
  /** Short reason for logs and the UI, such as "no candidate by this artist". */
  reason: string;
}

export type MatchDecision = MatchedDecision | NotFoundDecision;
