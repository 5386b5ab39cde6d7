import { collapseSpaces, foldCase } from './text-fold.ts';

const BRACKET_GROUP = /[([{][^()[\]{}]*[)\]}]/gu;
const TRAILING_CREDIT = /\s(?:feat\.?|ft\.|featuring)\s.*$/u;

/**
 * Builds the one search string every strategy sends for an (artist, title)
 * pair: "<artist> <title>", folded to lower case without diacritics, with
 * the artist's bracketed and "feat." credits removed and ", " read as " & ".
 * Artist, album and track strategies call it with the same pair for the same
 * owned track, so the worker's lookup cache answers all but the first call.
 * Apostrophes and other punctuation stay, because catalog search splits
 * words on them itself ("Sinner's" is the words "sinner" and "s").
 */
export function searchTextFor(artistName: string, title: string): string {
  const artist = collapseSpaces(foldCase(artistName).replace(BRACKET_GROUP, ' ')).replace(TRAILING_CREDIT, '');
  const joined = artist.replace(/\s*,\s*/gu, ' & ');
  return collapseSpaces(`${joined} ${foldCase(title)}`);
}
