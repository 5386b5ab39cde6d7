import type { CatalogTrack } from '../sources/types.ts';
import { artistIdFor, primaryCredit } from './artist-id.ts';
import { matchAlbumTitle } from './album-title-match.ts';
import { compareArtists, compareTitles, type NameComparison } from './name-compare.ts';
import { isPlaceholderArtist } from './placeholders.ts';
import { parseTitle } from './title-parse.ts';

/** The library artist and its owned titles, as the artist strategy compares them. */
export interface ArtistTarget {
  name: string;
  albumTitles: string[];
  trackTitles: string[];
}

/** One catalog act among the hits, keyed by its artist id. */
export interface ArtistCandidate {
  id: string;
  /** Primary credit as the catalog spells it. */
  name: string;
  comparison: NameComparison;
  /** True when a hit by this act is an owned track or on an owned album. */
  owned: boolean;
  /** Position of the act's first hit in the search result. */
  rank: number;
  hits: CatalogTrack[];
}

/**
 * Acts among the hits whose credit matches the library name, best first. An
 * exact name qualifies alone, since every act with that spelling has the same
 * id. A fuzzy name ("Human Recource" for "Human Resource") qualifies only
 * when the act also has an owned track or album, so look-alikes such as "The
 * Aces" for "The Apers" stay out. Duo credits are compared whole, so "Beth
 * Hart & Joe Bonamassa" never yields "Beth Hart".
 */
export function rankArtistCandidates(target: ArtistTarget, hits: readonly CatalogTrack[]): ArtistCandidate[] {
  const byId = new Map<string, ArtistCandidate>();
  hits.forEach((hit, rank) => {
    if (isPlaceholderArtist(hit.artistName)) return;
    const comparison = compareArtists(target.name, hit.artistName);
    if (comparison.level === 'none') return;

    const id = artistIdFor(hit.artistName);
    const candidate = byId.get(id) ?? { id, name: primaryCredit(hit.artistName), comparison, owned: false, rank, hits: [] };
    candidate.hits.push(hit);
    candidate.owned ||= isOwnedHit(target, hit);
    byId.set(id, candidate);
  });

  return [...byId.values()]
    .filter((candidate) => candidate.comparison.level === 'exact' || candidate.owned)
    .sort(
      (a, b) =>
        Number(b.owned) - Number(a.owned) ||
        b.comparison.score - a.comparison.score ||
        Number(spelledAlike(target, b)) - Number(spelledAlike(target, a)) ||
        a.rank - b.rank,
    );
}

/** True when the hit is an owned track (same title) or lies on an owned album. */
export function isOwnedHit(target: ArtistTarget, hit: CatalogTrack): boolean {
  const hitTitle = parseTitle(hit.title);
  const ownedTrack = target.trackTitles.some((title) => compareTitles(parseTitle(title), hitTitle).level === 'exact');
  return ownedTrack || isOnOwnedAlbum(target, hit);
}

export function isOnOwnedAlbum(target: ArtistTarget, hit: CatalogTrack): boolean {
  const albumTitle = hit.albumTitle;
  if (albumTitle === null) return false;
  return target.albumTitles.some((title) => matchAlbumTitle(title, albumTitle, { libraryTracksLive: false }) !== null);
}

// Among acts whose names normalise alike, prefer the one spelled like the
// library ("Janelle Monáe" over "Janelle Monae" for a library "Janelle Monáe").
function spelledAlike(target: ArtistTarget, candidate: ArtistCandidate): boolean {
  return candidate.name.normalize('NFC').toLowerCase() === target.name.normalize('NFC').toLowerCase();
}
