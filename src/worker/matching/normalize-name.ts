import { normalizeArtist } from './artist-name.ts';
import { parseTitle } from './title-parse.ts';

/**
 * Returns the comparison key of a name: two names with the same key are
 * treated as the same by matching. Artists: folded case and diacritics,
 * "feat." and bracketed credits removed, "&"/"and"/","/"+" as one joiner, no
 * leading "The". Titles: folded case and diacritics, edition qualifiers such
 * as "[Explicit]" or "(Remastered 2011)" removed, "(Live)" and remix names
 * kept, punctuation removed.
 */
export function normalizeName(name: string, kind: 'artist' | 'title'): string {
  return kind === 'artist' ? normalizeArtist(name) : parseTitle(name).key;
}
