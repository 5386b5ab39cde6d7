import type { EntityType } from '../../../shared/entities.ts';
import type {
  CurrentItem,
  OutageInfo,
  RateLimitInfo,
  SourceStateName,
  SourceStatus,
} from '../../../shared/enrichment-state.ts';
import type { PersistedBreakerState, WorkerState } from '../../../shared/worker-protocol.ts';
import { totalCounts, type ProgressByType } from './counts.ts';
import type { PersistedSourceState } from './source-state-store.ts';

/** Everything the status of the Amazon source is built from. */
export interface StatusInputs {
  now: number;
  enabled: boolean;
  userPaused: boolean;
  scanHolds: number;
  crashedProblem: string | null;
  /** Process id of another Liner process enriching this database; null when none. */
  lockedBy?: number | null;
  pinnedEntityType: EntityType | null;
  longOutageMs: number;
  /** The live worker's last report; null when no worker runs in this process. */
  worker: WorkerState | null;
  persisted: PersistedSourceState;
  progress: ProgressByType;
  requests: SourceStatus['requests'];
}

/** Builds the outage view of a breaker state, live or persisted. */
export function outageFromBreaker(breaker: PersistedBreakerState, now: number, longOutageMs: number): OutageInfo {
  return {
    kind: breaker.kind,
    since: new Date(breaker.sinceMs).toISOString(),
    streak: breaker.streak,
    nextAttemptAt: new Date(breaker.nextAttemptAtMs).toISOString(),
    lastError: breaker.lastError,
    longOutage: now - breaker.sinceMs >= longOutageMs,
  };
}

function liveState(inputs: StatusInputs, outage: OutageInfo | null, rateLimit: RateLimitInfo | null): SourceStateName {
  const phase = inputs.worker?.phase;
  if (phase === 'outage' || phase === 'contract' || phase === 'rate_limited' || phase === 'idle') return phase;
  if (phase === 'running' || phase === 'starting') return 'running';

  // No live worker here (another process, or not started yet): fall back on
  // what was persisted, so an outage shows at once after a restart.
  if (outage) return outage.kind;
  if (rateLimit) return 'rate_limited';
  return totalCounts(inputs.progress).pending > 0 ? 'running' : 'idle';
}

function lockProblem(pid: number | null): string | null {
  if (pid === null) return null;
  return `Another Liner process (pid ${pid}) is enriching this database; this one waits until it stops.`;
}

export function buildSourceStatus(inputs: StatusInputs): SourceStatus {
  const breaker = inputs.worker ? inputs.worker.breaker : inputs.persisted.breaker;
  const outage = inputs.worker?.outage ?? (breaker ? outageFromBreaker(breaker, inputs.now, inputs.longOutageMs) : null);
  const persistedRateLimit =
    inputs.persisted.rateLimitedUntilMs && inputs.persisted.rateLimitedUntilMs > inputs.now
      ? { since: new Date(inputs.now).toISOString(), resumeAt: new Date(inputs.persisted.rateLimitedUntilMs).toISOString() }
      : null;
  const rateLimit = inputs.worker ? inputs.worker.rateLimit : persistedRateLimit;

  let pausedBy: SourceStatus['pausedBy'] = null;
  if (inputs.userPaused) pausedBy = 'user';
  else if (inputs.scanHolds > 0) pausedBy = 'scan';
  let state: SourceStateName;
  if (!inputs.enabled) state = 'disabled';
  else if (inputs.crashedProblem) state = 'crashed';
  else if (inputs.lockedBy) state = 'paused';
  else if (pausedBy) state = 'paused';
  else state = liveState(inputs, outage, rateLimit);

  const currentItem: CurrentItem | null = state === 'running' ? (inputs.worker?.currentItem ?? null) : null;

  return {
    source: 'amazon',
    enabled: inputs.enabled,
    paused: inputs.userPaused,
    pausedBy,
    state,
    outage,
    rateLimit,
    currentItem,
    counts: totalCounts(inputs.progress),
    progress: inputs.progress,
    requests: inputs.requests,
    pinnedEntityType: inputs.pinnedEntityType,
    problem: inputs.crashedProblem ?? lockProblem(inputs.lockedBy ?? null),
  };
}
