import { collapseSpaces } from './text-fold.ts';

// "(feat. X)", "[ft. X]", "(featuring X)", "(with X)" anywhere in the credit.
const BRACKETED_CREDIT = /\s*[([]\s*(?:feat\.?|ft\.|featuring|with)\s[^)\]]*[)\]]/giu;

// " feat. X", " ft. X", " featuring X" to the end.
const TRAILING_CREDIT = /\s(?:feat\.?|ft\.|featuring)\s.*$/iu;

/**
 * Derives the stable artist id from a catalog artist credit, because T2Tunes
 * has no artist ids every backend shares: the primary artist with "feat."
 * credits removed, in lower case, with runs of whitespace turned into "_".
 * Every other character is kept, diacritics and punctuation included
 * ("Beth Hart & Joe Bonamassa" gives "beth_hart_&_joe_bonamassa",
 * "Samuel L. Jackson" gives "samuel_l._jackson").
 */
export function artistIdFor(catalogArtistName: string): string {
  return primaryCredit(catalogArtistName).toLowerCase().replace(/\s/gu, '_');
}

/**
 * Returns the primary artist of a catalog credit as the catalog spells it
 * ("Post Malone feat. Quavo" gives "Post Malone"), NFC-composed, single spaces.
 */
export function primaryCredit(catalogArtistName: string): string {
  const composed = catalogArtistName.normalize('NFC');
  const primary = collapseSpaces(composed.replace(BRACKETED_CREDIT, '').replace(TRAILING_CREDIT, ''));
  return primary === '' ? collapseSpaces(composed) : primary;
}
