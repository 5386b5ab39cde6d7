import type { CatalogTrack } from '../sources/types.ts';
import { artistIdFor, primaryCredit } from './artist-id.ts';
import { normalizeArtist } from './artist-name.ts';
import { matchAlbumTitle } from './album-title-match.ts';
import { compareArtists, type NameComparison } from './name-compare.ts';
import { isPlaceholderArtist } from './placeholders.ts';
import { parseTitle, type ParsedTitle } from './title-parse.ts';

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
  /** True when a hit by this act is an owned song or on an owned album. */
  owned: boolean;
  /** Position of the act's first hit in the search result. */
  rank: number;
  hits: CatalogTrack[];
}

/**
 * Acts among the hits whose credit matches the library name and that have an
 * owned track or album, best first. An equal name is not enough on its own:
 * namesakes share it (Nirvana, the 1968 UK band, has none of the owned
 * songs), and an act missing from the catalog must stay unmatched. A fuzzy
 * name ("Human Recource" for "Human Resource") passes the same way, so
 * look-alikes such as "The Aces" for "The Apers" stay out. Duo credits are
 * compared whole, so "Beth Hart & Joe Bonamassa" never yields "Beth Hart".
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
    .filter((candidate) => candidate.owned)
    .sort(
      (a, b) =>
        b.comparison.score - a.comparison.score ||
        Number(spelledAlike(target, b)) - Number(spelledAlike(target, a)) ||
        a.rank - b.rank,
    );
}

/**
 * True when the hit is an owned song or lies on an owned album. A song counts
 * in any version ("Tessio" for an owned "Tessio (Spektre Remix)"), because
 * the question here is who the act is, not which recording.
 */
export function isOwnedHit(target: ArtistTarget, hit: CatalogTrack): boolean {
  const hitTitle = parseTitle(hit.title);
  const ownedSong = target.trackTitles.some((title) => isSameSong(parseTitle(withoutArtistPrefix(title, target.name)), hitTitle));
  return ownedSong || isOnOwnedAlbum(target, hit);
}

// "Luomo - Tessio (Spektre Remix)": rippers sometimes put the artist in the title tag.
const TITLE_PARTS = /\s[-–]\s/u;

function withoutArtistPrefix(title: string, artistName: string): string {
  const [first, ...rest] = title.split(TITLE_PARTS);
  if (first === undefined || rest.length === 0) return title;
  return normalizeArtist(first) === normalizeArtist(artistName) ? rest.join(' - ') : title;
}

function isSameSong(owned: ParsedTitle, hit: ParsedTitle): boolean {
  return owned.key === hit.key || (owned.baseKey !== '' && owned.baseKey === hit.baseKey);
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
