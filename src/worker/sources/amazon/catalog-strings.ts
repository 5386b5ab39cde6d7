/**
 * Pure helpers for the strings Amazon Music puts in titles and artist names:
 * "feat." credits and edition markers such as `[Explicit]` or `(Clean)`.
 */

export type Edition = 'explicit' | 'clean';

export interface EditionSplit {
  /** The text with every edition marker removed and spaces collapsed. */
  base: string;
  /** `clean` also covers `Edited`; `null` when no marker was found. */
  edition: Edition | null;
}

// A bracketed credit anywhere: "(feat. X)", "[ft. X]", "(featuring X)", "(with X)".
// "with" is only a credit inside brackets, because bare "with" occurs in real
// artist names ("Dance with the Dead").
const BRACKETED_CREDIT = /\s*[([]\s*(?:(?:feat|ft)\.\s*|(?:feat|ft|featuring|with)\s+)[^)\]]*[)\]]/giu;

// A trailing credit without brackets: "Artist feat. Guest", "Artist ft Guest".
// The keyword must follow whitespace so a name that starts with "Ft." survives.
const TRAILING_CREDIT = /\s+(?:(?:feat|ft)\.\s*|(?:feat|ft|featuring)\s+)\S.*$/iu;

// "[Explicit]", "(Clean Version)", "[Edited Edition]", "(Explicit Content)".
const EDITION_MARKER = /\s*[([]\s*(explicit|clean|edited)(?:\s+(?:version|edition|content|lyrics))?\s*[)\]]/giu;

function collapseSpaces(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/**
 * Removes "feat." style credits from an artist or title string. Duo credits
 * joined by "&", "and" or "," are kept whole, because splitting them matches
 * solo acts of one member.
 */
export function stripCredits(text: string): string {
  const withoutBracketed = text.replace(BRACKETED_CREDIT, '');
  const withoutTrailing = withoutBracketed.replace(TRAILING_CREDIT, '');
  const result = collapseSpaces(withoutTrailing);

  // A string that is nothing but a credit keeps its original text.
  return result === '' ? collapseSpaces(text) : result;
}

/** Returns the primary artist of a credited artist string ("A feat. B" gives "A"). */
export function primaryArtist(artistName: string): string {
  return stripCredits(artistName);
}

/**
 * Splits edition markers off a title. The first marker decides the edition,
 * and every marker is removed from `base`.
 */
export function splitEdition(title: string): EditionSplit {
  let edition: Edition | null = null;

  const stripped = title.replace(EDITION_MARKER, (_match, word: string) => {
    if (edition === null) {
      edition = word.toLowerCase() === 'explicit' ? 'explicit' : 'clean';
    }
    return '';
  });

  const base = collapseSpaces(stripped);
  return { base: base === '' ? collapseSpaces(title) : base, edition };
}
