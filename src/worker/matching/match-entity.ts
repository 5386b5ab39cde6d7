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
