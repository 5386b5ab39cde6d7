/**
 * Source-neutral catalog records. A source client (for example the T2Tunes
 * client in `amazon/`) turns every wire shape it reads into these, so matching
 * never sees a raw response.
 */

/** One track hit of a catalog search. */
export interface CatalogTrack {
  /** The source's track id (an ASIN for Amazon). */
  id: string;
  /** Title as the catalog spells it, edition markers included. */
  title: string;
  /** Credited artist string as the catalog spells it, "feat." credits included. */
  artistName: string;
  albumId: string | null;
  albumTitle: string | null;
  trackNumber: number | null;
  discNumber: number | null;
  /** Duration in seconds, when the source sends one. */
  durationSeconds: number | null;
  isrc: string | null;
  /** ISO date `YYYY-MM-DD`, when known. */
  releaseDate: string | null;
}

/** One album as the catalog's metadata endpoint describes it. */
export interface CatalogAlbum {
  id: string;
  title: string;
  artistName: string;
  label: string | null;
  imageUrl: string | null;
  trackCount: number | null;
  explicit: boolean | null;
  /** ISO date `YYYY-MM-DD`, when known. */
  releaseDate: string | null;
  /** Track list when the source sends one; `null` when it does not. */
  tracks: CatalogTrack[] | null;
}

/** A catalog search: the query and the hits in the order the source ranked them. */
export interface CatalogSearchResult {
  query: string;
  tracks: CatalogTrack[];
  /** Album hits, for sources or shapes that return them. */
  albums: CatalogAlbum[];
}
