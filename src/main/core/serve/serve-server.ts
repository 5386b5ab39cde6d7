import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';

import { WebSocketServer } from 'ws';

import { BRIDGE_PATH, TOKEN_PARAMETER } from '../../../shared/ws-bridge-protocol.ts';
import type { Logger } from '../logging.ts';
import { serveBridgeConnection, type BridgeTarget } from './bridge-server.ts';
import { securityHeaders } from './security-headers.ts';
import { checkRequestToken, tokenCookie } from './serve-token.ts';
import { readStaticFile } from './static-files.ts';

export interface ServeServerOptions {
  /** A loopback address; `liner serve` never listens elsewhere. */
  host: string;
  /** 0 picks a free port. */
  port: number;
  token: string;
  /** The built renderer: `index.html` and `assets/`. */
  rendererDir: string;
  target: BridgeTarget;
  logger: Logger;
}

export interface ServeServer {
  /** The page URL with the token, as printed for the user. */
  url: string;
  origin: string;
  close(): Promise<void>;
}

/** Largest bridge frame accepted, in bytes; calls carry small JSON arguments. */
const MAX_FRAME_BYTES = 1024 * 1024;

function hostOf(address: string): string {
  return address.includes(':') ? `[${address}]` : address;
}

/** Host names a browser may put in the Host header for this server; other names are DNS rebinding. */
function allowedHosts(host: string, port: number): Set<string> {
  const names = new Set([`${hostOf(host)}:${port}`]);
  if (host === '127.0.0.1' || host === '::1') names.add(`localhost:${port}`);
  return names;
}

function reject(response: ServerResponse, status: number, message: string, headers: Record<string, string>): void {
  response.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
  response.end(`${message}\n`);
}

/**
 * Starts the HTTP server of `liner serve`: the built renderer behind a token,
 * and the `window.liner` WebSocket bridge at `BRIDGE_PATH`. The page URL
 * carries the token once; the server then sets it as an HttpOnly cookie for
 * the assets.
 */
export async function startServeServer(options: ServeServerOptions): Promise<ServeServer> {
  const { token, rendererDir, target, logger } = options;
  const server = http.createServer();
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });

  await new Promise<void>((resolve, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(options.port, options.host, () => {
      server.off('error', rejectListen);
      resolve();
    });
  });

  const port = (server.address() as AddressInfo).port;
  const origin = `http://${hostOf(options.host)}:${port}`;
  const hosts = allowedHosts(options.host, port);
  const origins = new Set([...hosts].map((name) => `http://${name}`));
  const headers = securityHeaders(origin);

  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    void handleRequest(request, response).catch((error: unknown) => {
      logger.error({ err: error, url: request.url }, 'serve request failed');
      if (!response.headersSent) reject(response, 500, 'Internal error; see the log.', headers);
      else response.destroy();
    });
  });

  async function handleRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!hosts.has(request.headers.host ?? '')) return reject(response, 403, 'Unknown Host header.', headers);
    if (request.method !== 'GET' && request.method !== 'HEAD') return reject(response, 405, 'Only GET and HEAD are allowed.', headers);

    const url = new URL(request.url ?? '/', origin);
    const check = checkRequestToken(request, url, token);
    if (check === 'missing') return reject(response, 401, 'Missing token: open the URL that liner serve printed.', headers);
    if (check === 'wrong') return reject(response, 403, 'Wrong token: open the URL that liner serve printed.', headers);

    const file = await readStaticFile(rendererDir, url.pathname);
    if (!file) return reject(response, 404, `Not found: ${url.pathname}`, headers);

    const extra: Record<string, string> = { 'Content-Type': file.contentType, 'Content-Length': String(file.body.length) };
    if (url.searchParams.has(TOKEN_PARAMETER)) extra['Set-Cookie'] = tokenCookie(token);
    response.writeHead(200, { ...headers, ...extra });
    response.end(request.method === 'HEAD' ? undefined : file.body);
  }

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const refuse = (status: number, reason: string) => {
      logger.warn({ status, reason, origin: request.headers.origin }, 'bridge connection rejected');
      socket.end(`HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };

    const url = new URL(request.url ?? '/', origin);
    if (url.pathname !== BRIDGE_PATH) return refuse(404, 'unknown path');
    if (!hosts.has(request.headers.host ?? '')) return refuse(403, 'unknown Host header');
    if (!origins.has(request.headers.origin ?? '')) return refuse(403, 'foreign Origin');

    const check = checkRequestToken(request, url, token);
    if (check !== 'valid') return refuse(check === 'missing' ? 401 : 403, `${check} token`);

    sockets.handleUpgrade(request, socket, head, (webSocket) => serveBridgeConnection(webSocket, target, logger));
  });

  return {
    url: `${origin}/?${TOKEN_PARAMETER}=${token}`,
    origin,
    async close() {
      for (const client of sockets.clients) client.close(1001, 'liner serve is stopping');
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
