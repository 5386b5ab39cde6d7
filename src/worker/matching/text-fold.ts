/**
 * Case, Unicode and punctuation folding shared by artist and title
 * normalisation. Pure string functions; the output is lower case, has single
 * spaces and no leading or trailing space.
 */

// Combining marks are dropped only after a Latin letter: "é" becomes "e", but
// the Japanese voicing marks (a "ガ" is "カ" plus a mark) change the word.
const LATIN_WITH_MARKS = /(\p{Script=Latin})\p{M}+/gu;

// Latin letters that NFD does not split into a base letter and a mark.
const LETTER_SPELLINGS: Readonly<Record<string, string>> = {
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};
const SPELLED_LETTERS = /[øæœßłđðþı]/gu;

/** Lower-cases and removes compatibility forms and Latin diacritics ("Monáe" gives "monae", "ｆｕｌｌ" gives "full"). */
export function foldCase(text: string): string {
  const compatible = text.normalize('NFKC').toLowerCase();
  const unmarked = compatible.normalize('NFD').replace(LATIN_WITH_MARKS, '$1').normalize('NFC');
  return unmarked.replace(SPELLED_LETTERS, (letter) => LETTER_SPELLINGS[letter] ?? letter);
}

export function collapseSpaces(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

// "Q.U.E.E.N." and "O.T." are acronyms: their dots join letters, so they go
// without a space. Other dots separate words ("Mr. Blue Sky").
const ACRONYM = /(?:^|(?<=[\s(]))(?:\p{L}\.){2,}/gu;
const APOSTROPHES = /['’‘`´]/gu;

/**
 * Replaces punctuation and symbols by spaces, keeping letters, digits and the
 * characters in `keep`. Apostrophes and acronym dots are removed without a
 * space ("don't" gives "dont", "O.T." gives "ot").
 */
export function stripPunctuation(text: string, keep = ''): string {
  const acronyms = text.replace(ACRONYM, (acronym) => acronym.replaceAll('.', ''));
  const joined = acronyms.replace(APOSTROPHES, '');

  let result = '';
  for (const char of joined) {
    const isWordChar = /[\p{L}\p{N}]/u.test(char) || /\p{M}/u.test(char);
    result += isWordChar || keep.includes(char) ? char : ' ';
  }
  return collapseSpaces(result);
}
