/**
 * How the strategies use the lookup: source errors pass through untouched, a
 * vanished candidate album is skipped, and the three entity types of one
 * owned track share their requests through a cache.
 */
import { describe, expect, it } from 'vitest';
import { SourceError, type SourceErrorKind } from '../src/shared/source-errors.ts';
import type { CatalogAlbum, CatalogSearchResult } from '../src/worker/sources/types.ts';
import { matchEntity, type CatalogLookup, type MatchQuery } from '../src/worker/matching/index.ts';
import { HandCatalog, album } from './matching-hand-catalog.ts';

const DONT_EXPLAIN = album('DONT', "Don't Explain", 'Beth Hart & Joe Bonamassa', ["Sinner's Prayer", 'Chocolate Jesus']);
const DUO = 'Beth Hart & Joe Bonamassa';

const ARTIST: MatchQuery = { entityType: 'artist', name: DUO, albumTitles: ["Don't Explain"], trackTitles: ["Sinner's Prayer"] };
const ALBUM: MatchQuery = {
  entityType: 'album',
  title: "Don't Explain",
  artistName: DUO,
  year: 2011,
  trackTitles: ["Sinner's Prayer"],
  trackArtistNames: [DUO],
  trackCount: 1,
};
const TRACK: MatchQuery = {
  entityType: 'track',
  title: "Sinner's Prayer",
  artistName: DUO,
  albumTitle: "Don't Explain",
  albumArtistName: DUO,
  trackNumber: 1,
  discNumber: 1,
  durationMs: null,
  year: 2011,
};

/** Delegates to a hand catalog but fails chosen calls with a source error. */
class FailingLookup implements CatalogLookup {
  constructor(
    private readonly inner: CatalogLookup,
    private readonly failSearch: SourceErrorKind | null,
    private readonly failAlbum: (id: string) => SourceErrorKind | null,
  ) {}

  searchTracks(query: string): Promise<CatalogSearchResult> {
    if (this.failSearch !== null) return Promise.reject(new SourceError(this.failSearch, 'search failed'));
    return this.inner.searchTracks(query);
  }

  getAlbum(id: string): Promise<CatalogAlbum> {
    const kind = this.failAlbum(id);
    if (kind !== null) return Promise.reject(new SourceError(kind, `metadata for ${id} failed`));
    return this.inner.getAlbum(id);
  }
}

/** Caches results: the same query string or album id costs one call. */
class CachingLookup implements CatalogLookup {
  private readonly searches = new Map<string, Promise<CatalogSearchResult>>();
  private readonly albums = new Map<string, Promise<CatalogAlbum>>();

  constructor(private readonly inner: CatalogLookup) {}

  searchTracks(query: string): Promise<CatalogSearchResult> {
    const answer = this.searches.get(query) ?? this.inner.searchTracks(query);
    this.searches.set(query, answer);
    return answer;
  }

  getAlbum(id: string): Promise<CatalogAlbum> {
    const answer = this.albums.get(id) ?? this.inner.getAlbum(id);
    this.albums.set(id, answer);
    return answer;
  }
}

describe('source errors', () => {
  it.each(['outage', 'rate_limited', 'contract', 'item_error'] as const)('search %s propagates', async (kind) => {
    const lookup = new FailingLookup(new HandCatalog([DONT_EXPLAIN]), kind, () => null);
    await expect(matchEntity(TRACK, lookup)).rejects.toMatchObject({ name: 'SourceError', kind });
  });

  it.each(['outage', 'rate_limited', 'contract', 'item_error'] as const)('album fetch %s propagates', async (kind) => {
    const lookup = new FailingLookup(new HandCatalog([DONT_EXPLAIN]), null, () => kind);
    await expect(matchEntity(ALBUM, lookup)).rejects.toMatchObject({ name: 'SourceError', kind });
  });

  it('vanished album candidate is skipped', async () => {
    const reissue = album('REISSUE', "Don't Explain", DUO, ["Sinner's Prayer"]);
    const lookup = new FailingLookup(new HandCatalog([DONT_EXPLAIN, reissue]), null, (id) => (id === 'DONT' ? 'not_found' : null));
    await expect(matchEntity(ALBUM, lookup)).resolves.toMatchObject({ status: 'matched', id: 'REISSUE' });
  });

  it('track keeps its match when its album vanished', async () => {
    const lookup = new FailingLookup(new HandCatalog([DONT_EXPLAIN]), null, () => 'not_found');
    await expect(matchEntity(TRACK, lookup)).resolves.toMatchObject({ status: 'matched', id: 'DONT-T1', imageUrl: null });
  });
});

describe('decisions', () => {
  it('album carries cover, label and track count', async () => {
    await expect(matchEntity(ALBUM, new HandCatalog([DONT_EXPLAIN]))).resolves.toEqual({
      status: 'matched',
      id: 'DONT',
      name: "Don't Explain",
      imageUrl: 'https://images.example/DONT.jpg',
      label: 'Beth Hart & Joe Bonamassa Records',
      trackCount: 2,
      score: 1,
    });
  });

  it('artist takes the owned album cover', async () => {
    await expect(matchEntity(ARTIST, new HandCatalog([DONT_EXPLAIN]))).resolves.toMatchObject({
      id: 'beth_hart_&_joe_bonamassa',
      name: DUO,
      imageUrl: 'https://images.example/DONT.jpg',
      albumId: 'DONT',
    });
  });

  it('track names its album', async () => {
    await expect(matchEntity(TRACK, new HandCatalog([DONT_EXPLAIN]))).resolves.toMatchObject({ id: 'DONT-T1', albumId: 'DONT' });
  });

  it('placeholder artist costs no request', async () => {
    const catalog = new HandCatalog([DONT_EXPLAIN]);
    await matchEntity({ ...TRACK, artistName: 'Unknown Artist', albumArtistName: null }, catalog);
    expect(catalog.searches.length + catalog.albumFetches.length).toBe(0);
  });
});

describe('request sharing', () => {
  it('artist, album and track of one owned track share one search', async () => {
    const catalog = new HandCatalog([DONT_EXPLAIN]);
    const lookup = new CachingLookup(catalog);
    for (const query of [ARTIST, ALBUM, TRACK]) await matchEntity(query, lookup);
    expect(catalog.searches).toHaveLength(1);
  });

  it('artist, album and track of one owned track share one album fetch', async () => {
    const catalog = new HandCatalog([DONT_EXPLAIN]);
    const lookup = new CachingLookup(catalog);
    for (const query of [ARTIST, ALBUM, TRACK]) await matchEntity(query, lookup);
    expect(catalog.albumFetches).toEqual(['DONT']);
  });
});
