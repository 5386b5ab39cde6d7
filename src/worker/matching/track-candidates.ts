import type { CatalogTrack } from '../sources/types.ts';
import { isLiveTitle, matchAlbumTitle, type AlbumTitleMatch } from './album-title-match.ts';
import { editionDistance } from './edition-preference.ts';
import { compareArtists, compareTitles, type NameComparison } from './name-compare.ts';
import { parseTitle, type ParsedTitle } from './title-parse.ts';

/** What a track hit is compared with: the owned track, already cleaned by the strategy. */
export interface TrackTarget {
  title: string;
  artistName: string;
  /** `null` when the library has no usable album title. */
  albumTitle: string | null;
  trackNumber: number | null;
  discNumber: number | null;
  durationMs: number | null;
}

export interface TrackCandidate {
  track: CatalogTrack;
  title: NameComparison;
  artist: NameComparison;
  /** `null` when the library track has no album to compare with. */
  album: AlbumTitleMatch | null;
  editionDistance: number;
  /** Position in the search answer, for a stable last tie-break. */
  rank: number;
  score: number;
}

// Two durations this close (seconds) count as the same recording length.
const DURATION_TOLERANCE_SECONDS = 3;
// Score factor when the library has no album title to confirm the hit.
const NO_ALBUM_FACTOR = 0.9;

/**
 * Keeps the hits that are this track: same title (kept qualifiers such as
 * "(Live)" included), same artist credit, and, when the library names an
 * album, a hit album with a matching title. Returns them best first.
 */
export function rankTrackCandidates(target: TrackTarget, hits: readonly CatalogTrack[]): TrackCandidate[] {
  const title = parseTitle(target.title);
  const album = target.albumTitle === null ? null : parseTitle(target.albumTitle);

  const candidates: TrackCandidate[] = [];
  hits.forEach((track, rank) => {
    const candidate = judgeHit(target, title, album, track, rank);
    if (candidate !== null) candidates.push(candidate);
  });
  return candidates.sort((a, b) => compareCandidates(target, a, b));
}

function judgeHit(
  target: TrackTarget,
  title: ParsedTitle,
  album: ParsedTitle | null,
  track: CatalogTrack,
  rank: number,
): TrackCandidate | null {
  const hitTitle = parseTitle(track.title);
  const titleMatch = compareTitles(title, hitTitle);
  const artistMatch = compareArtists(target.artistName, track.artistName);
  if (titleMatch.level === 'none' || artistMatch.level === 'none') return null;

  // One fuzzy name at most, and a fuzzy title only with the same track number.
  if (titleMatch.level === 'fuzzy' && artistMatch.level === 'fuzzy') return null;
  if (titleMatch.level === 'fuzzy' && (target.trackNumber === null || target.trackNumber !== track.trackNumber)) return null;

  const albumMatch = matchHitAlbum(target, title, track);
  if (target.albumTitle !== null && albumMatch === null) return null;
  if (artistMatch.level === 'fuzzy' && albumMatch?.level !== 'exact') return null;

  const hitAlbum = track.albumTitle === null ? null : parseTitle(track.albumTitle);
  const distance =
    editionDistance(title.editions, hitTitle.editions) +
    (album !== null && hitAlbum !== null ? editionDistance(album.editions, hitAlbum.editions) : 0);

  const albumScore = albumMatch?.score ?? NO_ALBUM_FACTOR;
  return {
    track,
    title: titleMatch,
    artist: artistMatch,
    album: albumMatch,
    editionDistance: distance,
    rank,
    score: titleMatch.score * artistMatch.score * albumScore,
  };
}

function matchHitAlbum(target: TrackTarget, title: ParsedTitle, track: CatalogTrack): AlbumTitleMatch | null {
  if (target.albumTitle === null || track.albumTitle === null) return null;
  return matchAlbumTitle(target.albumTitle, track.albumTitle, { libraryTracksLive: isLiveTitle(title) });
}

const LEVEL_ORDER = { exact: 0, fuzzy: 1, part: 2 } as const;

function compareCandidates(target: TrackTarget, a: TrackCandidate, b: TrackCandidate): number {
  return (
    albumOrder(a) - albumOrder(b) ||
    LEVEL_ORDER[titleLevel(a)] - LEVEL_ORDER[titleLevel(b)] ||
    LEVEL_ORDER[artistLevel(a)] - LEVEL_ORDER[artistLevel(b)] ||
    a.editionDistance - b.editionDistance ||
    positionMismatch(target, a) - positionMismatch(target, b) ||
    durationMismatch(target, a) - durationMismatch(target, b) ||
    a.rank - b.rank
  );
}

function albumOrder(candidate: TrackCandidate): number {
  return candidate.album === null ? 3 : LEVEL_ORDER[candidate.album.level];
}

function titleLevel(candidate: TrackCandidate): 'exact' | 'fuzzy' {
  return candidate.title.level === 'exact' ? 'exact' : 'fuzzy';
}

function artistLevel(candidate: TrackCandidate): 'exact' | 'fuzzy' {
  return candidate.artist.level === 'exact' ? 'exact' : 'fuzzy';
}

/** 0 when track and disc numbers agree as far as both sides know them. */
function positionMismatch(target: TrackTarget, candidate: TrackCandidate): number {
  const trackDiffers = knownAndDifferent(target.trackNumber, candidate.track.trackNumber);
  const discDiffers = knownAndDifferent(target.discNumber, candidate.track.discNumber);
  return (trackDiffers ? 1 : 0) + (discDiffers ? 1 : 0);
}

function knownAndDifferent(library: number | null, catalog: number | null): boolean {
  return library !== null && catalog !== null && library !== catalog;
}

/**
 * 0 when the durations agree or one is unknown. Only a tie-break: tags of
 * clipped or sample files carry the sample's length, not the recording's.
 */
function durationMismatch(target: TrackTarget, candidate: TrackCandidate): number {
  if (target.durationMs === null || candidate.track.durationSeconds === null) return 0;
  const differenceSeconds = Math.abs(target.durationMs / 1000 - candidate.track.durationSeconds);
  return differenceSeconds <= DURATION_TOLERANCE_SECONDS ? 0 : 1;
}
