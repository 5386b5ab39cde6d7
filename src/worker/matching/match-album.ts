import type { CatalogTrack } from '../sources/types.ts';
import { fetchAlbumIfExists } from './album-fetch.ts';
import {
  albumArtistAgrees,
  candidatesFromTitleSearch,
  candidatesFromTrackSearch,
  type AlbumCandidate,
  type AlbumTarget,
} from './album-candidates.ts';
import { isLiveTitle, matchAlbumTitle } from './album-title-match.ts';
import { notFound } from './decisions.ts';
import { isGenericAlbumArtist, isPlaceholderArtist, isPlaceholderTitle } from './placeholders.ts';
import { searchTextFor } from './search-text.ts';
import { parseTitle } from './title-parse.ts';
import type { AlbumQuery, CatalogLookup, MatchDecision } from './types.ts';

// Owned tracks searched before the album title itself is searched.
const MAX_TRACK_SEARCHES = 2;
// getAlbum calls spent on verifying candidates of one album.
const MAX_VERIFIED_CANDIDATES = 3;
// Score factor for a match found by album title alone, without an owned track on it.
const TITLE_SEARCH_FACTOR = 0.9;

interface TrackSearch {
  artistName: string;
  title: string;
}

/**
 * Matches a library album. Search results list tracks, so the album is found
 * through its owned tracks. An album qualifies when it carries an owned track
 * by a library artist and its title is compatible. The best candidate is then
 * fetched to check its own album artist.
 *
 * Requests: one search for the first owned track, "<track artist> <title>"
 * (the same string the track strategy sends, so one of the two is cached),
 * and one getAlbum of the best candidate (which the track and artist
 * strategies fetch again from cache). Only on a miss: a second owned-track
 * search, a search for "<album artist> <album title>", and up to three
 * getAlbum calls in all.
 */
export async function matchAlbum(query: AlbumQuery, lookup: CatalogLookup): Promise<MatchDecision> {
  if (isPlaceholderTitle(query.title)) return notFound('the album title is empty or a placeholder');

  const target = albumTarget(query);
  const searchArtist = target.albumArtist ?? target.trackArtists[0];
  if (searchArtist === undefined) return notFound('no usable artist: the album and track artist tags are empty or placeholders');

  const verifier = new CandidateVerifier(target, lookup);
  for (const search of trackSearches(query, searchArtist)) {
    const hits = await searchHits(lookup, search.artistName, search.title);
    const decision = await verifier.firstVerified(candidatesFromTrackSearch(target, hits), 1);
    if (decision !== null) return decision;
  }

  const hits = await searchHits(lookup, searchArtist, query.title);
  const decision = await verifier.firstVerified(candidatesFromTitleSearch(target, hits), TITLE_SEARCH_FACTOR);
  return decision ?? notFound('no catalog album with this title by this artist');
}

function albumTarget(query: AlbumQuery): AlbumTarget {
  const albumArtist =
    query.artistName === null || isPlaceholderArtist(query.artistName) || isGenericAlbumArtist(query.artistName)
      ? null
      : query.artistName;
  const trackArtists = [...new Set(query.trackArtistNames.filter((name) => !isPlaceholderArtist(name)))];
  const trackTitles = query.trackTitles.filter((title) => !isPlaceholderTitle(title)).map(parseTitle);

  return {
    title: query.title,
    parsedTitle: parseTitle(query.title),
    albumArtist,
    trackArtists,
    trackTitles,
    libraryTracksLive: trackTitles.length > 0 && trackTitles.every(isLiveTitle),
    year: query.year,
  };
}

/**
 * Lists the owned tracks to search, each with an artist. That is the track's
 * own artist when `trackArtistNames` runs parallel to `trackTitles`, so the
 * string equals the one the track strategy sends and a compilation track is
 * searched under its real artist. Otherwise it is the album's search artist.
 */
function trackSearches(query: AlbumQuery, searchArtist: string): TrackSearch[] {
  const parallel = query.trackArtistNames.length === query.trackTitles.length;
  const searches: TrackSearch[] = [];

  query.trackTitles.forEach((title, index) => {
    if (searches.length >= MAX_TRACK_SEARCHES || isPlaceholderTitle(title)) return;
    const ownArtist = parallel ? query.trackArtistNames[index] : undefined;
    const usableOwnArtist = ownArtist !== undefined && !isPlaceholderArtist(ownArtist) ? ownArtist : undefined;
    searches.push({ artistName: usableOwnArtist ?? searchArtist, title });
  });
  return searches;
}

async function searchHits(lookup: CatalogLookup, artistName: string, title: string): Promise<CatalogTrack[]> {
  const result = await lookup.searchTracks(searchTextFor(artistName, title));
  return result.tracks;
}

/** Fetches candidates in order until one passes the album artist check, within one budget per album. */
class CandidateVerifier {
  private remaining = MAX_VERIFIED_CANDIDATES;
  private readonly rejected = new Set<string>();

  constructor(
    private readonly target: AlbumTarget,
    private readonly lookup: CatalogLookup,
  ) {}

  async firstVerified(candidates: readonly AlbumCandidate[], scoreFactor: number): Promise<MatchDecision | null> {
    for (const candidate of candidates) {
      if (this.remaining === 0) return null;
      if (this.rejected.has(candidate.albumId)) continue;

      this.remaining -= 1;
      const decision = await this.verify(candidate, scoreFactor);
      if (decision !== null) return decision;
      this.rejected.add(candidate.albumId);
    }
    return null;
  }

  private async verify(candidate: AlbumCandidate, scoreFactor: number): Promise<MatchDecision | null> {
    const album = await fetchAlbumIfExists(this.lookup, candidate.albumId);
    if (album === null || !albumArtistAgrees(this.target, candidate, album)) return null;

    const title = matchAlbumTitle(this.target.title, album.title, { libraryTracksLive: this.target.libraryTracksLive });
    if (title === null) return null;

    return {
      status: 'matched',
      id: album.id,
      name: album.title,
      imageUrl: album.imageUrl,
      label: album.label,
      trackCount: album.trackCount ?? album.tracks?.length ?? null,
      score: Math.min(title.score, candidate.title.score) * scoreFactor,
    };
  }
}
