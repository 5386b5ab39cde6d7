/**
 * Reduces a name to the letters and digits that identify it: Unicode
 * compatibility forms folded, diacritics and punctuation dropped, lower case.
 * "Beyoncé" and "BEYONCE" compare equal; "Van Halen" and "Van Halen II" do not.
 */
export function comparableName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}
