import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { T2TunesClient } from '../src/worker/sources/amazon/client.ts';
import { RecordingLogger } from './support/fake-t2tunes/recording-logger.ts';
import { startFakeT2Tunes, type FakeT2Tunes } from './support/fake-t2tunes/server.ts';
import type { FakeEndpoint } from './support/fake-t2tunes/faults.ts';

// Example payloads in each documented wire shape, with invented values. The
// fake serves them verbatim, so the client reads them over real HTTP.

const LEGACY_SEARCH = {
  results: [
    {
      found: 4,
      hits: [
        {
          document: {
            asin: 'B0TESTTR01', title: 'Paper Lanterns', artistName: 'Moth Parade feat. Ivy Lane', __type: 'MusicTrack',
            albumName: 'Night Market [Explicit]', albumAsin: 'B0TESTAL01', duration: 212, isrc: 'QZTST2400001', primeStatus: 'PRIME',
          },
        },
        { document: { title: 'No Asin Here', __type: 'MusicTrack' } },
        { document: { asin: 'B0TESTAL02', title: 'Night Market (Clean)', artistName: 'Moth Parade', __type: 'album' } },
        { document: { asin: 'B0TESTTR02', title: 'Lantern Reprise', artistName: 'Moth Parade', __type: 'musictrack', albumName: 'Night Market [Explicit]', albumAsin: 'B0TESTAL01', duration: '95' } },
      ],
    },
  ],
};

const GRAPHQL_SEARCH = {
  data: {
    searchTracks: {
      edgeCount: 2,
      pageInfo: { hasNextPage: false, token: null },
      edges: [
        {
          node: {
            id: 'B0TESTTR03', title: 'Harbour Lights', duration: 187, trackNumber: 4, shortTitle: 'Harbour', uri: 'amzn://x',
            releaseDate: '2019-10-11T00:00:00.000Z',
            album: { id: 'B0TESTAL03', title: 'Coastline', releaseDate: '2019-10-11T00:00:00.000Z' },
            contributingArtists: { concatenatedName: 'Selma Ray', edges: [{ role: 'PRIMARY', node: { id: 'B0TESTAR01', name: 'Selma Ray' } }] },
            images: [{ width: 300, height: 300, url: 'https://m.media-amazon.com/images/I/x.jpg' }],
          },
        },
        {
          node: {
            id: 'B0TESTTR04', title: 'Tidewater', duration: 203,
            album: { id: 'B0TESTAL03', title: 'Coastline' },
            contributingArtists: { concatenatedName: '', edges: [{ role: 'PRIMARY', node: { name: 'Selma Ray' } }] },
          },
        },
        { node: { title: 'No id' } },
      ],
    },
    searchAlbums: {
      edgeCount: 1,
      edges: [{ node: { id: 'B0TESTAL04', title: 'Coastline (Deluxe)', contributingArtists: { concatenatedName: 'Selma Ray' }, images: [{ url: 'https://m.media-amazon.com/images/I/y.jpg' }] } }],
    },
    searchArtists: { edges: [{ node: { id: 'B0TESTAR01', name: 'Selma Ray' } }] },
  },
};

const METADATA = {
  albumList: [
    {
      asin: 'B0TESTAL01', title: 'Night Market [Explicit]', trackCount: 12,
      image: 'https://m.media-amazon.com/images/I/night.jpg', label: 'Lantern Records', explicit: true,
      artistName: 'Moth Parade', primaryArtistName: 'Moth Parade', artist: { asin: 'B0TESTAR02', name: 'Moth Parade' },
      originalReleaseDate: 1617321600, merchantReleaseDate: 1617321600000, streetDate: '2021-04-02T00:00:00.000Z',
      tracks: [
        { asin: 'B0TESTTR01', title: 'Paper Lanterns', trackNum: 3, duration: 212, isrc: 'QZTST2400001' },
        { title: 'no asin' },
        { asin: 'B0TESTTR05', title: 'Street Food', trackNum: '4', discNum: '1', duration: 180, artistName: 'Moth Parade ft. Guest' },
      ],
      futureField: { nested: true },
    },
  ],
};

const MEDIA_ENTRY = {
  asin: 'B0TESTTR01', streamable: true, decryptionKey: null,
  coverUrl: 'https://m.media-amazon.com/images/I/night.jpg', templateCoverUrl: 'https://m.media-amazon.com/images/I/{size}.jpg',
  streamInfo: { codec: 'flac', format: 'FLAC', sampleRate: 48000, streamUrl: 'https://example.invalid/s' },
  tags: {
    title: 'Paper Lanterns', artist: 'Moth Parade', album: 'Night Market', isrc: 'QZTST2400001',
    trackNumber: 3, discNumber: 1, track: '3', disc: '1', genre: 'Pop', label: 'Lantern Records', date: '2021-04-02',
  },
};

const MEDIA_NEW_STYLE = {
  asin: 'B0TESTTR05', stremeable: false,
  tags: { title: 'Street Food', artist: 'Moth Parade', album: 'Night Market', track: '4', disc: '2' },
};

let fake: FakeT2Tunes;
let client: T2TunesClient;
let logger: RecordingLogger;

async function serve(endpoint: FakeEndpoint, body: unknown): Promise<void> {
  await fake.setFault({ mode: { kind: 'http', status: 200, body }, endpoint, times: 1 });
}

beforeAll(async () => {
  fake = await startFakeT2Tunes({ catalog: { albums: [] } });
  logger = new RecordingLogger();
  client = new T2TunesClient({ baseUrl: fake.url, logger });
});

afterAll(async () => {
  await client.close();
  await fake.close();
});

describe('legacy search payload', () => {
  it('reads the track hit', async () => {
    await serve('search', LEGACY_SEARCH);
    const result = await client.searchTracks('paper lanterns');
    expect(result.tracks[0]).toEqual({
      id: 'B0TESTTR01', title: 'Paper Lanterns', artistName: 'Moth Parade feat. Ivy Lane',
      albumId: 'B0TESTAL01', albumTitle: 'Night Market [Explicit]', trackNumber: null, discNumber: null,
      durationSeconds: 212, isrc: 'QZTST2400001', releaseDate: null,
    });
  });

  it('skips the hit without an asin', async () => {
    await serve('search', LEGACY_SEARCH);
    const result = await client.searchTracks('paper lanterns');
    expect(result.tracks.map((track) => track.id)).toEqual(['B0TESTTR01', 'B0TESTTR02']);
  });

  it('reads a duration sent as a string', async () => {
    await serve('search', LEGACY_SEARCH);
    const result = await client.searchTracks('paper lanterns');
    expect(result.tracks[1]?.durationSeconds).toBe(95);
  });

  it('puts album hits before derived albums', async () => {
    await serve('search', LEGACY_SEARCH);
    const result = await client.searchTracks('paper lanterns');
    expect(result.albums.map((album) => album.id)).toEqual(['B0TESTAL02', 'B0TESTAL01']);
  });

  it('derives the album from track hits', async () => {
    await serve('search', LEGACY_SEARCH);
    const result = await client.searchTracks('paper lanterns');
    expect(result.albums[1]).toMatchObject({ id: 'B0TESTAL01', title: 'Night Market [Explicit]', artistName: 'Moth Parade feat. Ivy Lane' });
  });
});

describe('GraphQL search payload', () => {
  it('reads the track node', async () => {
    await serve('search', GRAPHQL_SEARCH);
    const result = await client.searchTracks('harbour lights');
    expect(result.tracks[0]).toEqual({
      id: 'B0TESTTR03', title: 'Harbour Lights', artistName: 'Selma Ray', albumId: 'B0TESTAL03', albumTitle: 'Coastline',
      trackNumber: 4, discNumber: null, durationSeconds: 187, isrc: null, releaseDate: '2019-10-11',
    });
  });

  it('falls back to the first artist edge', async () => {
    await serve('search', GRAPHQL_SEARCH);
    const result = await client.searchTracks('tidewater');
    expect(result.tracks[1]?.artistName).toBe('Selma Ray');
  });

  it('skips a node without an id', async () => {
    await serve('search', GRAPHQL_SEARCH);
    const result = await client.searchTracks('tidewater');
    expect(result.tracks).toHaveLength(2);
  });

  it('reads the searchAlbums block', async () => {
    await serve('search', GRAPHQL_SEARCH);
    const result = await client.searchTracks('coastline');
    expect(result.albums[0]).toMatchObject({ id: 'B0TESTAL04', title: 'Coastline (Deluxe)', artistName: 'Selma Ray', imageUrl: 'https://m.media-amazon.com/images/I/y.jpg' });
  });

  it('derives one album for two tracks', async () => {
    await serve('search', GRAPHQL_SEARCH);
    const result = await client.searchTracks('coastline');
    expect(result.albums.map((album) => album.id)).toEqual(['B0TESTAL04', 'B0TESTAL03']);
  });

  it('reads a null block as no hits', async () => {
    await serve('search', { data: { searchTracks: null } });
    const result = await client.searchTracks('nothing');
    expect(result.tracks).toEqual([]);
  });
});

describe('metadata payload', () => {
  it('reads the album', async () => {
    await serve('metadata', METADATA);
    const album = await client.getAlbum('B0TESTAL01');
    expect({ ...album, tracks: null }).toEqual({
      id: 'B0TESTAL01', title: 'Night Market [Explicit]', artistName: 'Moth Parade', label: 'Lantern Records',
      imageUrl: 'https://m.media-amazon.com/images/I/night.jpg', trackCount: 12, explicit: true, releaseDate: '2021-04-02', tracks: null,
    });
  });

  it('reads the track list and skips the entry without an asin', async () => {
    await serve('metadata', METADATA);
    const album = await client.getAlbum('B0TESTAL01');
    expect(album.tracks?.map((track) => track.id)).toEqual(['B0TESTTR01', 'B0TESTTR05']);
  });

  it('reads track numbers sent as strings', async () => {
    await serve('metadata', METADATA);
    const album = await client.getAlbum('B0TESTAL01');
    expect(album.tracks?.[1]).toMatchObject({ trackNumber: 4, discNumber: 1 });
  });

  it('gives tracks the album artist unless they name one', async () => {
    await serve('metadata', METADATA);
    const album = await client.getAlbum('B0TESTAL01');
    expect(album.tracks?.map((track) => track.artistName)).toEqual(['Moth Parade', 'Moth Parade ft. Guest']);
  });

  it('reads a missing image as null', async () => {
    const [entry] = METADATA.albumList;
    await serve('metadata', { albumList: [{ ...entry, image: undefined }] });
    const album = await client.getAlbum('B0TESTAL01');
    expect(album.imageUrl).toBeNull();
  });
});

describe('media payload', () => {
  it('reads a list entry', async () => {
    await serve('media', [MEDIA_ENTRY]);
    const [media] = await client.getMedia('B0TESTTR01');
    expect(media).toEqual({
      asin: 'B0TESTTR01', streamable: true, title: 'Paper Lanterns', artist: 'Moth Parade', album: 'Night Market',
      isrc: 'QZTST2400001', trackNumber: 3, discNumber: 1, genre: 'Pop', label: 'Lantern Records', releaseDate: '2021-04-02',
      coverUrl: 'https://m.media-amazon.com/images/I/night.jpg', codec: 'flac', sampleRate: 48000,
    });
  });

  it('reads a single object', async () => {
    await serve('media', MEDIA_ENTRY);
    const media = await client.getMedia('B0TESTTR01');
    expect(media.map((entry) => entry.asin)).toEqual(['B0TESTTR01']);
  });

  it('reads the stremeable spelling', async () => {
    await serve('media', MEDIA_NEW_STYLE);
    const [media] = await client.getMedia('B0TESTTR05');
    expect(media?.streamable).toBe(false);
  });

  it('reads track and disc strings', async () => {
    await serve('media', [MEDIA_NEW_STYLE]);
    const [media] = await client.getMedia('B0TESTTR05');
    expect(media).toMatchObject({ trackNumber: 4, discNumber: 2 });
  });
});

describe('status payload', () => {
  it('reads up', async () => {
    await serve('status', { amazonMusic: 'up', version: '2.4.1' });
    expect(await client.status()).toEqual({ up: true, version: '2.4.1' });
  });

  it('reads down as not up', async () => {
    await serve('status', { amazonMusic: 'down', version: '2.4.1' });
    expect(await client.status()).toEqual({ up: false, version: '2.4.1' });
  });
});
