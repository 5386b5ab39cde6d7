import { ExponentialBackoff, noJitterGenerator, type IBackoff } from 'cockatiel';

import type { OutageInfo } from '../../shared/enrichment-state.ts';
import type { PersistedBreakerState } from '../../shared/worker-protocol.ts';
import type { Clock } from './clock.ts';

export interface BreakerOptions {
  initialDelayMs: number;
  maxDelayMs: number;
  longOutageMs: number;
  /** Extra wait as a fraction of each delay, drawn from [0, jitter); never shortens a wait. */
  jitter?: number;
  random?: () => number;
}

export type BreakerKind = OutageInfo['kind'];

interface Episode {
  kind: BreakerKind;
  /** Wall-clock start, stored and shown. */
  sinceMs: number;
  /** Monotonic start, for the outage duration; a restored episode counts its stored age once. */
  sinceMono: number;
  streak: number;
  backoff: IBackoff<unknown>;
  delayMs: number;
  /** Monotonic time of the next allowed probe. */
  nextAttemptMono: number;
  lastError: string;
}

/** Effect of a failure on the breaker. Only `opened` starts a new outage worth a warning. */
export type FailureEffect = 'opened' | 'extended';

/**
 * Time after closing during which a failure still counts as the same outage,
 * in ms: twice the last wait, but at most a minute. A flapping source so keeps
 * its back-off, while a failure minutes after a real recovery starts over at
 * the first step.
 */
export const MAX_FLAPPING_WINDOW_MS = 60_000;

function flappingWindowMs(lastDelayMs: number): number {
  return Math.min(2 * lastDelayMs, MAX_FLAPPING_WINDOW_MS);
}

/**
 * The outage circuit breaker of one source.
 *
 * Written by hand around cockatiel's `ExponentialBackoff` (which supplies the
 * 30 s → 60 s → … → 30 min schedule) because cockatiel's
 * `CircuitBreakerPolicy` cannot express three rules Liner needs: the half-open
 * test is a cheap `/api/status` probe rather than the guarded call, the state
 * must be persisted and restored across restarts with its remaining wait, and
 * waits must run on an injected monotonic clock so hours of outage can be
 * simulated.
 *
 * States: closed (no episode); open (waiting until `nextAttemptMono`);
 * half-open (the probe passed, the next item request decides). A failure in a
 * recently closed episode continues it instead of starting over, so a lucky
 * success in the middle of a flapping outage does not reset the back-off.
 */
export class OutageBreaker {
  private episode: Episode | null = null;
  private halfOpen = false;
  /** The episode closed last and when, kept for the flapping window. */
  private recent: { episode: Episode; closedMono: number } | null = null;
  private readonly clock: Clock;
  private options: Required<BreakerOptions>;

  constructor(clock: Clock, options: BreakerOptions) {
    this.clock = clock;
    this.options = { jitter: 0.1, random: Math.random, ...options };
  }

  configure(options: BreakerOptions): void {
    this.options = { ...this.options, ...options };
  }

  isOpen(): boolean {
    return this.episode !== null && !this.halfOpen;
  }

  isHalfOpen(): boolean {
    return this.episode !== null && this.halfOpen;
  }

  /** Monotonic ms until the next probe is due; 0 when due now or closed. */
  msUntilAttempt(): number {
    if (!this.episode) return 0;
    return Math.max(0, this.episode.nextAttemptMono - this.clock.monotonic());
  }

  /** Lets one item request through to decide, after the probe succeeded. */
  markHalfOpen(): void {
    if (this.episode) this.halfOpen = true;
  }

  /** Records a whole-source failure and schedules the next attempt. */
  recordFailure(kind: BreakerKind, message: string): FailureEffect {
    const now = this.clock.monotonic();

    if (this.episode) {
      this.extend(this.episode, kind, message, now);
      return 'extended';
    }

    const recent = this.recent;
    if (recent && now - recent.closedMono < flappingWindowMs(recent.episode.delayMs)) {
      this.episode = recent.episode;
      this.recent = null;
      this.extend(this.episode, kind, message, now);
      return 'extended';
    }

    const backoff = this.schedule().next();
    this.episode = {
      kind,
      sinceMs: this.clock.now(),
      sinceMono: now,
      streak: 1,
      backoff,
      delayMs: backoff.duration,
      nextAttemptMono: now + this.withJitter(backoff.duration),
      lastError: message,
    };
    this.halfOpen = false;
    return 'opened';
  }

  /** Records a response from the source. Returns the outage duration in ms when this closed the breaker. */
  recordSuccess(): number | null {
    const episode = this.episode;
    if (!episode) return null;

    this.episode = null;
    this.halfOpen = false;
    this.recent = { episode, closedMono: this.clock.monotonic() };
    return this.durationMs(episode);
  }

  /** Makes the next probe due at once (a new base URL, network back, resume from sleep). */
  expedite(): void {
    if (this.episode) this.episode.nextAttemptMono = this.clock.monotonic();
  }

  /**
   * Records a failed probe the user asked for ("Check now"). It updates the
   * last error only: an impatient user pressing the button must not make the
   * automatic wait longer.
   */
  recordFailedCheck(message: string): void {
    if (this.episode) this.episode.lastError = message;
  }

  persisted(): PersistedBreakerState | null {
    const episode = this.episode;
    if (!episode) return null;
    return {
      kind: episode.kind,
      sinceMs: episode.sinceMs,
      streak: episode.streak,
      delayMs: episode.delayMs,
      nextAttemptAtMs: this.clock.now() + this.msUntilAttempt(),
      lastError: episode.lastError,
    };
  }

  /**
   * Restores a persisted episode. The remaining wait is the stored next
   * attempt time minus now, clamped to [0, one back-off step plus its maximum
   * jitter]. A wall-clock jump while Liner was closed therefore cannot make
   * the wait longer than one step, and a stored time within that is kept.
   */
  restore(state: PersistedBreakerState | null): void {
    if (!state) return;
    let backoff = this.schedule().next();
    while (backoff.duration < state.delayMs && backoff.duration < this.options.maxDelayMs) backoff = backoff.next(undefined);

    const now = this.clock.now();
    const remaining = Math.min(Math.max(0, state.nextAttemptAtMs - now), this.longestWait(backoff.duration));
    const ageMs = Math.max(0, now - state.sinceMs);
    this.episode = {
      kind: state.kind,
      sinceMs: state.sinceMs,
      sinceMono: this.clock.monotonic() - ageMs,
      streak: state.streak,
      backoff,
      delayMs: backoff.duration,
      nextAttemptMono: this.clock.monotonic() + remaining,
      lastError: state.lastError,
    };
    this.halfOpen = false;
  }

  outage(): OutageInfo | null {
    const episode = this.episode;
    if (!episode) return null;
    return {
      kind: episode.kind,
      since: new Date(episode.sinceMs).toISOString(),
      streak: episode.streak,
      nextAttemptAt: new Date(this.clock.now() + this.msUntilAttempt()).toISOString(),
      lastError: episode.lastError,
      longOutage: this.durationMs(episode) >= this.options.longOutageMs,
    };
  }

  /** Returns how long the open episode has lasted, in ms of monotonic time, or 0 when closed. */
  outageDurationMs(): number {
    return this.episode ? this.durationMs(this.episode) : 0;
  }

  private durationMs(episode: Episode): number {
    return this.clock.monotonic() - episode.sinceMono;
  }

  private extend(episode: Episode, kind: BreakerKind, message: string, now: number): void {
    episode.backoff = episode.backoff.next(undefined);
    episode.delayMs = episode.backoff.duration;
    episode.streak++;
    episode.kind = kind;
    episode.lastError = message;
    episode.nextAttemptMono = now + this.withJitter(episode.delayMs);
    this.halfOpen = false;
  }

  private schedule(): ExponentialBackoff<number> {
    return new ExponentialBackoff({
      generator: noJitterGenerator,
      initialDelay: this.options.initialDelayMs,
      maxDelay: this.options.maxDelayMs,
    });
  }

  private withJitter(delayMs: number): number {
    return Math.min(delayMs + delayMs * this.options.jitter * this.options.random(), this.longestWait(delayMs));
  }

  /** Returns the maximum wait of one `delayMs` step once jitter is added. */
  private longestWait(delayMs: number): number {
    return Math.min(delayMs * (1 + this.options.jitter), Math.max(delayMs, this.options.maxDelayMs));
  }
}
