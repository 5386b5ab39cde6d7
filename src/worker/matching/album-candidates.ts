import type { CatalogAlbum, CatalogTrack } from '../sources/types.ts';
import { matchAlbumTitle, type AlbumTitleMatch } from './album-title-match.ts';
import { editionDistance } from './edition-preference.ts';
import { compareArtists, compareTitles } from './name-compare.ts';
import { isGenericAlbumArtist } from './placeholders.ts';
import { parseTitle, type ParsedTitle } from './title-parse.ts';

/** The owned album as the album strategy compares it. */
export interface AlbumTarget {
  title: string;
  parsedTitle: ParsedTitle;
  /** The album artist when it names an act; `null` for "Various Artists", "Soundtrack" or no tag. */
  albumArtist: string | null;
  /** Usable track artists, without duplicates. */
  trackArtists: string[];
  /** Usable owned track titles. */
  trackTitles: ParsedTitle[];
  libraryTracksLive: boolean;
  year: number | null;
}

export interface AlbumCandidate {
  albumId: string;
  title: AlbumTitleMatch;
  /** Owned tracks found on this album by a library artist. */
  evidence: number;
  editionDistance: number;
  yearDistance: number;
  /** Position of the album's first hit in the search result. */
  rank: number;
}

interface AlbumGroup {
  albumId: string;
  albumTitle: string;
  releaseYear: number | null;
  rank: number;
  hits: CatalogTrack[];
}

/**
 * Albums of the hits of an owned-track search that carry an owned track by a
 * library artist and have a compatible title, best first.
 */
export function candidatesFromTrackSearch(target: AlbumTarget, hits: readonly CatalogTrack[]): AlbumCandidate[] {
  return rankCandidates(
    groupByAlbum(hits)
      .map((group) => judgeGroup(target, group))
      .filter((candidate): candidate is AlbumCandidate => candidate !== null && candidate.evidence > 0),
  );
}

/**
 * Albums of the hits of an album-title search. Without an owned track on
 * them the evidence is thinner, so the title must be equal (no fuzzy or
 * partial title) and a hit must credit a library artist exactly.
 */
export function candidatesFromTitleSearch(target: AlbumTarget, hits: readonly CatalogTrack[]): AlbumCandidate[] {
  const candidates: AlbumCandidate[] = [];
  for (const group of groupByAlbum(hits)) {
    const candidate = judgeGroup(target, group);
    const byLibraryArtist = group.hits.some((hit) => isByLibraryArtist(target, hit));
    if (candidate !== null && candidate.title.level === 'exact' && byLibraryArtist) candidates.push(candidate);
  }
  return rankCandidates(candidates);
}

/**
 * Checks the fetched album's own artist credit, which search hits do not
 * carry (they name track artists). A named library album artist must agree.
 * Without one (a compilation, or no tag), the catalog album may be a
 * compilation or must credit an owned track's artist. Either is safe because
 * the candidate already carries an owned track by a library artist or was
 * found under that artist.
 */
export function albumArtistAgrees(target: AlbumTarget, candidate: AlbumCandidate, album: CatalogAlbum): boolean {
  if (target.albumArtist !== null) {
    const comparison = compareArtists(target.albumArtist, album.artistName);
    return comparison.level === 'exact' || (comparison.level === 'fuzzy' && candidate.evidence > 0);
  }

  if (isGenericAlbumArtist(album.artistName)) return true;
  return target.trackArtists.some((name) => compareArtists(name, album.artistName).level === 'exact');
}

function isByLibraryArtist(target: AlbumTarget, hit: CatalogTrack): boolean {
  return libraryArtists(target).some((name) => compareArtists(name, hit.artistName).level === 'exact');
}

export function libraryArtists(target: AlbumTarget): string[] {
  return target.albumArtist === null ? target.trackArtists : [target.albumArtist, ...target.trackArtists];
}

function judgeGroup(target: AlbumTarget, group: AlbumGroup): AlbumCandidate | null {
  const title = matchAlbumTitle(target.title, group.albumTitle, { libraryTracksLive: target.libraryTracksLive });
  if (title === null) return null;

  const catalogTitle = parseTitle(group.albumTitle);
  return {
    albumId: group.albumId,
    title,
    evidence: countOwnedTracks(target, group.hits),
    editionDistance: editionDistance(target.parsedTitle.editions, catalogTitle.editions),
    yearDistance: target.year === null || group.releaseYear === null ? 0 : Math.abs(target.year - group.releaseYear),
    rank: group.rank,
  };
}

function countOwnedTracks(target: AlbumTarget, hits: readonly CatalogTrack[]): number {
  const artists = libraryArtists(target);
  const found = new Set<number>();
  for (const hit of hits) {
    if (!artists.some((name) => compareArtists(name, hit.artistName).level !== 'none')) continue;
    const hitTitle = parseTitle(hit.title);
    const owned = target.trackTitles.findIndex((title) => compareTitles(title, hitTitle).level === 'exact');
    if (owned >= 0) found.add(owned);
  }
  return found.size;
}

function groupByAlbum(hits: readonly CatalogTrack[]): AlbumGroup[] {
  const groups = new Map<string, AlbumGroup>();
  hits.forEach((hit, rank) => {
    if (hit.albumId === null || hit.albumTitle === null) return;
    const group = groups.get(hit.albumId);
    if (group !== undefined) {
      group.hits.push(hit);
      return;
    }
    groups.set(hit.albumId, { albumId: hit.albumId, albumTitle: hit.albumTitle, releaseYear: yearOf(hit.releaseDate), rank, hits: [hit] });
  });
  return [...groups.values()];
}

function yearOf(isoDate: string | null): number | null {
  const year = isoDate === null ? Number.NaN : Number.parseInt(isoDate.slice(0, 4), 10);
  return Number.isFinite(year) ? year : null;
}

const TITLE_LEVEL_ORDER = { exact: 0, fuzzy: 1, part: 2 } as const;

function rankCandidates(candidates: AlbumCandidate[]): AlbumCandidate[] {
  return candidates.sort(
    (a, b) =>
      TITLE_LEVEL_ORDER[a.title.level] - TITLE_LEVEL_ORDER[b.title.level] ||
      b.title.score - a.title.score ||
      b.evidence - a.evidence ||
      a.editionDistance - b.editionDistance ||
      a.yearDistance - b.yearDistance ||
      a.rank - b.rank,
  );
}
