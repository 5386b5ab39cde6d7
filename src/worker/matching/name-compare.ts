import { normalizeArtist } from './artist-name.ts';
import { sameNumbers, similarity, tokenCount } from './similarity.ts';
import type { ParsedTitle } from './title-parse.ts';

/**
 * `exact`: equal after normalisation. `fuzzy`: a typo-sized difference that
 * passed the similarity gate. `none`: different names.
 */
export type MatchLevel = 'exact' | 'fuzzy' | 'none';

export interface NameComparison {
  level: MatchLevel;
  /** 1 for exact, the similarity for fuzzy, 0 for none. */
  score: number;
}

/**
 * Similarity gates (normalised Levenshtein ratio). Wrong artist pairs score
 * up to about 0.9 ("apers band" against "acers band"), while a misspelt real
 * one scores 0.93 ("human recource" against "human resource"), so artists need
 * 0.92 and, in the artist strategy, an owned title of that act as well. Titles
 * need 0.88 and, in the track strategy, the same track number: "mi korason"
 * against "mi corazon" (0.8) stays out.
 */
export const ARTIST_FUZZY_MIN = 0.92;
export const TITLE_FUZZY_MIN = 0.88;

// Below this many characters one edit is already a different word.
const FUZZY_MIN_LENGTH = 6;

const NO_MATCH: NameComparison = { level: 'none', score: 0 };

/**
 * Compares two normalised strings. A fuzzy match also needs the same word
 * count and the same numbers, so "van halen" against "van halen ii", "origin 01"
 * against "origin 02" and "suite ii overture" against "suite iv electric
 * overture" never pass, whatever their similarity.
 */
export function compareNormalized(a: string, b: string, fuzzyMin: number): NameComparison {
  if (a === b) return { level: 'exact', score: 1 };
  if (!sameNumbers(a, b)) return NO_MATCH;
  if (tokenCount(a) !== tokenCount(b)) return NO_MATCH;
  if (Math.min(a.length, b.length) < FUZZY_MIN_LENGTH) return NO_MATCH;

  const score = similarity(a, b);
  return score >= fuzzyMin ? { level: 'fuzzy', score } : NO_MATCH;
}

/** Compares a library artist credit with a catalog one (order-sensitive, duo credits whole). */
export function compareArtists(libraryName: string, catalogName: string): NameComparison {
  return compareNormalized(normalizeArtist(libraryName), normalizeArtist(catalogName), ARTIST_FUZZY_MIN);
}

/** Compares two parsed titles by their keys; kept qualifiers such as "live" must agree. */
export function compareTitles(library: ParsedTitle, catalog: ParsedTitle): NameComparison {
  return compareNormalized(library.key, catalog.key, TITLE_FUZZY_MIN);
}
