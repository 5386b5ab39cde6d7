/**
 * `liner serve` as a real child process: every HTTP request and the bridge
 * WebSocket need the printed token, and the bridge rejects other Origins.
 */
import http from 'node:http';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';

import { makeTempDir, removeTempDir } from '../support/temp.ts';
import { startServe, type ServeProcess } from './support/serve-process.ts';

let dir: string;
let serve: ServeProcess;

beforeAll(async () => {
  dir = makeTempDir('liner-serve-token-');
  serve = await startServe(path.join(dir, 'liner.db'), { LINER_LOG_FILE: path.join(dir, 'liner.log') });
}, 180_000);

afterAll(async () => {
  await serve?.stop();
  removeTempDir(dir);
});

/** Returns the status of a WebSocket handshake: 101 when it opened, else the HTTP status of the rejection. */
function handshakeStatus(url: string, origin: string | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, origin === undefined ? {} : { origin });
    socket.once('open', () => {
      socket.close();
      resolve(101);
    });
    socket.once('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      socket.terminate();
    });
    socket.once('error', (error) => reject(error));
  });
}

/** GETs with node:http, because fetch does not let a caller set the Host header. */
function statusWithHost(url: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: { host } }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.once('error', reject);
  });
}

function bridgeUrl(token: string | null): string {
  const url = new URL('/bridge', serve.origin);
  url.protocol = 'ws:';
  if (token !== null) url.searchParams.set('token', token);
  return url.toString();
}

describe('liner serve token', () => {
  it('page without token is 401', async () => {
    const response = await fetch(`${serve.origin}/`);
    expect(response.status).toBe(401);
  });

  it('page with a wrong token is 403', async () => {
    const response = await fetch(`${serve.origin}/?token=wrong`);
    expect(response.status).toBe(403);
  });

  it('asset without token is 401', async () => {
    const response = await fetch(`${serve.origin}/favicon.svg`);
    expect(response.status).toBe(401);
  });

  it('page with the token is served', async () => {
    const response = await fetch(serve.url);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<div id="root">');
  });

  it('page carries the CSP', async () => {
    const response = await fetch(serve.url);
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain(`connect-src 'self' ws://127.0.0.1:${new URL(serve.origin).port}`);
  });

  it('token page sets the cookie for assets', async () => {
    const page = await fetch(serve.url);
    const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const asset = await fetch(`${serve.origin}/favicon.svg`, { headers: { cookie } });
    expect(asset.status).toBe(200);
  });

  it('other Host header is rejected', async () => {
    expect(await statusWithHost(serve.url, 'attacker.example')).toBe(403);
  });

  it('WebSocket without token is rejected', async () => {
    expect(await handshakeStatus(bridgeUrl(null), serve.origin)).toBe(401);
  });

  it('WebSocket with a wrong token is rejected', async () => {
    expect(await handshakeStatus(bridgeUrl('wrong'), serve.origin)).toBe(403);
  });

  it('WebSocket from another Origin is rejected', async () => {
    expect(await handshakeStatus(bridgeUrl(serve.token), 'http://attacker.example')).toBe(403);
  });

  it('WebSocket without Origin is rejected', async () => {
    expect(await handshakeStatus(bridgeUrl(serve.token), undefined)).toBe(403);
  });

  it('WebSocket with token and Origin opens', async () => {
    expect(await handshakeStatus(bridgeUrl(serve.token), serve.origin)).toBe(101);
  });

  it('bridge answers a call', async () => {
    const socket = new WebSocket(bridgeUrl(serve.token), { origin: serve.origin });
    const reply = await new Promise<unknown>((resolve, reject) => {
      socket.on('open', () => socket.send(JSON.stringify({ type: 'call', id: 7, name: 'listLibraries', args: [] })));
      socket.on('message', (data) => {
        const message = JSON.parse(data.toString()) as { type: string; id?: number };
        if (message.type !== 'event') resolve(message);
      });
      socket.on('error', reject);
    });
    socket.close();

    expect(reply).toEqual({ type: 'result', id: 7, result: [] });
  });

  it('bridge returns the IpcError code', async () => {
    const socket = new WebSocket(bridgeUrl(serve.token), { origin: serve.origin });
    const reply = await new Promise<{ type: string; error?: { code: string } }>((resolve, reject) => {
      socket.on('open', () => socket.send(JSON.stringify({ type: 'call', id: 8, name: 'addLibrary', args: ['relative/path'] })));
      socket.on('message', (data) => {
        const message = JSON.parse(data.toString()) as { type: string; error?: { code: string } };
        if (message.type !== 'event') resolve(message);
      });
      socket.on('error', reject);
    });
    socket.close();

    expect(reply.type).toBe('error');
    expect(reply.error?.code).toBe('invalid_payload');
  });

  it('stops cleanly on SIGTERM', async () => {
    expect(await serve.stop()).toBe(0);
  });
});
