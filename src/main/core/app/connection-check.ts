import { request } from 'undici';

import type { ConnectionCheck } from '../../../shared/ipc-contract.ts';
import { describeNonJsonResponse } from '../../../shared/response-body.ts';

/** How long the Settings screen waits for `/api/status`, in ms. */
export const DEFAULT_CHECK_TIMEOUT_MS = 5_000;

/** Maximum response body the check reads, in bytes; a status response is a few hundred. */
const MAX_BODY_BYTES = 64 * 1024;

const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT']);

interface StatusResponse {
  statusCode: number;
  text: string;
  contentType?: string;
}

async function readStatus(url: string, timeoutMs: number): Promise<StatusResponse> {
  const response = await request(url, {
    method: 'GET',
    headers: { accept: 'application/json', 'user-agent': 'Liner connection check' },
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    signal: AbortSignal.timeout(timeoutMs),
  });

  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    const buffer = chunk as Buffer;
    chunks.push(buffer);
    size += buffer.length;
    if (size >= MAX_BODY_BYTES) {
      response.body.destroy();
      break;
    }
  }
  const contentType = response.headers['content-type'];
  return {
    statusCode: response.statusCode,
    text: Buffer.concat(chunks).subarray(0, MAX_BODY_BYTES).toString('utf8'),
    contentType: Array.isArray(contentType) ? contentType[0] : contentType,
  };
}

function errorMessageOf(body: unknown): string | null {
  if (typeof body !== 'object' || body === null) return null;
  const record = body as Record<string, unknown>;
  for (const key of ['error', 'message']) {
    if (typeof record[key] === 'string' && record[key] !== '') return record[key];
  }
  return null;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Returns the advice for a status response that is not JSON, by status code. */
function nonJsonAdvice(statusCode: number): string {
  if (statusCode >= 500) return 'T2Tunes or a proxy in front of it is failing; try again later.';
  if (statusCode >= 200 && statusCode < 300) {
    return 'Check that the base URL points at a T2Tunes instance, or sign in to the network if it shows a login page.';
  }
  return 'Check that the base URL points at a T2Tunes instance.';
}

/**
 * Turns a `/api/status` response into words for the user. A body that is not
 * JSON is described (an HTML page is never quoted). The message does not
 * repeat the version, which the result carries on its own.
 */
export function describeStatusResponse(answer: StatusResponse): ConnectionCheck {
  const body = parseJson(answer.text);

  if (body === undefined && answer.text.trim() !== '') {
    const detail = describeNonJsonResponse(answer.statusCode, answer.text, answer.contentType);
    return { ok: false, version: null, message: `The server returned ${detail}. ${nonJsonAdvice(answer.statusCode)}` };
  }
  if (answer.statusCode < 200 || answer.statusCode >= 300) {
    const detail = errorMessageOf(body);
    return { ok: false, version: null, message: `T2Tunes responded with HTTP ${answer.statusCode}${detail ? `: ${detail}` : ''}` };
  }
  if (body === undefined) {
    return {
      ok: false,
      version: null,
      message: `The server returned HTTP ${answer.statusCode} with an empty body instead of JSON. ${nonJsonAdvice(answer.statusCode)}`,
    };
  }

  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const version = typeof record.version === 'string' ? record.version : null;
  const state = record.amazonMusic;
  if (typeof state !== 'string') {
    return {
      ok: false,
      version,
      message: 'The server responded with JSON that has no "amazonMusic" field. Check that the base URL points at a T2Tunes instance.',
    };
  }

  if (state.toLowerCase() === 'up') return { ok: true, version, message: 'Connected: Amazon Music is up.' };
  return { ok: false, version, message: `T2Tunes responded, but Amazon Music is ${state}. Try again later.` };
}

/** Turns a failed request into words for the user. */
export function describeRequestFailure(error: unknown, url: URL, timeoutMs: number): ConnectionCheck {
  const record = (typeof error === 'object' && error !== null ? error : {}) as { code?: unknown; name?: unknown; cause?: unknown };
  const cause = (typeof record.cause === 'object' && record.cause !== null ? record.cause : {}) as { code?: unknown };
  // undici puts the socket error code on the error itself or on its cause.
  let code = '';
  if (typeof record.code === 'string') code = record.code;
  else if (typeof cause.code === 'string') code = cause.code;
  const where = url.host;

  if (code === 'ECONNREFUSED') {
    return { ok: false, version: null, message: `Connection refused by ${where}. Check that T2Tunes runs there and the port is right.` };
  }
  if (TIMEOUT_CODES.has(code) || record.name === 'TimeoutError' || record.name === 'AbortError') {
    return { ok: false, version: null, message: `No response from ${where} within ${timeoutMs / 1000} s (timed out).` };
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return { ok: false, version: null, message: `Host ${url.hostname} not found. Check the base URL and your network.` };
  }

  const detail = error instanceof Error ? error.message : String(error);
  return { ok: false, version: null, message: `Could not reach ${where}: ${code ? `${code}, ` : ''}${detail}` };
}

/**
 * Sends one `GET <baseUrl>/api/status` and reports in plain words whether
 * the instance is up. Network and response failures become `ok: false`
 * instead of exceptions. `baseUrl` must already be validated (http or https,
 * no trailing slash), because an invalid URL throws.
 */
export async function checkConnection(baseUrl: string, timeoutMs = DEFAULT_CHECK_TIMEOUT_MS): Promise<ConnectionCheck> {
  const url = new URL(`${baseUrl}/api/status`);
  try {
    return describeStatusResponse(await readStatus(url.toString(), timeoutMs));
  } catch (error) {
    return describeRequestFailure(error, url, timeoutMs);
  }
}
