import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { checkConnection } from '../src/main/core/app/connection-check.ts';
import { describeNonJsonResponse, isHtmlBody } from '../src/shared/response-body.ts';
import { isSourceError, type SourceError } from '../src/shared/source-errors.ts';
import { T2TunesClient } from '../src/worker/sources/amazon/client.ts';
import { startFakeT2Tunes, type FakeT2Tunes } from './support/fake-t2tunes/server.ts';

const PAGE = '<!DOCTYPE html><html><head><title>Oops</title></head><body><h1>Oops</h1></body></html>';

let fake: FakeT2Tunes;
let client: T2TunesClient;
const servers: http.Server[] = [];

beforeAll(async () => {
  fake = await startFakeT2Tunes({ catalog: { albums: [] } });
  client = new T2TunesClient({ baseUrl: fake.url, timeouts: { connectMs: 1_000, headersMs: 1_000, bodyMs: 1_000 } });
});

afterEach(async () => {
  await fake.clearFaults();
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

afterAll(async () => {
  await client.close();
  await fake.close();
});

/** Serves every request with one status, content type and body on 127.0.0.1; returns the base URL. */
async function serve(status: number, contentType: string, body: string): Promise<string> {
  const server = http.createServer((_request, response) => {
    response.writeHead(status, { 'content-type': contentType });
    response.end(body);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function searchFailure(target: T2TunesClient = client): Promise<SourceError> {
  try {
    await target.searchTracks('In Bloom');
  } catch (error) {
    if (isSourceError(error)) return error;
    throw error;
  }
  throw new Error('expected the search to fail with a SourceError, but it succeeded');
}

describe('describeNonJsonResponse', () => {
  it.each([
    [502, PAGE, 'text/html; charset=utf-8', 'HTTP 502 with an HTML page instead of JSON'],
    [200, `  \n${PAGE}`, undefined, 'HTTP 200 with an HTML page instead of JSON'],
    [500, '<?xml version="1.0"?><Error/>', 'application/xml', 'HTTP 500 with an XML document instead of JSON'],
    [200, '{"results": [', 'application/json', 'HTTP 200 with malformed JSON'],
    [204, '  ', undefined, 'HTTP 204 with an empty body instead of JSON'],
    [400, 'Bad\u0000 request\n  here', 'text/plain', 'HTTP 400 with text instead of JSON: Bad request here'],
  ])('describes HTTP %i bodies', (status, body, contentType, expected) => {
    expect(describeNonJsonResponse(status, body, contentType)).toBe(expected);
  });

  it('cuts long text', () => {
    expect(describeNonJsonResponse(400, 'x'.repeat(500), 'text/plain').length).toBeLessThan(170);
  });

  it('names HTML by content type alone', () => {
    expect(isHtmlBody('Service Unavailable', 'text/html')).toBe(true);
  });
});

describe('T2Tunes client with an HTML page', () => {
  it.each([500, 502, 504] as const)('names HTTP %i without the markup', async (status) => {
    await fake.setFault({ mode: { kind: 'html_error', status }, endpoint: 'all' });
    const error = await searchFailure();

    expect(error.message).toBe(`T2Tunes search returned HTTP ${status} with an HTML page instead of JSON`);
    expect(error.kind).toBe('outage');
  });

  it('names a captive portal without the markup', async () => {
    await fake.setFault({ mode: { kind: 'html_ok' }, endpoint: 'all' });
    const error = await searchFailure();

    expect(error.message).toContain('T2Tunes search returned HTTP 200 with an HTML page instead of JSON');
    expect(error.message).not.toContain('<');
    expect(error.kind).toBe('outage');
  });

  it('names a 400 page without the markup', async () => {
    const html400 = new T2TunesClient({ baseUrl: await serve(400, 'text/html', PAGE) });
    try {
      const error = await searchFailure(html400);

      expect(error.message).toBe('T2Tunes search returned HTTP 400 with an HTML page instead of JSON');
      expect(error.kind).toBe('item_error');
    } finally {
      await html400.close();
    }
  });

  it('still quotes a JSON 400 body', async () => {
    const json400 = new T2TunesClient({ baseUrl: await serve(400, 'application/json', '{"error":"bad query"}') });
    try {
      expect((await searchFailure(json400)).message).toBe('T2Tunes search returned HTTP 400: {"error":"bad query"}');
    } finally {
      await json400.close();
    }
  });
});

describe('connection test with an HTML page', () => {
  it.each([500, 502, 504] as const)('names HTTP %i without the markup', async (status) => {
    await fake.setFault({ mode: { kind: 'html_error', status }, endpoint: 'status' });
    const check = await checkConnection(fake.url);

    expect(check.message).toBe(
      `The server returned HTTP ${status} with an HTML page instead of JSON. T2Tunes or a proxy in front of it is failing; try again later.`,
    );
    expect(check.ok).toBe(false);
  });

  it('names a captive portal without the markup', async () => {
    await fake.setFault({ mode: { kind: 'html_ok' }, endpoint: 'status' });
    const check = await checkConnection(fake.url);

    expect(check.message).toContain('HTTP 200 with an HTML page instead of JSON');
    expect(check.message).not.toContain('<');
  });

  it('names a 404 page without the markup', async () => {
    const check = await checkConnection(await serve(404, 'text/html', PAGE));
    expect(check.message).toBe(
      'The server returned HTTP 404 with an HTML page instead of JSON. Check that the base URL points at a T2Tunes instance.',
    );
  });
});

describe('connection test when up', () => {
  it('names the version once', async () => {
    const check = await checkConnection(fake.url);

    expect(check.message).toBe('Connected: Amazon Music is up.');
    expect(check.version).toBe('fake-1');
  });
});
