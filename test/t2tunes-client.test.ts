import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isSourceError, type SourceError } from '../src/shared/source-errors.ts';
import { T2TunesClient } from '../src/worker/sources/amazon/client.ts';
import type { T2TunesEndpoint } from '../src/worker/sources/amazon/endpoints.ts';
import { CORPUS_CATALOG_PATH } from './support/fake-t2tunes/corpus.ts';
import { startFakeT2Tunes, type FakeT2Tunes } from './support/fake-t2tunes/server.ts';
import { ARTIST_FIELDS, DATE_FIELDS, DATE_FORMS } from './support/fake-t2tunes/wire-bodies.ts';

// Catalog facts from the shared corpus.
const NEVERMIND = 'B0NF1IWNWH';
const IN_BLOOM = 'B0PVJFB6AS';
const ALL_OF_US = 'B0XYCM1JA0';

let fake: FakeT2Tunes;
let client: T2TunesClient;
const observed: T2TunesEndpoint[] = [];

async function sourceErrorOf(promise: Promise<unknown>): Promise<SourceError> {
  try {
    await promise;
  } catch (error) {
    if (isSourceError(error)) return error;
    throw error;
  }
  throw new Error('expected a SourceError, but the call succeeded');
}

beforeAll(async () => {
  fake = await startFakeT2Tunes({ catalogPath: CORPUS_CATALOG_PATH });
  client = new T2TunesClient({ baseUrl: fake.url, onRequest: (endpoint) => observed.push(endpoint) });
});

afterEach(async () => {
  await fake.clearFaults();
  fake.setShape('graphql');
  fake.setMetadataStyle('rotate');
  fake.setMediaStyle('rotate');
  fake.resetLog();
});

afterAll(async () => {
  await client.close();
  await fake.close();
});

describe('status', () => {
  it('reports up', async () => {
    expect(await client.status()).toEqual({ up: true, version: 'fake-1' });
  });

  it('reports a down backend without throwing', async () => {
    fake.setAmazonMusicState('down');
    const status = await client.status();
    fake.setAmazonMusicState('up');
    expect(status.up).toBe(false);
  });
});

describe('searchTracks', () => {
  for (const shape of ['graphql', 'legacy'] as const) {
    it(`finds In Bloom by Nirvana (${shape})`, async () => {
      fake.setShape(shape);
      const result = await client.searchTracks('In Bloom Nirvana');
      const hit = result.tracks.find((track) => track.id === IN_BLOOM);
      expect(hit).toMatchObject({ title: 'In Bloom', artistName: 'Nirvana', albumId: NEVERMIND, albumTitle: 'Nevermind (Remastered)' });
    });

    it(`derives the Nevermind album (${shape})`, async () => {
      fake.setShape(shape);
      const result = await client.searchTracks('In Bloom Nirvana');
      expect(result.albums.map((album) => album.id)).toContain(NEVERMIND);
    });
  }

  it('sends types=track', async () => {
    await client.searchTracks('In Bloom');
    expect(fake.requests()[0]?.query.types).toBe('track');
  });

  it('sends the country', async () => {
    const german = new T2TunesClient({ baseUrl: fake.url, country: 'de' });
    await german.searchTracks('In Bloom');
    await german.close();
    expect(fake.requests()[0]?.query.country).toBe('DE');
  });

  it('keeps the trimmed query', async () => {
    const result = await client.searchTracks('  In Bloom  ');
    expect(result.query).toBe('In Bloom');
  });

  it('rejects an empty query without a request', async () => {
    const error = await sourceErrorOf(client.searchTracks('   '));
    expect(error.kind).toBe('item_error');
    expect(fake.counts().total).toBe(0);
  });

  it('returns no hits for an unknown phrase', async () => {
    const result = await client.searchTracks('zzzqqq xxyyzz');
    expect(result.tracks).toEqual([]);
  });
});

describe('getAlbum', () => {
  it('reads Nevermind with its tracks', async () => {
    const album = await client.getAlbum(NEVERMIND);
    expect(album).toMatchObject({ id: NEVERMIND, title: 'Nevermind (Remastered)', artistName: 'Nirvana', label: 'DGC', trackCount: 12 });
    expect(album.tracks).toHaveLength(12);
  });

  it('gives the album of a track ASIN', async () => {
    const album = await client.getAlbum(IN_BLOOM);
    expect(album.id).toBe(NEVERMIND);
  });

  it('makes an unknown ASIN not_found', async () => {
    const error = await sourceErrorOf(client.getAlbum('B0NOSUCH00'));
    expect(error.kind).toBe('not_found');
  });

  it('rejects a malformed ASIN without a request', async () => {
    const error = await sourceErrorOf(client.getAlbum('not an asin'));
    expect(error.kind).toBe('item_error');
    expect(fake.counts().total).toBe(0);
  });

  for (const artistField of ARTIST_FIELDS) {
    it(`reads the artist from ${artistField}`, async () => {
      fake.setMetadataStyle({ artistField });
      const album = await client.getAlbum(NEVERMIND);
      expect(album.artistName).toBe('Nirvana');
    });
  }

  for (const dateField of DATE_FIELDS) {
    for (const dateForm of DATE_FORMS) {
      it(`reads ${dateField} as ${dateForm}`, async () => {
        fake.setMetadataStyle({ dateField, dateForm });
        const album = await client.getAlbum(NEVERMIND);
        expect(album.releaseDate).toBe('1991-09-24');
      });
    }
  }

  for (const dateForm of DATE_FORMS) {
    it(`reads a 1968 date as ${dateForm}`, async () => {
      fake.setMetadataStyle({ dateField: 'originalReleaseDate', dateForm });
      const album = await client.getAlbum(ALL_OF_US);
      expect(album.releaseDate).toBe('1968-08-01');
    });
  }

  it('reads every rotated metadata style', async () => {
    const dates = new Set<string | null>();
    for (let i = 0; i < DATE_FIELDS.length * DATE_FORMS.length; i += 1) {
      dates.add((await client.getAlbum(NEVERMIND)).releaseDate);
    }
    expect([...dates]).toEqual(['1991-09-24']);
  });
});

describe('getAlbumTracks', () => {
  it('uses the metadata track list', async () => {
    const tracks = await client.getAlbumTracks(NEVERMIND);
    expect(tracks[1]).toMatchObject({ id: IN_BLOOM, title: 'In Bloom', trackNumber: 2, discNumber: 1, durationSeconds: 255 });
    expect(fake.counts().byEndpoint.media).toBe(0);
  });

  it('falls back to media when tracks are missing', async () => {
    fake.setMetadataStyle({ includeTracks: false });
    const tracks = await client.getAlbumTracks(NEVERMIND);
    expect(tracks).toHaveLength(12);
    expect(tracks[1]).toMatchObject({ id: IN_BLOOM, title: 'In Bloom', albumId: NEVERMIND, trackNumber: 2, releaseDate: '1991-09-24' });
    expect(fake.counts().byEndpoint.media).toBe(1);
  });

  it('reuses an album already fetched', async () => {
    const album = await client.getAlbum(NEVERMIND);
    fake.resetLog();
    await client.getAlbumTracks(album);
    expect(fake.counts().total).toBe(0);
  });
});

describe('getMedia', () => {
  it('lists one entry per track of an album', async () => {
    const media = await client.getMedia(NEVERMIND);
    expect(media).toHaveLength(12);
  });

  for (const form of ['list', 'object'] as const) {
    for (const numbers of ['old', 'new'] as const) {
      it(`reads a track as ${form} with ${numbers} numbers`, async () => {
        fake.setMediaStyle({ form, numbers, streamableKey: 'stremeable' });
        const media = await client.getMedia(IN_BLOOM);
        expect(media).toHaveLength(1);
        expect(media[0]).toMatchObject({ asin: IN_BLOOM, streamable: true, trackNumber: 2, discNumber: 1, title: 'In Bloom' });
      });
    }
  }

  it('makes an unknown ASIN not_found', async () => {
    const error = await sourceErrorOf(client.getMedia('B0NOSUCH00'));
    expect(error.kind).toBe('not_found');
  });
});

describe('request counting', () => {
  it('counts by endpoint', async () => {
    const counting = new T2TunesClient({ baseUrl: fake.url });
    await counting.status();
    await counting.searchTracks('In Bloom');
    await counting.searchTracks('Nirvana');
    await counting.getAlbum(NEVERMIND);
    await counting.close();
    expect(counting.requestCounts()).toEqual({ total: 4, byEndpoint: { status: 1, search: 2, metadata: 1 } });
  });

  it('calls onRequest for every request', async () => {
    observed.length = 0;
    await client.status();
    await client.getMedia(IN_BLOOM);
    expect(observed).toEqual(['status', 'media']);
  });
});

describe('close', () => {
  it('rejects calls after close', async () => {
    const closing = new T2TunesClient({ baseUrl: fake.url });
    await closing.close();
    await expect(closing.status()).rejects.toThrow(/client is closed/);
  });
});
