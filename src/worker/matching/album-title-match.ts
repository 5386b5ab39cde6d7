import { editionsConflict } from './edition-preference.ts';
import { compareTitles, type MatchLevel } from './name-compare.ts';
import { parseTitle, parseTitleParts, type ParsedTitle } from './title-parse.ts';

/**
 * How a library album title relates to a catalog album title, best first:
 * - `exact`: equal keys once edition qualifiers are set aside ("Nevermind" and
 *   "Nevermind (Remastered)");
 * - `fuzzy`: a typo-sized difference;
 * - `part`: the library title is one side of a catalog double title ("Blood
 *   Sugar" and "Blood Sugar / Axle Grinder"), or one of the library title's
 *   " - " parts is the catalog title ("11집 - COOL 11" and "COOL 11").
 * Never the other way round: a library "Oracular Spectacular /
 * Congratulations" (the combined set) does not match "Congratulations".
 */
export type AlbumTitleLevel = Exclude<MatchLevel, 'none'> | 'part';

export interface AlbumTitleMatch {
  level: AlbumTitleLevel;
  score: number;
}

export interface AlbumTitleContext {
  /**
   * True when every owned track of the album is a live take. The catalog then
   * may call the album "(Live Recordings)" where the tags do not.
   */
  libraryTracksLive: boolean;
}

const PART_SCORE = 0.85;
const LIVE_ALBUM_SCORE = 0.95;
const CATALOG_PARTS = /\s\/\s/u;
const LIBRARY_PARTS = /\s[-–—]\s/u;

/** Compares a library album title with a catalog one; `null` when they name different albums. */
export function matchAlbumTitle(libraryTitle: string, catalogTitle: string, context: AlbumTitleContext): AlbumTitleMatch | null {
  const library = parseTitle(libraryTitle);
  const catalog = parseTitle(catalogTitle);
  if (editionsConflict(library.editions, catalog.editions)) return null;

  const direct = compareTitles(library, catalog);
  if (direct.level !== 'none') return { level: direct.level, score: direct.score };

  if (context.libraryTracksLive && matchesWithoutLiveQualifier(library, catalog)) {
    return { level: 'exact', score: LIVE_ALBUM_SCORE };
  }
  return matchTitleParts(library, libraryTitle, catalog, catalogTitle);
}

/** True when a parsed track title carries a kept qualifier with the word "live". */
export function isLiveTitle(title: ParsedTitle): boolean {
  return title.keptQualifiers.some(isLiveQualifier);
}

function isLiveQualifier(qualifier: string): boolean {
  return qualifier.split(' ').includes('live');
}

function matchesWithoutLiveQualifier(library: ParsedTitle, catalog: ParsedTitle): boolean {
  const onlyLiveQualifiers = catalog.keptQualifiers.length > 0 && catalog.keptQualifiers.every(isLiveQualifier);
  return onlyLiveQualifiers && library.keptQualifiers.length === 0 && library.key === catalog.baseKey;
}

function matchTitleParts(library: ParsedTitle, libraryTitle: string, catalog: ParsedTitle, catalogTitle: string): AlbumTitleMatch | null {
  const catalogParts = parseTitleParts(catalogTitle, CATALOG_PARTS);
  if (catalogParts.length > 1 && catalogParts.some((part) => isMeaningfulEqual(part.key, library.key))) {
    return { level: 'part', score: PART_SCORE };
  }

  const libraryParts = parseTitleParts(libraryTitle, LIBRARY_PARTS);
  if (libraryParts.length > 1 && libraryParts.some((part) => isMeaningfulEqual(part.key, catalog.key))) {
    return { level: 'part', score: PART_SCORE };
  }
  return null;
}

// A part made of digits or one letter ("2", "a") says nothing about the album.
function isMeaningfulEqual(part: string, whole: string): boolean {
  return part === whole && /\p{L}{2,}/u.test(part);
}
