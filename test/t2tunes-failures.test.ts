import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isSourceError, type SourceError } from '../src/shared/source-errors.ts';
import { T2TunesClient } from '../src/worker/sources/amazon/client.ts';
import { CORPUS_CATALOG_PATH } from './support/fake-t2tunes/corpus.ts';
import type { FakeEndpoint, FaultMode } from './support/fake-t2tunes/faults.ts';
import { RecordingLogger } from './support/fake-t2tunes/recording-logger.ts';
import { startFakeT2Tunes, type FakeT2Tunes } from './support/fake-t2tunes/server.ts';

const NEVERMIND = 'B0NF1IWNWH';
const IN_BLOOM = 'B0PVJFB6AS';

let fake: FakeT2Tunes;
let client: T2TunesClient;
let logger: RecordingLogger;

function newClient(overrides: Partial<ConstructorParameters<typeof T2TunesClient>[0]> = {}): T2TunesClient {
  return new T2TunesClient({
    baseUrl: fake.url,
    logger,
    timeouts: { connectMs: 1_000, headersMs: 400, bodyMs: 400 },
    failedSearchRetryDelaysMs: [5, 10],
    ...overrides,
  });
}

/** Calls `endpoint` through the client and returns the SourceError it throws. */
async function failureOf(endpoint: FakeEndpoint, target: T2TunesClient = client): Promise<SourceError> {
  const calls: Record<FakeEndpoint, () => Promise<unknown>> = {
    status: () => target.status(),
    search: () => target.searchTracks('In Bloom Nirvana'),
    metadata: () => target.getAlbum(NEVERMIND),
    media: () => target.getMedia(IN_BLOOM),
  };
  try {
    await calls[endpoint]();
  } catch (error) {
    if (isSourceError(error)) return error;
    throw error;
  }
  throw new Error(`expected ${endpoint} to fail with a SourceError, but it succeeded`);
}

async function fault(mode: FaultMode, endpoint: FakeEndpoint | 'all' = 'all'): Promise<void> {
  await fake.setFault({ mode, endpoint });
}

beforeAll(async () => {
  fake = await startFakeT2Tunes({ catalogPath: CORPUS_CATALOG_PATH });
  logger = new RecordingLogger();
  client = newClient();
});

afterEach(async () => {
  await fake.clearFaults();
  fake.resetLog();
});

afterAll(async () => {
  await client.close();
  await fake.close();
});

const ENDPOINTS: FakeEndpoint[] = ['status', 'search', 'metadata', 'media'];

describe('backend not initialized (503 JSON)', () => {
  for (const endpoint of ENDPOINTS) {
    it(`is an outage on ${endpoint}`, async () => {
      await fault({ kind: 'not_initialized' });
      const error = await failureOf(endpoint);
      expect(error.kind).toBe('outage');
      expect(error.status).toBe(503);
      expect(error.message).toMatch(/not initialized/);
    });
  }

  it('is an outage when sent with status 200', async () => {
    const body = { error: true, statusCode: 503, statusMessage: 'Amazon Music API is not initialized', message: 'Amazon Music API is not initialized' };
    await fault({ kind: 'http', status: 200, body });
    expect((await failureOf('metadata')).kind).toBe('outage');
  });
});

describe('gateway trouble (5xx HTML)', () => {
  for (const status of [500, 502, 504] as const) {
    it(`makes ${status} an outage`, async () => {
      await fault({ kind: 'html_error', status });
      const error = await failureOf('search');
      expect(error.kind).toBe('outage');
      expect(error.status).toBe(status);
    });
  }
});

describe('no HTTP response', () => {
  it('makes a refused connection an outage', async () => {
    const target = newClient();
    await fake.setFault({ mode: { kind: 'refused' } });
    const error = await failureOf('search', target);
    await target.close();
    expect(error.kind).toBe('outage');
    expect(error.code).toBe('ECONNREFUSED');
  });

  it('serves again on the same port after refusing', async () => {
    const port = fake.port;
    await fake.setFault({ mode: { kind: 'refused' } });
    await fake.clearFaults();
    expect(fake.port).toBe(port);
    expect((await client.status()).up).toBe(true);
  });

  it('drops kept-alive connections when refusing', async () => {
    await client.status();
    await fake.setFault({ mode: { kind: 'refused' } });
    const error = await failureOf('status');
    expect(error.kind).toBe('outage');
  });

  it('makes a hang a headers timeout outage', async () => {
    await fault({ kind: 'hang' });
    const error = await failureOf('search');
    expect(error.kind).toBe('outage');
    expect(error.code).toBe('UND_ERR_HEADERS_TIMEOUT');
  });

  it('makes a slow server a headers timeout outage', async () => {
    await fault({ kind: 'slow', delayMs: 2_000 });
    const error = await failureOf('metadata');
    expect(error.kind).toBe('outage');
    expect(error.code).toBe('UND_ERR_HEADERS_TIMEOUT');
  });

  it('makes a stalled body a body timeout outage', async () => {
    await fault({ kind: 'stall_mid_body' });
    const error = await failureOf('metadata');
    expect(error.kind).toBe('outage');
    expect(error.code).toBe('UND_ERR_BODY_TIMEOUT');
  });

  it('makes a reset mid-body an outage', async () => {
    await fault({ kind: 'reset_mid_body' });
    const error = await failureOf('search');
    expect(error.kind).toBe('outage');
    expect(['UND_ERR_SOCKET', 'ECONNRESET']).toContain(error.code);
  });

  it('keeps the network error as cause', async () => {
    await fault({ kind: 'hang' });
    const error = await failureOf('status');
    expect(error.cause).toBeInstanceOf(Error);
  });
});

describe('non-JSON where JSON was due', () => {
  it('makes an HTML page with 200 an outage', async () => {
    await fault({ kind: 'html_ok' });
    const error = await failureOf('search');
    expect(error.kind).toBe('outage');
    expect(error.status).toBe(200);
  });

  it('makes malformed JSON an outage', async () => {
    await fault({ kind: 'malformed_json' });
    const error = await failureOf('metadata');
    expect(error.kind).toBe('outage');
    expect(error.cause).toBeInstanceOf(SyntaxError);
  });
});

describe('transient "Failed to search" 400', () => {
  it('succeeds on the retry', async () => {
    await fake.setFault({ mode: { kind: 'failed_search' }, times: 1 });
    const result = await client.searchTracks('In Bloom Nirvana');
    expect(result.tracks.map((track) => track.id)).toContain(IN_BLOOM);
    expect(fake.counts().byEndpoint.search).toBe(2);
  });

  it('succeeds on the last retry', async () => {
    await fake.setFault({ mode: { kind: 'failed_search' }, times: 2 });
    const result = await client.searchTracks('In Bloom Nirvana');
    expect(result.tracks.length).toBeGreaterThan(0);
    expect(fake.counts().byEndpoint.search).toBe(3);
  });

  it('becomes item_error when it persists', async () => {
    await fault({ kind: 'failed_search' });
    const error = await failureOf('search');
    expect(error.kind).toBe('item_error');
    expect(error.status).toBe(400);
  });

  it('sends at most three requests per search', async () => {
    await fault({ kind: 'failed_search' });
    await failureOf('search');
    expect(fake.counts().byEndpoint.search).toBe(3);
  });

  it('counts the retries on the client', async () => {
    const counting = newClient();
    await fault({ kind: 'failed_search' });
    await failureOf('search', counting);
    await counting.close();
    expect(counting.requestCounts().byEndpoint.search).toBe(3);
  });

  it('is not retried without configured delays', async () => {
    const noRetry = newClient({ failedSearchRetryDelaysMs: [] });
    await fault({ kind: 'failed_search' });
    await failureOf('search', noRetry);
    await noRetry.close();
    expect(fake.counts().byEndpoint.search).toBe(1);
  });

  it('is an item_error on the first try for metadata', async () => {
    await fake.setFault({ mode: { kind: 'http', status: 400, body: { error: true, message: 'Failed to search' } }, endpoint: 'metadata' });
    const error = await failureOf('metadata');
    expect(error.kind).toBe('item_error');
    expect(fake.counts().byEndpoint.metadata).toBe(1);
  });
});

describe('rate limited (429)', () => {
  it('reads Retry-After in seconds', async () => {
    await fault({ kind: 'rate_limited', retryAfterSeconds: 30, retryAfterForm: 'seconds' });
    const error = await failureOf('search');
    expect(error.kind).toBe('rate_limited');
    expect(error.retryAfterSeconds).toBe(30);
  });

  it('reads Retry-After as an HTTP date', async () => {
    await fault({ kind: 'rate_limited', retryAfterSeconds: 120, retryAfterForm: 'date' });
    const error = await failureOf('metadata');
    expect(error.kind).toBe('rate_limited');
    // The HTTP date has whole seconds, so up to one second is lost.
    expect([119, 120]).toContain(error.retryAfterSeconds);
  });

  it('works without Retry-After', async () => {
    await fault({ kind: 'rate_limited' });
    const error = await failureOf('status');
    expect(error.kind).toBe('rate_limited');
    expect(error.retryAfterSeconds).toBeUndefined();
  });

  it('is not retried', async () => {
    await fault({ kind: 'rate_limited', retryAfterSeconds: 1 });
    await failureOf('search');
    expect(fake.counts().byEndpoint.search).toBe(1);
  });
});

describe('unknown ASIN', () => {
  it('makes 404 not_found', async () => {
    await fake.setFault({ mode: { kind: 'http', status: 404 }, endpoint: 'metadata' });
    const error = await failureOf('metadata');
    expect(error.kind).toBe('not_found');
    expect(error.status).toBe(404);
  });

  it('makes an empty albumList not_found', async () => {
    await fake.setFault({ mode: { kind: 'http', status: 200, body: { albumList: [] } }, endpoint: 'metadata' });
    expect((await failureOf('metadata')).kind).toBe('not_found');
  });

  it('makes a missing albumList not_found', async () => {
    await fake.setFault({ mode: { kind: 'http', status: 200, body: { other: 1 } }, endpoint: 'metadata' });
    expect((await failureOf('metadata')).kind).toBe('not_found');
  });
});

describe('other 4xx', () => {
  for (const status of [400, 403, 410, 422]) {
    it(`makes ${status} an item_error`, async () => {
      await fault({ kind: 'http', status });
      const error = await failureOf('metadata');
      expect(error.kind).toBe('item_error');
      expect(error.status).toBe(status);
    });
  }

  it('makes a redirect an outage', async () => {
    await fault({ kind: 'http', status: 302 });
    expect((await failureOf('search')).kind).toBe('outage');
  });
});

describe('unknown JSON shape', () => {
  for (const endpoint of ENDPOINTS) {
    it(`is a contract failure on ${endpoint}`, async () => {
      await fault({ kind: 'unknown_shape' });
      const error = await failureOf(endpoint);
      expect(error.kind).toBe('contract');
      expect(error.status).toBe(200);
    });
  }

  it('is logged once per endpoint with a trimmed sample', async () => {
    const recording = new RecordingLogger();
    const target = newClient({ logger: recording });
    const long = { payload: { songs: Array.from({ length: 200 }, (_, i) => ({ songId: `X${i}` })) } };
    await fake.setFault({ mode: { kind: 'http', status: 200, body: long }, endpoint: 'search' });
    await failureOf('search', target);
    await failureOf('search', target);
    await target.close();

    const warnings = recording.warnings();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.obj.endpoint).toBe('search');
    expect(String(warnings[0]?.obj.sample).length).toBeLessThanOrEqual(500);
  });

  it('logs each endpoint separately', async () => {
    const recording = new RecordingLogger();
    const target = newClient({ logger: recording });
    await fault({ kind: 'unknown_shape' });
    await failureOf('search', target);
    await failureOf('media', target);
    await target.close();
    expect(recording.warnings().map((record) => record.obj.endpoint)).toEqual(['search', 'media']);
  });

  it('skips unreadable hits and keeps the rest', async () => {
    const recording = new RecordingLogger();
    const target = newClient({ logger: recording });
    const body = { data: { searchTracks: { edges: [{ node: { id: 'B0AAAAAAA1' } }, { node: { id: 'B0AAAAAAA2', title: 'Kept' } }] } } };
    await fake.setFault({ mode: { kind: 'http', status: 200, body }, endpoint: 'search' });
    const result = await target.searchTracks('kept');
    await target.close();
    expect(result.tracks.map((track) => track.id)).toEqual(['B0AAAAAAA2']);
    expect(recording.warnings()).toHaveLength(1);
  });

  it('makes an album without a title an item_error', async () => {
    await fake.setFault({ mode: { kind: 'http', status: 200, body: { albumList: [{ asin: NEVERMIND }] } }, endpoint: 'metadata' });
    expect((await failureOf('metadata')).kind).toBe('item_error');
  });
});
