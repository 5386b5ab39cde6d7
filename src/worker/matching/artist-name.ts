import { collapseSpaces, foldCase, stripPunctuation } from './text-fold.ts';

// Any bracket group in an artist credit: "(feat. X)", or a member credit such
// as "CANTUS (Tove Ramlo-Ystad)".
const BRACKET_GROUP = /[([{][^()[\]{}]*[)\]}]/gu;

// " feat. X", " ft. X", " featuring X" to the end. A bare "ft" without a dot
// is kept, because it also occurs inside names.
const TRAILING_CREDIT = /\s(?:feat\.?|ft\.|featuring)\s.*$/u;

// Joiners between the names of a shared credit. "and" is a joiner on both
// sides of a comparison, so "Coheed and Cambria" still equals itself.
const JOINER = /\s*(?:&|\+|,|\band\b)\s*/u;

/**
 * Normalises an artist credit for comparison: folded case and diacritics,
 * "feat." credits and bracketed member credits removed, "&", "and", "+" and
 * "," read as one joiner, a leading "The" removed from each name. The names
 * of a shared credit stay together and in order ("Beth Hart, Joe Bonamassa"
 * gives "beth hart & joe bonamassa"), so a duo never equals one of its
 * members and "A & B" does not equal "B & A".
 */
export function normalizeArtist(raw: string): string {
  const folded = collapseSpaces(foldCase(raw));
  const withoutCredits = removeBracketGroups(folded).replace(TRAILING_CREDIT, '');
  const words = stripPunctuation(withoutCredits, '&+,');

  const names = words
    .split(JOINER)
    .map((name) => name.replace(/^the\s+/u, '').trim())
    .filter((name) => name !== '');
  const result = names.join(' & ');

  // A credit made only of punctuation ("!!!") or brackets keeps its folded text.
  return result === '' ? folded : result;
}

function removeBracketGroups(text: string): string {
  let current = text;
  for (let previous = ''; previous !== current; ) {
    previous = current;
    current = current.replace(BRACKET_GROUP, ' ');
  }
  return collapseSpaces(current);
}
