import type { CatalogLookup } from '../matching/index.ts';
import type { CatalogAlbum, CatalogSearchResult } from '../sources/types.ts';
import type { RequestPacer } from './pacer.ts';

export type { CatalogLookup };

/**
 * Entries kept per cache. Artists, albums and tracks share searches, but the
 * queue visits all artists before any album, so on a large library the cache
 * must span many artists to keep those hits.
 * NOTE: 5 000 entries is an estimate, not a measured optimum; past it a large
 * library pays some searches twice.
 */
const CACHE_SIZE = 5_000;

class LruCache<V> {
  private readonly entries = new Map<string, V>();

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > CACHE_SIZE) this.entries.delete(this.entries.keys().next().value as string);
  }
}

/**
 * Wraps a source client with the rate limiter and an LRU cache of search
 * results and album metadata. Items that share a query (an album and its
 * tracks, an artist and its albums) then cost one request. Failures are not
 * cached. Counts the network calls it lets through.
 */
export class CachedLookup implements CatalogLookup {
  private readonly searches = new LruCache<CatalogSearchResult>();
  private readonly albums = new LruCache<CatalogAlbum>();
  private readonly inner: CatalogLookup;
  private readonly pacer: RequestPacer;
  private readonly signal: AbortSignal | undefined;
  networkCalls = 0;

  constructor(inner: CatalogLookup, pacer: RequestPacer, signal?: AbortSignal) {
    this.inner = inner;
    this.pacer = pacer;
    this.signal = signal;
  }

  async searchTracks(query: string): Promise<CatalogSearchResult> {
    const key = query.trim().toLowerCase();
    const cached = this.searches.get(key);
    if (cached) return cached;

    await this.pacer.take(this.signal);
    this.networkCalls++;
    const result = await this.inner.searchTracks(query);
    this.searches.set(key, result);
    return result;
  }

  async getAlbum(id: string): Promise<CatalogAlbum> {
    const cached = this.albums.get(id);
    if (cached) return cached;

    await this.pacer.take(this.signal);
    this.networkCalls++;
    const album = await this.inner.getAlbum(id);
    this.albums.set(id, album);
    // A track ASIN resolves to its album; remember it under the album's own id too.
    if (album.id !== id) this.albums.set(album.id, album);
    return album;
  }
}
