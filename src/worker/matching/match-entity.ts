import { matchAlbum } from './match-album.ts';
import { matchArtist } from './match-artist.ts';
import { matchTrack } from './match-track.ts';
import type { CatalogLookup, MatchDecision, MatchQuery } from './types.ts';

/**
 * Decides which catalog item, if any, is the library entity. A wrong id is
 * worse than none, so every strategy returns `not_found` unless the names,
 * the artist and (for tracks) the album agree. Source errors from `lookup`
 * propagate untouched; only a `not_found` on fetching a candidate album is
 * read as "that candidate does not exist".
 *
 * Request cost before caching, on a match: artist 1 search + 1 getAlbum,
 * album 1 search + 1 getAlbum, track 1 search + 1 getAlbum. All three search
 * "<artist> <owned track title>" for the same owned track and fetch the same
 * album. Behind the worker's cache, one owned track then costs about one
 * search and one getAlbum for all three items: 0.52 requests per item on the
 * dev corpus (143 items, measured by the corpus test). The bounds per item: an album up to 3 searches and 3
 * getAlbum calls, an artist 2 searches and 2 getAlbum calls (a second cover
 * when the first album has none), a track 1 search and 2 getAlbum calls.
 * Placeholder names cost nothing.
 */
export async function matchEntity(query: MatchQuery, lookup: CatalogLookup): Promise<MatchDecision> {
  switch (query.entityType) {
    case 'artist':
      return matchArtist(query, lookup);
    case 'album':
      return matchAlbum(query, lookup);
    case 'track':
      return matchTrack(query, lookup);
  }
}
