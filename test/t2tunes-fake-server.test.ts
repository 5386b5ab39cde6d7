import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_CATALOG_PATH, REPO_ROOT } from './support/fake-t2tunes/corpus.ts';
import { MAX_HITS, foldWords } from './support/fake-t2tunes/search-index.ts';
import { startFakeT2Tunes, type FakeT2Tunes } from './support/fake-t2tunes/server.ts';

const IN_BLOOM = 'B0PVJFB6AS';
const NEVERMIND = 'B0NF1IWNWH';

let fake: FakeT2Tunes;

async function getJson(url: string): Promise<{ status: number; body: any }> {
  const response = await fetch(url);
  const text = await response.text();
  return { status: response.status, body: text === '' ? null : JSON.parse(text) };
}

async function search(query: string, extra = 'types=track'): Promise<any> {
  return (await getJson(`${fake.url}/api/amazon-music/search?query=${encodeURIComponent(query)}&${extra}`)).body;
}

function graphqlIds(body: any): string[] {
  return body.data.searchTracks.edges.map((edge: any) => edge.node.id);
}

async function statusCode(): Promise<number> {
  return (await fetch(`${fake.url}/api/status`)).status;
}

async function control(action: string, body?: unknown): Promise<Response> {
  return fetch(`${fake.url}/__control/${action}`, {
    method: body === undefined && action === 'log' ? 'GET' : 'POST',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

beforeAll(async () => {
  fake = await startFakeT2Tunes({ catalogPath: CORPUS_CATALOG_PATH });
});

afterEach(async () => {
  await fake.clearFaults();
  fake.setShape('graphql');
  fake.resetLog();
});

afterAll(async () => {
  await fake.close();
});

describe('fake search', () => {
  it('folds diacritics and case', () => {
    expect(foldWords("Queensrÿche's BUBLÉ")).toEqual(['queensryche', 's', 'buble']);
  });

  it('finds In Bloom by Nirvana', async () => {
    expect(graphqlIds(await search('In Bloom Nirvana'))).toContain(IN_BLOOM);
  });

  it('matches a query without diacritics', async () => {
    const body = await search('Michael Buble Home');
    const artists = body.data.searchTracks.edges.map((edge: any) => edge.node.contributingArtists.concatenatedName);
    expect(artists).toContain('Michael Bublé');
  });

  it('ranks more matched words first', async () => {
    const ids = graphqlIds(await search('Nevermind In Bloom Nirvana'));
    expect(ids[0]).toBe(IN_BLOOM);
  });

  it('breaks ties by popularity', async () => {
    // The karaoke version (popularity 92) outranks the original (90) on equal words.
    const ids = graphqlIds(await search('In Bloom Nirvana'));
    expect(ids.indexOf('B08CHE0DKR')).toBeLessThan(ids.indexOf(IN_BLOOM));
  });

  it(`returns at most ${MAX_HITS} hits`, async () => {
    expect(graphqlIds(await search('the a in of love')).length).toBe(MAX_HITS);
  });

  it('returns tracks only for types=track', async () => {
    expect(Object.keys((await search('Nevermind')).data)).toEqual(['searchTracks']);
  });

  it('accepts type= as well', async () => {
    expect(Object.keys((await search('Nevermind', 'type=track')).data)).toEqual(['searchTracks']);
  });

  it('adds albums for types=track,album', async () => {
    const body = await search('Nevermind', 'types=track,album');
    expect(body.data.searchAlbums.edges.map((edge: any) => edge.node.id)).toContain(NEVERMIND);
  });

  it('responds in the legacy shape', async () => {
    fake.setShape('legacy');
    const body = await search('In Bloom Nirvana');
    const documents = body.results[0].hits.map((hit: any) => hit.document);
    expect(documents.find((document: any) => document.asin === IN_BLOOM)).toMatchObject({ __type: 'MusicTrack', albumAsin: NEVERMIND });
  });

  it('rejects a missing query', async () => {
    expect((await getJson(`${fake.url}/api/amazon-music/search?types=track`)).status).toBe(400);
  });
});

describe('fake metadata and media', () => {
  it('gives the album of a track ASIN', async () => {
    const { body } = await getJson(`${fake.url}/api/amazon-music/metadata?asin=${IN_BLOOM}`);
    expect(body.albumList[0].asin).toBe(NEVERMIND);
  });

  it('gives an empty albumList for an unknown ASIN', async () => {
    const { body } = await getJson(`${fake.url}/api/amazon-music/metadata?asin=B0NOSUCH00`);
    expect(body).toEqual({ albumList: [] });
  });

  it('rotates the release date field', async () => {
    fake.setMetadataStyle('rotate');
    const keys = new Set<string>();
    for (let i = 0; i < 5; i += 1) {
      const { body } = await getJson(`${fake.url}/api/amazon-music/metadata?asin=${NEVERMIND}`);
      for (const key of ['release_date', 'releaseDate', 'originalReleaseDate', 'merchantReleaseDate', 'streetDate']) {
        if (key in body.albumList[0]) keys.add(key);
      }
    }
    expect(keys.size).toBe(5);
  });

  it('sends one media entry per album track', async () => {
    const { body } = await getJson(`${fake.url}/api/amazon-music/media-from-asin?asin=${NEVERMIND}`);
    expect(body).toHaveLength(12);
  });
});

describe('fake faults', () => {
  it('applies a fault to one endpoint only', async () => {
    await fake.setFault({ mode: { kind: 'not_initialized' }, endpoint: 'search' });
    expect(await statusCode()).toBe(200);
  });

  it('applies a fault for the next N requests', async () => {
    await fake.setFault({ mode: { kind: 'html_error', status: 502 }, times: 2 });
    const codes = [await statusCode(), await statusCode(), await statusCode()];
    expect(codes).toEqual([502, 502, 200]);
  });

  it('lets one request in k succeed', async () => {
    await fake.setFault({ mode: { kind: 'not_initialized' }, succeedEvery: 3 });
    const codes: number[] = [];
    for (let i = 0; i < 6; i += 1) codes.push(await statusCode());
    expect(codes).toEqual([503, 503, 200, 503, 503, 200]);
  });

  it('fails every k-th search', async () => {
    await fake.setFault({ mode: { kind: 'failed_search' }, failEvery: 2 });
    const codes: number[] = [];
    for (let i = 0; i < 4; i += 1) codes.push((await fetch(`${fake.url}/api/amazon-music/search?query=x&types=track`)).status);
    expect(codes).toEqual([200, 400, 200, 400]);
  });

  it('responds late in slow mode', async () => {
    await fake.setFault({ mode: { kind: 'slow', delayMs: 50 }, endpoint: 'status' });
    expect(await statusCode()).toBe(200);
    expect(fake.requests()[0]?.fault).toBe('slow');
  });

  it('keeps failed_search off other endpoints', async () => {
    await fake.setFault({ mode: { kind: 'failed_search' } });
    expect(await statusCode()).toBe(200);
  });

  it('sends the exact not-initialized body', async () => {
    await fake.setFault({ mode: { kind: 'not_initialized' } });
    const { body } = await getJson(`${fake.url}/api/status`);
    expect(body).toEqual({
      error: true,
      url: '/api/status',
      statusCode: 503,
      statusMessage: 'Amazon Music API is not initialized',
      message: 'Amazon Music API is not initialized',
    });
  });

  it('rejects an unknown fault kind', async () => {
    await expect(fake.setFault({ mode: { kind: 'explode' } } as never)).rejects.toThrow(/mode.kind must be one of/);
  });

  it('closes while a request hangs', async () => {
    const hanging = await startFakeT2Tunes({ catalog: { albums: [] } });
    await hanging.setFault({ mode: { kind: 'hang' } });
    const request = fetch(`${hanging.url}/api/status`).catch((error: unknown) => error);
    while (hanging.counts().total === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    await hanging.close();
    expect(await request).toBeInstanceOf(Error);
  });
});

describe('fake log and counters', () => {
  it('logs method, path, query and status', async () => {
    await getJson(`${fake.url}/api/amazon-music/metadata?asin=${NEVERMIND}&country=US`);
    expect(fake.requests()[0]).toMatchObject({
      method: 'GET',
      path: '/api/amazon-music/metadata',
      query: { asin: NEVERMIND, country: 'US' },
      endpoint: 'metadata',
      status: 200,
      fault: null,
    });
  });

  it('counts by endpoint', async () => {
    await statusCode();
    await search('x');
    await search('y');
    expect(fake.counts()).toEqual({ total: 3, byEndpoint: { status: 1, search: 2, metadata: 0, media: 0 } });
  });
});

describe('fake control endpoint', () => {
  it('sets a fault', async () => {
    await control('fault', { mode: { kind: 'html_error', status: 504 }, endpoint: 'status' });
    expect(await statusCode()).toBe(504);
  });

  it('clears faults and the log on reset', async () => {
    await control('fault', { mode: { kind: 'html_error' } });
    await statusCode();
    await control('reset', {});
    expect(await statusCode()).toBe(200);
    expect(fake.counts().total).toBe(1);
  });

  it('returns the log', async () => {
    await statusCode();
    const log = (await (await control('log')).json()) as { counts: { byEndpoint: { status: number } } };
    expect(log.counts.byEndpoint.status).toBe(1);
  });

  it('switches the shape', async () => {
    await control('shape', { shape: 'legacy' });
    expect(Array.isArray((await search('Nirvana')).results)).toBe(true);
  });

  it('rejects refused without a duration', async () => {
    expect((await control('fault', { mode: { kind: 'refused' } })).status).toBe(400);
  });

  it('refuses for a duration, then listens again', async () => {
    await control('fault', { mode: { kind: 'refused', durationMs: 1_000 } });

    // The refusal starts after the control reply; the first failure may be
    // the kept-alive connection closing, the next one is a new connection.
    const failureCodes: (string | undefined)[] = [];
    for (let attempt = 0; attempt < 200 && failureCodes.length < 2; attempt += 1) {
      await fetch(`${fake.url}/api/status`).then(
        () => new Promise((resolve) => setTimeout(resolve, 5)),
        (error: { cause?: { code?: string } }) => failureCodes.push(error.cause?.code),
      );
    }
    let code = 0;
    for (let attempt = 0; attempt < 400 && code !== 200; attempt += 1) {
      code = await statusCode().catch(() => new Promise<number>((resolve) => setTimeout(() => resolve(0), 10)));
    }

    expect(failureCodes.at(-1)).toBe('ECONNREFUSED');
    expect(code).toBe(200);
  });
});

describe('fake CLI', () => {
  let child: ChildProcess | null = null;

  afterEach(() => {
    const running = child !== null && child.exitCode === null && child.signalCode === null;
    if (running && child?.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    child = null;
  });

  function startCli(command: string, args: string[]): Promise<{ url: string; stderr: () => string; exited: Promise<number | null> }> {
    const started = spawn(command, args, { cwd: REPO_ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    child = started;
    let stdout = '';
    let stderr = '';
    const exited = new Promise<number | null>((resolve) => started.once('exit', (code) => resolve(code)));
    started.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));

    return new Promise((resolve, reject) => {
      started.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const url = /^(http:\/\/127\.0\.0\.1:\d+)$/m.exec(stdout)?.[1];
        if (url !== undefined) resolve({ url, stderr: () => stderr, exited });
      });
      void exited.then((code) => reject(new Error(`CLI exited with ${code} before printing a URL: ${stderr}`)));
    });
  }

  it('serves the corpus through npm run', async () => {
    const catalog = path.relative(REPO_ROOT, CORPUS_CATALOG_PATH);
    const cli = await startCli('npm', ['run', '--silent', 'fake-t2tunes', '--', '--catalog', catalog, '--shape', 'legacy']);
    const response = await fetch(`${cli.url}/api/amazon-music/search?query=In%20Bloom%20Nirvana&types=track`);
    const body = (await response.json()) as any;
    process.kill(-child!.pid!, 'SIGTERM');
    await cli.exited;
    expect(body.results[0].hits.map((hit: any) => hit.document.asin)).toContain(IN_BLOOM);
  });

  it('exits with 0 on SIGINT', async () => {
    const cliPath = path.join(REPO_ROOT, 'test/support/fake-t2tunes/cli.ts');
    const cli = await startCli(process.execPath, ['--import', 'tsx', cliPath, '--catalog', CORPUS_CATALOG_PATH]);
    child!.kill('SIGINT');
    expect(await cli.exited).toBe(0);
  });

  it('rejects a bad shape', async () => {
    const cliPath = path.join(REPO_ROOT, 'test/support/fake-t2tunes/cli.ts');
    const started = spawn(process.execPath, ['--import', 'tsx', cliPath, '--catalog', CORPUS_CATALOG_PATH, '--shape', 'xml'], { cwd: REPO_ROOT });
    let stderr = '';
    started.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise((resolve) => started.once('exit', resolve));
    expect(code).toBe(2);
    expect(stderr).toMatch(/Invalid --shape "xml"/);
  });
});
