/**
 * Mapping of every T2Tunes failure to a `SourceError` kind. Decisions rest on
 * HTTP status codes and undici/OS error codes. Body text is read only for the
 * two documented markers ("not initialized" and "Failed to search").
 */
import { describeNonJsonResponse } from '../../../shared/response-body.ts';
import { SourceError } from '../../../shared/source-errors.ts';
import { isRecord, sampleOf } from './json-read.ts';
import type { T2TunesEndpoint } from './endpoints.ts';

const NOT_INITIALIZED_MESSAGE = 'Amazon Music API is not initialized';
const FAILED_SEARCH_MARKER = 'Failed to search';
const RETRY_AFTER_SECONDS = /^\s*(\d+)\s*$/;

/** Parses `Retry-After` as delta seconds or as an HTTP date. Returns `undefined` when absent or invalid. */
export function parseRetryAfter(value: string | string[] | undefined, nowMs: number = Date.now()): number | undefined {
  const header = Array.isArray(value) ? value[0] : value;
  if (header === undefined) {
    return undefined;
  }

  const seconds = RETRY_AFTER_SECONDS.exec(header);
  if (seconds?.[1] !== undefined) {
    return Number(seconds[1]);
  }

  const dateMs = Date.parse(header);
  if (Number.isNaN(dateMs)) {
    return undefined;
  }
  return Math.max(0, Math.ceil((dateMs - nowMs) / 1000));
}

/** Reports whether a JSON body is the proxy's "backend not initialized" response. */
export function isNotInitializedBody(body: unknown): boolean {
  if (!isRecord(body)) {
    return false;
  }
  return body.message === NOT_INITIALIZED_MESSAGE || body.statusMessage === NOT_INITIALIZED_MESSAGE;
}

/** Reports whether a response is the transient Amazon-side search failure. */
export function isFailedSearchResponse(status: number, bodyText: string): boolean {
  return status === 400 && bodyText.includes(FAILED_SEARCH_MARKER);
}

function findErrorCode(error: unknown, depth = 0): string | undefined {
  if (!(error instanceof Error) || depth > 4) {
    return undefined;
  }

  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    return code;
  }

  // Node reports a refused dual-stack connect as an AggregateError of attempts.
  if (error instanceof AggregateError) {
    for (const inner of error.errors) {
      const innerCode = findErrorCode(inner, depth + 1);
      if (innerCode !== undefined) return innerCode;
    }
  }
  return findErrorCode(error.cause, depth + 1);
}

/**
 * Classifies an error thrown before or while reading a response (refused,
 * reset, DNS, timeouts, socket closed mid-body). With no complete HTTP response
 * no item can be at fault, so every such error is an outage. The error code
 * is kept for logs.
 */
export function classifyNetworkError(error: unknown, endpoint: T2TunesEndpoint): SourceError {
  if (error instanceof SourceError) {
    return error;
  }

  const code = findErrorCode(error);
  const detail = error instanceof Error ? error.message : String(error);
  return new SourceError('outage', `T2Tunes ${endpoint} request failed: ${code ?? 'no error code'} (${detail})`, {
    code,
    endpoint,
    cause: error,
  });
}

/** Reads the body's JSON `message`, or '' when there is none. `parsed` is false when the body is not JSON. */
function readErrorBody(bodyText: string): { parsed: boolean; message: string } {
  try {
    const body: unknown = JSON.parse(bodyText);
    return { parsed: true, message: isRecord(body) && typeof body.message === 'string' ? body.message : '' };
  } catch {
    return { parsed: false, message: '' };
  }
}

/**
 * Classifies a non-2xx HTTP response. The message carries the body's JSON
 * `message` when there is one. A body that is not JSON is described, never
 * quoted, when it is markup (a proxy's error page), because these messages
 * reach the user as an item's or an outage's last error.
 */
export function classifyHttpStatus(
  status: number,
  bodyText: string,
  retryAfter: string | string[] | undefined,
  endpoint: T2TunesEndpoint,
  contentType?: string,
): SourceError {
  const base = `T2Tunes ${endpoint} returned HTTP ${status}`;
  const body = readErrorBody(bodyText);
  let withMessage = body.message === '' ? base : `${base}: ${body.message}`;
  if (!body.parsed && bodyText.trim() !== '') {
    withMessage = `T2Tunes ${endpoint} returned ${describeNonJsonResponse(status, bodyText, contentType)}`;
  }

  if (status === 429) {
    const retryAfterSeconds = parseRetryAfter(retryAfter);
    return new SourceError('rate_limited', withMessage, { status, endpoint, retryAfterSeconds });
  }
  if (status === 404) {
    return new SourceError('not_found', withMessage, { status, endpoint });
  }
  if (status >= 500) {
    return new SourceError('outage', withMessage, { status, endpoint });
  }
  if (status >= 400) {
    const detail = body.parsed && body.message === '' ? `${base}: ${sampleOf(bodyText, 200)}` : withMessage;
    return new SourceError('item_error', detail, { status, endpoint });
  }

  // Redirects and other non-2xx responses mean the base URL points at the
  // wrong place, which affects every request alike.
  return new SourceError('outage', `${base}. Check the T2Tunes base URL.`, { status, endpoint });
}
