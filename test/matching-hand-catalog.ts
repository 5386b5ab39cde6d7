/**
 * Hand-made catalogs for matching unit tests. `HandCatalog` returns all its
 * tracks for every search, in the order they were added, so a test puts the
 * decoys first, the way a catalog ranks a popular karaoke cover above the
 * original. It records the calls so tests can check the request cost.
 */
import type { CatalogAlbum, CatalogSearchResult, CatalogTrack } from '../src/worker/sources/types.ts';
import type { CatalogLookup } from '../src/worker/matching/index.ts';
import { SourceError } from '../src/shared/source-errors.ts';

export interface HandTrack {
  id: string;
  title: string;
  artist: string;
  trackNumber?: number;
  durationSeconds?: number;
}

export interface HandAlbum {
  id: string;
  title: string;
  artist: string;
  year?: number;
  imageUrl?: string | null;
  label?: string | null;
  tracks: HandTrack[];
}

export class HandCatalog implements CatalogLookup {
  readonly searches: string[] = [];
  readonly albumFetches: string[] = [];
  private readonly albums: CatalogAlbum[] = [];
  private readonly hits: CatalogTrack[] = [];

  constructor(albums: readonly HandAlbum[]) {
    albums.forEach((album) => this.add(album));
  }

  async searchTracks(query: string): Promise<CatalogSearchResult> {
    this.searches.push(query);
    return { query, tracks: [...this.hits], albums: [] };
  }

  async getAlbum(id: string): Promise<CatalogAlbum> {
    this.albumFetches.push(id);
    const album = this.albums.find((candidate) => candidate.id === id);
    if (album === undefined) throw new SourceError('not_found', `no album ${id}`, { status: 404, endpoint: 'metadata' });
    return album;
  }

  private add(album: HandAlbum): void {
    const releaseDate = album.year === undefined ? null : `${album.year}-01-01`;
    const tracks: CatalogTrack[] = album.tracks.map((track, index) => ({
      id: track.id,
      title: track.title,
      artistName: track.artist,
      albumId: album.id,
      albumTitle: album.title,
      trackNumber: track.trackNumber ?? index + 1,
      discNumber: null,
      durationSeconds: track.durationSeconds ?? null,
      isrc: null,
      releaseDate,
    }));

    this.albums.push({
      id: album.id,
      title: album.title,
      artistName: album.artist,
      label: album.label === undefined ? `${album.artist} Records` : album.label,
      imageUrl: album.imageUrl === undefined ? `https://images.example/${album.id}.jpg` : album.imageUrl,
      trackCount: tracks.length,
      explicit: null,
      releaseDate,
      tracks,
    });
    this.hits.push(...tracks);
  }
}

/** Builds an album whose tracks are all by the album artist. */
export function album(id: string, title: string, artist: string, trackTitles: readonly string[], extra: Partial<HandAlbum> = {}): HandAlbum {
  return {
    id,
    title,
    artist,
    tracks: trackTitles.map((trackTitle, index) => ({ id: `${id}-T${index + 1}`, title: trackTitle, artist })),
    ...extra,
  };
}
