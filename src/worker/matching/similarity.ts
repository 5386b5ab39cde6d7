/**
 * String similarity for normalised names: a normalised Levenshtein ratio
 * plus the number rule. Jaro-Winkler is avoided on purpose because it rewards
 * a shared prefix, and "blood sugar" against "blood sugar sex magik" is
 * exactly the kind of prefix that must not score high.
 */

/** Edit distance (insert, delete, substitute cost 1) over Unicode code points. */
export function levenshtein(a: string, b: string): number {
  const left = Array.from(a);
  const right = Array.from(b);
  if (left.length === 0) return right.length;
  if (right.length === 0) return left.length;

  let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (let i = 1; i <= left.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= right.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (left[i - 1] === right[j - 1] ? 0 : 1);
      const deletion = (previous[j] ?? 0) + 1;
      const insertion = (current[j - 1] ?? 0) + 1;
      current.push(Math.min(substitution, deletion, insertion));
    }
    previous = current;
  }
  return previous[right.length] ?? 0;
}

/** 1 - distance / longer length, in [0, 1]; two empty strings score 1. */
export function similarity(a: string, b: string): number {
  const longer = Math.max(Array.from(a).length, Array.from(b).length);
  if (longer === 0) return 1;
  return 1 - levenshtein(a, b) / longer;
}

const ROMAN_NUMERALS: ReadonlyMap<string, number> = new Map([
  ['ii', 2], ['iii', 3], ['iv', 4], ['v', 5], ['vi', 6], ['vii', 7], ['viii', 8], ['ix', 9], ['x', 10],
  ['xi', 11], ['xii', 12], ['xiii', 13], ['xiv', 14], ['xv', 15], ['xvi', 16], ['xvii', 17], ['xviii', 18],
  ['xix', 19], ['xx', 20],
]);

/**
 * Numbers named in a normalised string: every digit run ("# 02" gives 2,
 * "4th" gives 4) and standalone roman numerals II to XX. A lone "i" is not
 * read as 1, because it is far more often the English pronoun.
 */
export function extractNumbers(normalised: string): number[] {
  const numbers: number[] = [];
  for (const token of normalised.split(' ')) {
    const roman = ROMAN_NUMERALS.get(token);
    if (roman !== undefined) {
      numbers.push(roman);
      continue;
    }
    for (const digits of token.match(/\d+/gu) ?? []) {
      numbers.push(Number.parseInt(digits, 10));
    }
  }
  return numbers.sort((x, y) => x - y);
}

/** True when both strings name the same numbers, as multisets. */
export function sameNumbers(a: string, b: string): boolean {
  const left = extractNumbers(a);
  const right = extractNumbers(b);
  return left.length === right.length && left.every((value, index) => value === right[index]);
}

export function tokenCount(normalised: string): number {
  return normalised === '' ? 0 : normalised.split(' ').length;
}
