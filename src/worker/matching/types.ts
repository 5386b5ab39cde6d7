import type { CatalogAlbum, CatalogSearchResult } from '../sources/types.ts';

// The queries are part of the worker protocol, because main builds them from
// the library database and the worker matches them.
export type { AlbumQuery, ArtistQuery, MatchQuery, TrackQuery } from '../../shared/worker-protocol.ts';

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
