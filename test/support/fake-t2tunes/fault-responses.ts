/**
 * Writers for the broken responses of each fault mode. Each sets the logged
 * status it sends (`null` when no status line goes out).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultMode } from './faults.ts';

export const NOT_INITIALIZED_MESSAGE = 'Amazon Music API is not initialized';

const HTML_ERROR_PAGE = '<!DOCTYPE html><html><head><title>Bad Gateway</title></head><body><h1>Bad Gateway</h1><p>The upstream server did not respond.</p></body></html>';
const HTML_PORTAL_PAGE = '<!DOCTYPE html><html><head><title>Sign in to Wi-Fi</title></head><body><form><input name="room"></form></body></html>';
const MALFORMED_JSON = '{"results": [{"hits": [{"document": {"asin": "B0TRUNCATE1", "title": "Cut';
const RESET_BODY = JSON.stringify({ results: [{ hits: Array.from({ length: 50 }, (_, i) => ({ document: { asin: `B0RESET${String(i).padStart(3, '0')}`, title: 'Reset' } })) }] });

/** JSON of an unknown future generation, per endpoint, so each parser receives something it cannot read. */
const UNKNOWN_SHAPES: Record<string, unknown> = {
  status: { service: 't2tunes', healthy: true },
  search: { payload: { songs: [{ songId: 'B0UNKNOWN1', name: 'Odd' }] }, schema: 'v3' },
  metadata: { albumList: { albums: [{ albumId: 'B0UNKNOWN2' }] } },
  media: { entries: [{ songId: 'B0UNKNOWN1' }] },
};

export interface FaultContext {
  req: IncomingMessage;
  res: ServerResponse;
  endpoint: string;
  setStatus(status: number | null): void;
}

export function sendJson(context: FaultContext, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  context.setStatus(status);
  context.res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  context.res.end(text);
}

function sendText(context: FaultContext, status: number, contentType: string, text: string): void {
  context.setStatus(status);
  context.res.writeHead(status, { 'content-type': contentType });
  context.res.end(text);
}

function sendRateLimited(context: FaultContext, mode: Extract<FaultMode, { kind: 'rate_limited' }>): void {
  const headers: Record<string, string> = {};
  if (mode.retryAfterSeconds !== undefined) {
    headers['retry-after'] =
      mode.retryAfterForm === 'date'
        ? new Date(Date.now() + mode.retryAfterSeconds * 1000).toUTCString()
        : String(mode.retryAfterSeconds);
  }
  sendJson(context, 429, { error: true, statusCode: 429, message: 'Too Many Requests' }, headers);
}

/** Sends the headers and the first half of a body that promises more, then calls `after`. */
function writeHalfBody(context: FaultContext, after: () => void): void {
  context.setStatus(200);
  context.res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(RESET_BODY)) });
  context.res.write(RESET_BODY.slice(0, RESET_BODY.length / 2), after);
}

/**
 * Writes the broken response for `mode`. `hang`, `slow` and `refused` are the
 * server's to handle, because they involve timers and the listener.
 */
export function writeFaultResponse(context: FaultContext, mode: FaultMode): void {
  switch (mode.kind) {
    case 'not_initialized':
      sendJson(context, 503, {
        error: true,
        url: context.req.url ?? '/',
        statusCode: 503,
        statusMessage: NOT_INITIALIZED_MESSAGE,
        message: NOT_INITIALIZED_MESSAGE,
      });
      return;
    case 'html_error':
      sendText(context, mode.status ?? 502, 'text/html; charset=utf-8', HTML_ERROR_PAGE);
      return;
    case 'html_ok':
      sendText(context, 200, 'text/html; charset=utf-8', HTML_PORTAL_PAGE);
      return;
    case 'malformed_json':
      sendText(context, 200, 'application/json', MALFORMED_JSON);
      return;
    case 'unknown_shape':
      sendJson(context, 200, UNKNOWN_SHAPES[context.endpoint] ?? { unknown: true });
      return;
    case 'reset_mid_body':
      writeHalfBody(context, () => context.res.socket?.resetAndDestroy());
      return;
    case 'stall_mid_body':
      // The rest never comes; close() drops the connection.
      writeHalfBody(context, () => {});
      return;
    case 'rate_limited':
      sendRateLimited(context, mode);
      return;
    case 'failed_search':
      sendJson(context, 400, { error: true, url: context.req.url ?? '/', statusCode: 400, statusMessage: 'Bad Request', message: 'Failed to search' });
      return;
    case 'http':
      sendJson(context, mode.status, mode.body ?? { error: true, statusCode: mode.status, message: `HTTP ${mode.status}` });
      return;
    case 'hang':
    case 'slow':
    case 'refused':
      throw new Error(`fault ${mode.kind} must be handled by the server`);
  }
}
