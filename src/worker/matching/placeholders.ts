import { normalizeArtist } from './artist-name.ts';
import { collapseSpaces, foldCase, stripPunctuation } from './text-fold.ts';

// Default or test values that taggers, encoders and sample files leave in the
// artist field: "Artist", "ArtistOne", "artist1", "Album Artist One",
// "Unknown Artist", "Test", "Testcase".
const PLACEHOLDER_NAME = '(?:(?:album |track )?artists?|unknown(?: artist)?|no artist|none|n a|test(?:case| artist)?|untitled|anonymous artist)';
const PLACEHOLDER_ARTIST = new RegExp(`^${PLACEHOLDER_NAME} ?(?:\\d+|one|two|three|four|five)?$`, 'u');

// Album artists that name no act: the tracks of such an album are by others.
const GENERIC_ALBUM_ARTISTS = new Set([
  'various', 'various artists', 'va', 'v a', 'soundtrack', 'soundtracks', 'original soundtrack', 'ost', 'cast',
  'original cast', 'compilation', 'multiple artists', 'verschiedene interpreten', 'varios artistas', 'artistes divers',
  'artisti vari',
]);

// Default titles that taggers and encoders number: "title1", "Track 01",
// "Audio Track 3", "album1". A bare "Title" or "One" is a real name (Meghan
// Trainor has a "Title"), so a word alone is never a placeholder.
const NUMBERED_DEFAULT_TITLE = /^(?:title|track|audio track|album|test) ?\d+$/u;

/** True for an empty or default artist tag, and for "Various Artists" or another generic credit. */
export function isPlaceholderArtist(name: string | null): boolean {
  if (name === null) return true;
  const normalised = normalizeArtist(name);
  return normalised === '' || PLACEHOLDER_ARTIST.test(normalised) || GENERIC_ALBUM_ARTISTS.has(normalised);
}

/** True for an album artist credit such as "Various Artists" or "Soundtrack" that names no act. */
export function isGenericAlbumArtist(name: string): boolean {
  return GENERIC_ALBUM_ARTISTS.has(normalizeArtist(name));
}

/** True for an empty or numbered default title tag ("title1", "Track 01"), and for a URL left in the title field. */
export function isPlaceholderTitle(title: string | null): boolean {
  if (title === null) return true;
  if (/:\/\//u.test(title)) return true;

  const words = stripPunctuation(collapseSpaces(foldCase(title)));
  return words === '' || NUMBERED_DEFAULT_TITLE.test(words);
}
