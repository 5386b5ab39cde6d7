/**
 * Fault modes of the fake server and the rule that decides, request by
 * request, whether a fault applies. Faults are plain JSON so tests can set
 * them in-process or over the control endpoint of a running CLI server.
 */

export const FAKE_ENDPOINTS = ['status', 'search', 'metadata', 'media'] as const;
export type FakeEndpoint = (typeof FAKE_ENDPOINTS)[number];

export type FaultMode =
  /** 503 with the proxy's "Amazon Music API is not initialized" JSON. */
  | { kind: 'not_initialized' }
  /** 500, 502 or 504 with an HTML page (default 502). */
  | { kind: 'html_error'; status?: 500 | 502 | 504 }
  /** 200 with an HTML page, as from a captive portal. */
  | { kind: 'html_ok' }
  /** 200 with truncated JSON. */
  | { kind: 'malformed_json' }
  /** 200 with JSON in a shape that neither client generation can read. */
  | { kind: 'unknown_shape' }
  /** Accept the request and never respond. */
  | { kind: 'hang' }
  /** Send headers and half the body, then reset the connection. */
  | { kind: 'reset_mid_body' }
  /** Send headers and half the body, then nothing more (a body timeout for the client). */
  | { kind: 'stall_mid_body' }
  /** 429 with `Retry-After` as delta seconds or as an HTTP date that many seconds ahead. */
  | { kind: 'rate_limited'; retryAfterSeconds?: number; retryAfterForm?: 'seconds' | 'date' }
  /** 400 with "Failed to search" (search requests only). */
  | { kind: 'failed_search' }
  /** Respond normally after a delay. */
  | { kind: 'slow'; delayMs: number }
  /** Any status with a JSON body, for 404, 403 and the like. */
  | { kind: 'http'; status: number; body?: unknown }
  /** Stop listening (connections are refused) until the fault is cleared or `durationMs` passes. */
  | { kind: 'refused'; durationMs?: number };

export type FaultKind = FaultMode['kind'];

export interface FaultSpec {
  mode: FaultMode;
  /** Endpoint the fault applies to; default all. */
  endpoint?: FakeEndpoint | 'all';
  /** Apply to the next N matching requests, then remove the fault. */
  times?: number;
  /** Apply only to every k-th matching request (k, 2k, …). */
  failEvery?: number;
  /** Let every k-th matching request succeed ("one in seven succeeds" is 7). */
  succeedEvery?: number;
}

const KINDS: ReadonlySet<string> = new Set([
  'not_initialized', 'html_error', 'html_ok', 'malformed_json', 'unknown_shape', 'hang',
  'reset_mid_body', 'stall_mid_body', 'rate_limited', 'failed_search', 'slow', 'http', 'refused',
]);

function checkCount(spec: FaultSpec, key: 'times' | 'failEvery' | 'succeedEvery'): void {
  const value = spec[key];
  if (value !== undefined && (!Number.isInteger(value) || value < 1)) {
    throw new Error(`Invalid fault: "${key}" must be an integer >= 1, got ${JSON.stringify(value)}`);
  }
}

/** Validates a fault that arrived as JSON; returns it typed or throws with the reason. */
export function validateFaultSpec(raw: unknown): FaultSpec {
  const spec = raw as FaultSpec;
  const kind = (spec as { mode?: { kind?: unknown } } | null)?.mode?.kind;
  if (typeof kind !== 'string' || !KINDS.has(kind)) {
    throw new Error(`Invalid fault: mode.kind must be one of ${[...KINDS].join(', ')}, got ${JSON.stringify(kind)}`);
  }
  if (spec.endpoint !== undefined && spec.endpoint !== 'all' && !FAKE_ENDPOINTS.includes(spec.endpoint)) {
    throw new Error(`Invalid fault: endpoint must be one of all, ${FAKE_ENDPOINTS.join(', ')}, got ${JSON.stringify(spec.endpoint)}`);
  }
  checkCount(spec, 'times');
  checkCount(spec, 'failEvery');
  checkCount(spec, 'succeedEvery');
  if (spec.mode.kind === 'slow' && !(spec.mode.delayMs >= 0)) {
    throw new Error('Invalid fault: slow needs "delayMs" >= 0');
  }
  if (spec.mode.kind === 'http' && !(Number.isInteger(spec.mode.status) && spec.mode.status >= 100 && spec.mode.status <= 599)) {
    throw new Error('Invalid fault: http needs an integer "status" from 100 to 599');
  }
  return spec;
}

interface ActiveFault {
  spec: FaultSpec;
  /** Matching requests seen since the fault was set. */
  seen: number;
  /** Requests the fault was applied to. */
  applied: number;
}

function matches(fault: ActiveFault, endpoint: FakeEndpoint): boolean {
  if (fault.spec.mode.kind === 'failed_search' && endpoint !== 'search') {
    return false;
  }
  const target = fault.spec.endpoint ?? 'all';
  return target === 'all' || target === endpoint;
}

function appliesTo(fault: ActiveFault): boolean {
  const { failEvery, succeedEvery } = fault.spec;
  if (failEvery !== undefined) return fault.seen % failEvery === 0;
  if (succeedEvery !== undefined) return fault.seen % succeedEvery !== 0;
  return true;
}

/** The active request faults, in the order they were set. Refusal is handled by the server. */
export class FaultTable {
  private faults: ActiveFault[] = [];

  add(spec: FaultSpec): void {
    this.faults.push({ spec, seen: 0, applied: 0 });
  }

  clear(): void {
    this.faults = [];
  }

  /** Picks the fault for one request and advances the counters; `null` means respond normally. */
  next(endpoint: FakeEndpoint): FaultMode | null {
    for (const fault of this.faults) {
      if (!matches(fault, endpoint)) continue;

      fault.seen += 1;
      if (!appliesTo(fault)) continue;

      fault.applied += 1;
      if (fault.spec.times !== undefined && fault.applied >= fault.spec.times) {
        this.faults = this.faults.filter((other) => other !== fault);
      }
      return fault.spec.mode;
    }
    return null;
  }
}
