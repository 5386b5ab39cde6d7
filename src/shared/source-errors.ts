/**
 * Kinds of failure a catalog source can return. The enrichment loop acts on the
 * kind alone:
 * - `outage`: the whole source is down (5xx, "not initialized", refused or
 *   reset connection, DNS failure, timeout, non-JSON where JSON was due).
 *   No item is touched; the circuit breaker opens.
 * - `rate_limited`: HTTP 429. No item is touched; the loop waits.
 * - `not_found`: the source has no such item (404, empty album list).
 * - `item_error`: this item failed (other 4xx, an item that cannot be parsed).
 * - `contract`: a 200 response whose shape cannot be read at all.
 */
export const SOURCE_ERROR_KINDS = ['outage', 'rate_limited', 'not_found', 'item_error', 'contract'] as const;
export type SourceErrorKind = (typeof SOURCE_ERROR_KINDS)[number];

export interface SourceErrorOptions {
  /** HTTP status, when the source sent a response. */
  status?: number;
  /** Seconds to wait before the next request, from `Retry-After` (429 only). */
  retryAfterSeconds?: number;
  /** Network error code such as `ECONNREFUSED` or `UND_ERR_HEADERS_TIMEOUT`. */
  code?: string;
  /** Endpoint path the request went to, for logs. */
  endpoint?: string;
  /** The underlying error, kept for logs. */
  cause?: unknown;
}

/** A classified failure of a catalog source request. */
export class SourceError extends Error {
  readonly kind: SourceErrorKind;
  readonly status: number | undefined;
  readonly retryAfterSeconds: number | undefined;
  readonly code: string | undefined;
  readonly endpoint: string | undefined;

  constructor(kind: SourceErrorKind, message: string, options: SourceErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = 'SourceError';
    this.kind = kind;
    this.status = options.status;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.code = options.code;
    this.endpoint = options.endpoint;
  }
}

export function isSourceError(value: unknown): value is SourceError {
  return value instanceof SourceError;
}
