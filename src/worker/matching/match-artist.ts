import { fetchAlbumIfExists } from './album-fetch.ts';
import { isOnOwnedAlbum, rankArtistCandidates, type ArtistCandidate, type ArtistTarget } from './artist-candidates.ts';
import { notFound } from './decisions.ts';
import { compareArtists } from './name-compare.ts';
import { isPlaceholderArtist, isPlaceholderTitle } from './placeholders.ts';
import { searchTextFor } from './search-text.ts';
import type { ArtistQuery, CatalogLookup, MatchDecision } from './types.ts';

// Albums fetched while looking for a cover to stand in for the artist image.
const MAX_COVER_FETCHES = 2;

interface Cover {
  albumId: string;
  imageUrl: string;
}

/**
 * Matches a library artist to a catalog act and its artist id, a slug of the
 * catalog spelling, because T2Tunes has no shared artist ids. The act must
 * have an owned song or album in the catalog, even when its name is equal.
 * The image is the cover of one of its albums, an owned one first, because
 * T2Tunes has no artist images.
 *
 * Requests: one search for the first owned track, "<artist> <track title>"
 * (the string the track and album strategies send for that track), and one
 * getAlbum for the cover (the owned album the album strategy fetches too).
 * Only on a miss: a search for "<artist> <first owned album title>" and a
 * second getAlbum when the first album has no cover.
 */
export async function matchArtist(query: ArtistQuery, lookup: CatalogLookup): Promise<MatchDecision> {
  if (isPlaceholderArtist(query.name)) return notFound('the artist name is empty, a placeholder or "Various Artists"');

  const target: ArtistTarget = { name: query.name, albumTitles: query.albumTitles, trackTitles: query.trackTitles };
  for (const title of searchTitles(query)) {
    const result = await lookup.searchTracks(searchTextFor(query.name, title));
    const best = rankArtistCandidates(target, result.tracks)[0];
    if (best === undefined) continue;

    const cover = await findCover(target, best, lookup);
    return {
      status: 'matched',
      id: best.id,
      name: best.name,
      imageUrl: cover?.imageUrl ?? null,
      label: null,
      trackCount: null,
      score: best.comparison.score,
      albumId: cover?.albumId ?? null,
    };
  }
  return notFound('no catalog act with this name among the owned tracks and albums');
}

/** Lists the titles to search with the name: the first usable owned track title, then album title. */
function searchTitles(query: ArtistQuery): string[] {
  const track = query.trackTitles.find((title) => !isPlaceholderTitle(title));
  const album = query.albumTitles.find((title) => !isPlaceholderTitle(title));
  return [track, album].filter((title): title is string => title !== undefined);
}

/**
 * Fetches the act's albums among its hits, owned albums first, until one has
 * a cover. An album that is not owned must be the act's own (not a
 * compilation it appears on).
 */
async function findCover(target: ArtistTarget, candidate: ArtistCandidate, lookup: CatalogLookup): Promise<Cover | null> {
  let fetches = 0;
  for (const { albumId, owned } of albumsByPreference(target, candidate)) {
    if (fetches >= MAX_COVER_FETCHES) break;
    fetches += 1;

    const album = await fetchAlbumIfExists(lookup, albumId);
    if (album?.imageUrl == null) continue;
    if (owned || compareArtists(candidate.name, album.artistName).level !== 'none') {
      return { albumId, imageUrl: album.imageUrl };
    }
  }
  return null;
}

function albumsByPreference(target: ArtistTarget, candidate: ArtistCandidate): { albumId: string; owned: boolean }[] {
  const albums = new Map<string, boolean>();
  for (const hit of candidate.hits) {
    if (hit.albumId === null) continue;
    albums.set(hit.albumId, (albums.get(hit.albumId) ?? false) || isOnOwnedAlbum(target, hit));
  }
  const entries = [...albums.entries()].map(([albumId, owned]) => ({ albumId, owned }));
  return [...entries.filter((entry) => entry.owned), ...entries.filter((entry) => !entry.owned)];
}
