import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

import { TOKEN_COOKIE, TOKEN_PARAMETER } from '../../../shared/ws-bridge-protocol.ts';

/** Creates a token of 32 random bytes, base64url-encoded. */
export function createServeToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The outcome of checking a request's token. */
export type TokenCheck = 'valid' | 'missing' | 'wrong';

function readCookie(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return null;
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Checks the `token` query parameter, else the token cookie, against the serve token. */
export function checkRequestToken(request: IncomingMessage, url: URL, token: string): TokenCheck {
  const given = url.searchParams.get(TOKEN_PARAMETER) ?? readCookie(request.headers.cookie, TOKEN_COOKIE);
  if (given === null || given === '') return 'missing';
  return sameToken(given, token) ? 'valid' : 'wrong';
}

/** Returns the cookie that lets the page's assets load without the token in their URLs. */
export function tokenCookie(token: string): string {
  return `${TOKEN_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict`;
}
