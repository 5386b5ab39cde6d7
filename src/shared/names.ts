/**
 * Reduces a name to the letters and digits that identify it: Unicode
 * compatibility forms folded, diacritics and punctuation dropped, lower case,
 * a leading "The" and the joiner "and" between names dropped. "Beyoncé" and
 * "BEYONCE" compare equal, so do "The Red Hot Chili Peppers" and "Red Hot
 * Chili Peppers", and "A & B" and "A and B"; "Van Halen" and "Van Halen II"
 * do not.
 */
export function comparableName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/^\s*the\s+/u, '')
    .replace(/\s+and\s+/gu, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}
