import type { RateLimitInfo } from '../../shared/enrichment-state.ts';
import type { WorkerLogger } from '../logging.ts';
import type { Clock } from './clock.ts';

/** Bounds on a `Retry-After` wait, in ms: long enough to matter, short enough to survive a bad header. */
export const MIN_RATE_LIMIT_WAIT_MS = 1_000;
export const MAX_RATE_LIMIT_WAIT_MS = 60 * 60_000;

/**
 * Waits out HTTP 429 responses. Uses the server's `Retry-After` when it sends
 * one (clamped), else a doubling back-off from the outage schedule's first
 * delay. Logs one line per episode, and a normal response from the source ends it.
 */
export class RateLimitGate {
  private readonly clock: Clock;
  private readonly logger: WorkerLogger;
  private initialDelayMs = 30_000;
  private maxDelayMs = 1_800_000;
  private episode: { sinceMs: number; untilMono: number; fallbackDelayMs: number } | null = null;

  constructor(clock: Clock, logger: WorkerLogger) {
    this.clock = clock;
    this.logger = logger;
  }

  configure(schedule: { initialDelayMs: number; maxDelayMs: number }): void {
    this.initialDelayMs = schedule.initialDelayMs;
    this.maxDelayMs = schedule.maxDelayMs;
  }

  begin(retryAfterSeconds: number | undefined): void {
    const fallback = this.episode ? Math.min(this.episode.fallbackDelayMs * 2, this.maxDelayMs) : this.initialDelayMs;
    const requested = retryAfterSeconds !== undefined ? retryAfterSeconds * 1000 : fallback;
    const waitMs = Math.min(Math.max(requested, MIN_RATE_LIMIT_WAIT_MS), MAX_RATE_LIMIT_WAIT_MS);
    const untilMono = this.clock.monotonic() + waitMs;

    if (!this.episode) {
      this.logger.warn(
        { source: 'amazon', retryAfterSeconds: retryAfterSeconds ?? null, waitSeconds: Math.round(waitMs / 1000) },
        'source rate limit reached; waiting before the next request',
      );
      this.episode = { sinceMs: this.clock.now(), untilMono, fallbackDelayMs: fallback };
      return;
    }
    this.episode.untilMono = untilMono;
    this.episode.fallbackDelayMs = fallback;
  }

  /**
   * Restores a rate limit stored before a restart (`untilMs`, epoch ms). The
   * remaining wait is clamped to [0, 60 min] so a wall-clock jump cannot
   * stretch it; none is restored once it has passed.
   */
  restore(untilMs: number | null): void {
    if (untilMs === null) return;
    const remaining = Math.min(untilMs - this.clock.now(), MAX_RATE_LIMIT_WAIT_MS);
    if (remaining <= 0) return;

    this.episode = { sinceMs: this.clock.now(), untilMono: this.clock.monotonic() + remaining, fallbackDelayMs: this.initialDelayMs };
  }

  /** Ends the episode after a normal response from the source. */
  end(): void {
    this.episode = null;
  }

  /** Lets the next request through at once. The episode stays open until a normal response. */
  clear(): void {
    if (this.episode) this.episode.untilMono = this.clock.monotonic();
  }

  isLimited(): boolean {
    return this.msRemaining() > 0;
  }

  msRemaining(): number {
    return this.episode ? Math.max(0, this.episode.untilMono - this.clock.monotonic()) : 0;
  }

  info(): RateLimitInfo | null {
    if (!this.episode || !this.isLimited()) return null;
    return {
      since: new Date(this.episode.sinceMs).toISOString(),
      resumeAt: new Date(this.clock.now() + this.msRemaining()).toISOString(),
    };
  }
}
