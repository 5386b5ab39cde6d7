import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterEach, describe, expect, it } from 'vitest';

import { checkConnection } from '../src/main/core/app/connection-check.ts';

type Handler = (request: http.IncomingMessage, response: http.ServerResponse) => void;

const servers: http.Server[] = [];

async function serve(handler: Handler): Promise<string> {
  const server = http.createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function json(status: number, body: unknown): Handler {
  return (_request, response) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  };
}

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

describe('checkConnection', () => {
  it('reports an instance that is up', async () => {
    const baseUrl = await serve(json(200, { amazonMusic: 'up', version: '2.4.1' }));
    expect(await checkConnection(baseUrl)).toEqual({ ok: true, version: '2.4.1', message: 'Connected: Amazon Music is up.' });
  });

  it('asks for /api/status', async () => {
    const paths: string[] = [];
    const baseUrl = await serve((request, response) => {
      paths.push(request.url ?? '');
      json(200, { amazonMusic: 'up' })(request, response);
    });
    await checkConnection(baseUrl);
    expect(paths).toEqual(['/api/status']);
  });

  it('reports Amazon Music down', async () => {
    const baseUrl = await serve(json(200, { amazonMusic: 'down', version: '2.4.1' }));
    expect(await checkConnection(baseUrl)).toMatchObject({ ok: false, message: expect.stringContaining('Amazon Music is down') });
  });

  it('reports the HTTP status and error text', async () => {
    const baseUrl = await serve(json(503, { error: 'Amazon Music API is not initialized' }));
    expect((await checkConnection(baseUrl)).message).toBe('T2Tunes responded with HTTP 503: Amazon Music API is not initialized');
  });

  it('reports an answer that is not JSON', async () => {
    const baseUrl = await serve((_request, response) => response.end('<html>parking page</html>'));
    expect((await checkConnection(baseUrl)).message).toContain('HTTP 200 with an HTML page instead of JSON');
  });

  it('reports JSON without the status field', async () => {
    const baseUrl = await serve(json(200, { hello: 'world' }));
    expect((await checkConnection(baseUrl)).message).toContain('"amazonMusic"');
  });

  it('reports a refused connection', async () => {
    const baseUrl = await serve(json(200, {}));
    const server = servers.pop();
    await new Promise((resolve) => server?.close(resolve));
    expect((await checkConnection(baseUrl)).message).toContain('Connection refused');
  });

  it('reports a timeout', async () => {
    // The server accepts the request and never responds.
    const baseUrl = await serve(() => undefined);
    expect((await checkConnection(baseUrl, 200)).message).toContain('timed out');
  });
});
