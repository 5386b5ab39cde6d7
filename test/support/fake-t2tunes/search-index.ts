/**
 * Full-text search over a catalog, the way the fake serves it. Words are
 * lower-cased and their diacritics folded (NFKD, marks removed). A hit scores
 * one point per distinct query word it contains. Ties go to the more popular
 * album, then to catalog order.
 */
import type { FixtureAlbum, FixtureTrack, IndexedCatalog } from './catalog.ts';

export const MAX_HITS = 20;

export interface TrackHit {
  track: FixtureTrack;
  album: FixtureAlbum;
}

/** Splits text into folded words: "Queensrÿche's" gives ["queensryche", "s"]. */
export function foldWords(text: string): string[] {
  const folded = text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  return folded.split(/[^\p{L}\p{N}]+/u).filter((word) => word !== '');
}

interface Entry<T> {
  value: T;
  words: ReadonlySet<string>;
  popularity: number;
  order: number;
}

function rank<T>(entries: readonly Entry<T>[], query: string): T[] {
  const queryWords = [...new Set(foldWords(query))];
  const scored: { entry: Entry<T>; score: number }[] = [];

  for (const entry of entries) {
    const score = queryWords.filter((word) => entry.words.has(word)).length;
    if (score > 0) scored.push({ entry, score });
  }

  scored.sort(
    (a, b) => b.score - a.score || b.entry.popularity - a.entry.popularity || a.entry.order - b.entry.order,
  );
  return scored.slice(0, MAX_HITS).map(({ entry }) => entry.value);
}

export class SearchIndex {
  private readonly trackEntries: Entry<TrackHit>[] = [];
  private readonly albumEntries: Entry<FixtureAlbum>[] = [];

  constructor(catalog: IndexedCatalog) {
    for (const album of catalog.albums) {
      this.albumEntries.push({
        value: album,
        words: new Set(foldWords(`${album.title} ${album.artist}`)),
        popularity: album.popularity,
        order: this.albumEntries.length,
      });
      for (const track of album.tracks) {
        this.trackEntries.push({
          value: { track, album },
          words: new Set(foldWords(`${track.title} ${track.artist} ${album.title}`)),
          popularity: album.popularity,
          order: this.trackEntries.length,
        });
      }
    }
  }

  searchTracks(query: string): TrackHit[] {
    return rank(this.trackEntries, query);
  }

  searchAlbums(query: string): FixtureAlbum[] {
    return rank(this.albumEntries, query);
  }
}
