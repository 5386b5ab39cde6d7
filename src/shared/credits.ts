/**
 * Artist credits as tags spell them. Pure string functions, shared by the
 * scanner and anything that displays a credit.
 */

/**
 * A featured-artist marker: " feat. B", " ft. B", " featuring B", also in
 * brackets ("A (feat. B)"). The marker must follow a space or an opening
 * bracket, so names such as "Craft" or "Left Boy" are left alone.
 */
const FEATURING = /(?:\s+[([]?|\s*[([])(?:feat\.?|ft\.?|featuring)\s+.*$/i;

/**
 * Splits multi-value artist tags into single names. Some tag formats keep
 * several values in one string separated by NUL characters (ID3v2.4); the
 * values are trimmed, empty ones dropped, and repeats removed (first wins).
 */
export function splitArtistValues(values: readonly (string | null | undefined)[]): string[] {
  const names: string[] = [];

  for (const value of values) {
    if (!value) continue;
    for (const part of value.split('\0')) {
      const name = part.trim();
      if (name !== '' && !names.includes(name)) names.push(name);
    }
  }

  return names;
}

/**
 * Returns the primary artist of a credit: "A feat. B", "A ft. B",
 * "A featuring B" and "A (feat. B)" give "A". Other credits, including duos
 * such as "A & B", come back trimmed but whole, because the duo is usually the
 * act a catalog lists.
 */
export function primaryArtist(credit: string): string {
  const trimmed = credit.trim();
  const primary = trimmed.replace(FEATURING, '').trim();
  return primary === '' ? trimmed : primary;
}

/** Joins names the way a credit reads: "A", "A & B", "A, B & C". */
export function joinArtistNames(names: readonly string[]): string {
  if (names.length <= 2) return names.join(' & ');
  return `${names.slice(0, -1).join(', ')} & ${names[names.length - 1]}`;
}

/**
 * Builds the full credit from a display artist and the individual artist
 * values. The display string wins when it already names every individual
 * artist ("Beth Hart & Joe Bonamassa" with values "Beth Hart", "Joe
 * Bonamassa"); otherwise the distinct names are joined, display name first.
 * Returns null when there is no artist at all.
 */
export function artistCredit(display: string | null | undefined, values: readonly string[]): string | null {
  const shown = splitArtistValues([display]);
  const names = splitArtistValues([...shown, ...values]);
  if (names.length === 0) return null;

  const first = shown[0];
  if (first !== undefined && shown.length === 1) {
    const lower = first.toLowerCase();
    if (names.every((name) => lower.includes(name.toLowerCase()))) return first;
  }
  return joinArtistNames(names);
}

/** Album-artist placeholders that mark a compilation rather than an act. */
const VARIOUS_ARTISTS = new Set(['various', 'various artists', 'va', 'v.a.', 'v/a']);

/** The album artist a compilation gets when its tags name none. */
export const VARIOUS_ARTISTS_NAME = 'Various Artists';

/** True for "Various Artists", "Various", "VA" and similar album artists (any case). */
export function isVariousArtists(name: string | null | undefined): boolean {
  return name !== null && name !== undefined && VARIOUS_ARTISTS.has(name.trim().toLowerCase());
}
