/** Public surface of catalog matching: pure decisions over a `CatalogLookup`. */
export { matchEntity } from './match-entity.ts';
export { artistIdFor, primaryCredit } from './artist-id.ts';
export { normalizeName } from './normalize-name.ts';
export { compareArtists, compareTitles, ARTIST_FUZZY_MIN, TITLE_FUZZY_MIN } from './name-compare.ts';
export type { MatchLevel, NameComparison } from './name-compare.ts';
export { similarity, levenshtein } from './similarity.ts';
export { isGenericAlbumArtist, isPlaceholderArtist, isPlaceholderTitle } from './placeholders.ts';
export { searchTextFor } from './search-text.ts';
export type {
  AlbumQuery,
  ArtistQuery,
  CatalogLookup,
  MatchDecision,
  MatchedDecision,
  MatchQuery,
  NotFoundDecision,
  TrackQuery,
} from './types.ts';
