import path from 'node:path';

/** Tag values guessed from a file's name and folders, used where its tags are missing. */
export interface NameGuess {
  /** The file name without its number prefix and artist, never empty. */
  title: string;
  artist: string | null;
  album: string | null;
  trackNumber: number | null;
  discNumber: number | null;
}

/**
 * A leading "01 ", "01. ", "01 - ", "1-01 " or "104_": an optional disc number,
 * then a track number of at most three digits. Four digits are left alone
 * because they are usually a year ("1971 - Hits").
 */
const NUMBER_PREFIX = /^(?:(\d{1,2})[-.])?(\d{1,3})(?:\s*[-._)]\s*|\s+)(\S.*)$/;

/** "Artist - Title" (a spaced hyphen or en dash between two non-empty parts). */
const ARTIST_TITLE = /^(.+?)\s+[-–]\s+(.+)$/;

/**
 * Guesses title, artist, album and numbers from a path inside a library:
 * - the file name gives the title, a number prefix gives the track (and disc)
 *   number, and "Artist - Title" gives the artist;
 * - `Artist/Album/file` (two or more folders below the root) gives artist and
 *   album from the two nearest folders;
 * - a single folder named "Artist - Album" gives both.
 * A lone folder with any other name gives nothing, because it may name an
 * artist, an album or neither (a folder of samples).
 */
export function guessFromPath(filePath: string, root: string): NameGuess {
  const stem = path.parse(filePath).name.trim();
  const numbered = NUMBER_PREFIX.exec(stem);
  const rest = numbered?.[3]?.trim() ?? stem;

  const split = ARTIST_TITLE.exec(rest);
  const folders = folderGuess(path.relative(root, path.dirname(filePath)));

  return {
    title: split?.[2]?.trim() || rest || path.basename(filePath),
    artist: split?.[1]?.trim() || folders.artist,
    album: folders.album,
    trackNumber: numbered?.[2] ? Number(numbered[2]) || null : null,
    discNumber: numbered?.[1] ? Number(numbered[1]) || null : null,
  };
}

function folderGuess(relativeFolder: string): { artist: string | null; album: string | null } {
  const folders = relativeFolder === '' ? [] : relativeFolder.split(path.sep).filter((part) => part !== '' && part !== '..');

  if (folders.length >= 2) {
    return { artist: folders[folders.length - 2] ?? null, album: folders[folders.length - 1] ?? null };
  }

  const only = folders[0];
  const split = only === undefined ? null : ARTIST_TITLE.exec(only);
  if (split?.[1] && split[2]) return { artist: split[1].trim(), album: split[2].trim() };
  return { artist: null, album: null };
}
