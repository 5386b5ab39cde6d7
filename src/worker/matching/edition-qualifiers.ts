/**
 * Recognises the bracketed or trailing qualifiers that name an edition of the
 * same recording ("[Explicit]", "(Remastered 2011)", "(Deluxe Edition)",
 * "(Original Motion Picture Soundtrack)", "(Single)") so titles can be
 * compared without them. Anything not recognised here, such as "(Live)",
 * "(Karaoke Version)", "(Spektre Remix)" or "(Origin 2005)", stays part of the
 * title, because it marks a different recording or is simply part of the name.
 */

export type EditionFlag =
  | 'explicit'
  | 'clean'
  | 'remaster'
  | 'deluxe'
  | 'release_format'
  | 'film_soundtrack'
  | 'tv_soundtrack';

/** What a qualifier is: a credit to drop, edition flags, or `null` for title text. */
export type QualifierKind = { kind: 'credit' } | { kind: 'edition'; flags: EditionFlag[] } | null;

// Words that carry an edition flag. A qualifier needs at least one of them.
const EDITION_KEY_WORDS: ReadonlyMap<string, EditionFlag> = new Map([
  ['explicit', 'explicit'],
  ['clean', 'clean'],
  ['edited', 'clean'],
  ['censored', 'clean'],
  ['remaster', 'remaster'],
  ['remastered', 'remaster'],
  ['remasters', 'remaster'],
  ['deluxe', 'deluxe'],
  ['expanded', 'deluxe'],
  ['anniversary', 'deluxe'],
  ['bonus', 'deluxe'],
  ['legacy', 'deluxe'],
  ['reissue', 'deluxe'],
]);

// These only name an edition next to the word "edition": "(Special Edition)"
// is the same recording, "(Special Mix)" is not.
const EDITION_ADJECTIVES = new Set(['special', 'collectors', 'limited']);

// Words allowed beside the key words without changing the meaning.
const EDITION_FILLER_WORDS = new Set([
  'edition', 'version', 'super', 'digitally', 'digital', 'track', 'tracks', 'content', 'lyrics', 'edit', 'the',
  'and', 'album',
]);

const SOUNDTRACK_WORDS = new Set([
  'original', 'motion', 'picture', 'soundtrack', 'music', 'from', 'the', 'movie', 'film', 'score', 'ost', 'and',
  'inspired', 'by', 'television', 'tv', 'series', 'cast', 'recording', 'songs', 'official',
]);

const RELEASE_FORMATS = new Set(['single', 'ep', 'maxi single', 'the single']);

const CREDIT_START = /^(?:feat|ft|featuring|with)\s/u;

// Years and ordinals such as "2011", "30th", "25".
const NUMBER_WORD = /^\d+(?:st|nd|rd|th)?$/u;

/**
 * Classifies the text of one qualifier. `words` must already be folded and
 * stripped of punctuation (for example "remastered 2011").
 */
export function classifyQualifier(words: string): QualifierKind {
  if (CREDIT_START.test(`${words} `)) return { kind: 'credit' };
  if (RELEASE_FORMATS.has(words)) return { kind: 'edition', flags: ['release_format'] };

  const tokens = words.split(' ').filter((token) => token !== '');
  return editionQualifier(tokens) ?? soundtrackQualifier(tokens);
}

function editionQualifier(tokens: readonly string[]): QualifierKind {
  const flags = new Set<EditionFlag>();
  const namesEdition = tokens.includes('edition');
  for (const token of tokens) {
    const flag = EDITION_KEY_WORDS.get(token);
    if (flag !== undefined) flags.add(flag);
    else if (EDITION_ADJECTIVES.has(token) && namesEdition) flags.add('deluxe');
    else if (!EDITION_FILLER_WORDS.has(token) && !NUMBER_WORD.test(token)) return null;
  }
  return flags.size > 0 ? { kind: 'edition', flags: [...flags] } : null;
}

function soundtrackQualifier(tokens: readonly string[]): QualifierKind {
  if (!tokens.every((token) => SOUNDTRACK_WORDS.has(token))) return null;

  const text = tokens.join(' ');
  const namesSoundtrack = /\b(?:soundtrack|ost|score|motion picture|cast recording)\b/u.test(text);
  if (!namesSoundtrack) return null;

  const television = /\b(?:television|tv|series)\b/u.test(text);
  return { kind: 'edition', flags: [television ? 'tv_soundtrack' : 'film_soundtrack'] };
}
