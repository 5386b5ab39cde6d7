import type { CatalogAlbum } from '../sources/types.ts';
import { fetchAlbumIfExists } from './album-fetch.ts';
import { notFound } from './decisions.ts';
import { compareArtists } from './name-compare.ts';
import { isGenericAlbumArtist, isPlaceholderArtist, isPlaceholderTitle } from './placeholders.ts';
import { searchTextFor } from './search-text.ts';
import { rankTrackCandidates, type TrackCandidate, type TrackTarget } from './track-candidates.ts';
import type { CatalogLookup, MatchDecision, TrackQuery } from './types.ts';

// Candidates whose album is fetched before giving up. Each costs a getAlbum
// unless the worker's cache already has it.
const MAX_VERIFIED_CANDIDATES = 2;

/**
 * Matches a library track.
 *
 * Requests: one search, "<track artist> <title>", which the album and artist
 * strategies send for the same owned track, so it is usually cached. Then one
 * getAlbum of the chosen track's album for cover and label; the album
 * strategy fetched that album already in most cases. A second getAlbum
 * happens only when the first album's artist contradicts the library album
 * artist.
 */
export async function matchTrack(query: TrackQuery, lookup: CatalogLookup): Promise<MatchDecision> {
  if (isPlaceholderTitle(query.title)) return notFound('the title is empty or a placeholder');

  const artistName = usableTrackArtist(query);
  if (artistName === null) return notFound('no usable artist: the artist tags are empty or placeholders');

  const target = trackTarget(query, artistName);
  const result = await lookup.searchTracks(searchTextFor(artistName, query.title));
  const candidates = rankTrackCandidates(target, result.tracks);
  if (candidates.length === 0) return notFound('no catalog track with this title, artist and album');

  for (const candidate of candidates.slice(0, MAX_VERIFIED_CANDIDATES)) {
    const album = candidate.track.albumId === null ? null : await fetchAlbumIfExists(lookup, candidate.track.albumId);
    if (albumArtistContradicts(query, album)) continue;
    return matchedTrack(candidate, album);
  }
  return notFound('the matching tracks are on albums by another album artist');
}

/** The track artist, or the album artist when the track artist tag is unusable. */
function usableTrackArtist(query: TrackQuery): string | null {
  if (query.artistName !== null && !isPlaceholderArtist(query.artistName)) return query.artistName;
  if (query.albumArtistName !== null && !isPlaceholderArtist(query.albumArtistName)) return query.albumArtistName;
  return null;
}

function trackTarget(query: TrackQuery, artistName: string): TrackTarget {
  const albumTitle = query.albumTitle === null || isPlaceholderTitle(query.albumTitle) ? null : query.albumTitle;
  return {
    title: query.title,
    artistName,
    albumTitle,
    trackNumber: query.trackNumber,
    discNumber: query.discNumber,
    durationMs: query.durationMs,
  };
}

/**
 * True when the library names a real album artist and the catalog album is by
 * someone else, such as a film soundtrack by the band against a TV soundtrack
 * by "Various Artists" that carries the same song.
 */
function albumArtistContradicts(query: TrackQuery, album: CatalogAlbum | null): boolean {
  const libraryArtist = query.albumArtistName;
  if (album === null || libraryArtist === null) return false;
  if (isPlaceholderArtist(libraryArtist) || isGenericAlbumArtist(libraryArtist)) return false;
  return compareArtists(libraryArtist, album.artistName).level === 'none';
}

function matchedTrack(candidate: TrackCandidate, album: CatalogAlbum | null): MatchDecision {
  return {
    status: 'matched',
    id: candidate.track.id,
    name: candidate.track.title,
    imageUrl: album?.imageUrl ?? null,
    label: album?.label ?? null,
    trackCount: null,
    score: candidate.score,
    albumId: candidate.track.albumId,
  };
}
