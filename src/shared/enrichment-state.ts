import type { EntityType, SourceId } from './entities.ts';
import type { SourceErrorKind } from './source-errors.ts';

/**
 * What a source's worker loop is doing:
 * - `disabled`: the user has not turned the source on.
 * - `running`: working through the queue.
 * - `paused`: paused by the user, or held while a scan runs.
 * - `idle`: nothing left in the queue; the loop sleeps until new items arrive.
 * - `outage`: the source is down; the circuit breaker is open and no item is touched.
 * - `rate_limited`: the source returned HTTP 429; the loop waits for `Retry-After`.
 * - `contract`: the source responds in a shape Liner cannot read, so it is treated like an outage.
 * - `crashed`: the worker process crashed repeatedly and was not restarted.
 */
export const SOURCE_STATES = ['disabled', 'running', 'paused', 'idle', 'outage', 'rate_limited', 'contract', 'crashed'] as const;
export type SourceStateName = (typeof SOURCE_STATES)[number];

/** An open circuit breaker. Times are ISO 8601 strings. */
export interface OutageInfo {
  kind: Extract<SourceErrorKind, 'outage' | 'contract'>;
  since: string;
  /** Failed attempts in a row, counting the request that opened the breaker and every failed probe. */
  streak: number;
  nextAttemptAt: string;
  /** The last failure in plain words, such as "HTTP 503: Amazon Music API is not initialized". */
  lastError: string;
  /** True once the outage has lasted longer than the configured long-outage time. */
  longOutage: boolean;
}

export interface RateLimitInfo {
  since: string;
  resumeAt: string;
}

export interface EntityProgress {
  total: number;
  matched: number;
  notFound: number;
  error: number;
  pending: number;
}

export interface MatchCounts {
  matched: number;
  notFound: number;
  error: number;
  pending: number;
}

export interface CurrentItem {
  entityType: EntityType;
  id: number;
  name: string;
}

export interface RequestStats {
  total: number;
  byEndpoint: Record<string, number>;
  /** Requests in each of the last 60 minutes, oldest first. */
  perMinute: number[];
}

/** The full state of one source, as `liner status --json` prints it and the UI shows it. */
export interface SourceStatus {
  source: SourceId;
  enabled: boolean;
  paused: boolean;
  /** Origin of the pause: the user, or a running scan. */
  pausedBy: 'user' | 'scan' | null;
  state: SourceStateName;
  outage: OutageInfo | null;
  rateLimit: RateLimitInfo | null;
  currentItem: CurrentItem | null;
  counts: MatchCounts;
  progress: { artists: EntityProgress; albums: EntityProgress; tracks: EntityProgress };
  requests: RequestStats;
  pinnedEntityType: EntityType | null;
  /** A plain-words problem the user should see, such as a crashed worker; null when none. */
  problem: string | null;
}

export interface EnrichmentStatus {
  sources: Record<SourceId, SourceStatus>;
}
