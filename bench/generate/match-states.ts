import { Prng } from './prng.ts';

/**
 * How far enrichment has got in a generated library:
 * - `none`: nothing attempted;
 * - `half`: the first half of the items in queue order (artists, then
 *   albums, then tracks) attempted;
 * - `retries`: every item attempted, and the only work left is 1 % of the
 *   items whose retry has come: half of them `not_found` over 30 days ago,
 *   half `error` with a retry time in the past.
 */
export type LibraryState = 'none' | 'half' | 'retries';

export const LIBRARY_STATES: readonly LibraryState[] = ['none', 'half', 'retries'];

export const STATE_LABELS: Record<LibraryState, string> = {
  none: 'nothing attempted',
  half: 'half attempted',
  retries: '99 % attempted, only retries left',
};

/**
 * The wall-clock time the generated match history is relative to, in epoch
 * ms. Benchmarks that query the queue pass the same instant, so a cached
 * database gives the same queue results on any day it is used.
 */
export const GENERATED_NOW = Date.UTC(2026, 2, 1);

/** Share of the items left as due retries in the `retries` state. */
export const DUE_RETRY_SHARE = 0.01;

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/** The `amazon_*` columns of one row. */
export interface MatchColumns {
  amazonId: string | null;
  status: 'matched' | 'not_found' | 'error' | null;
  lastAttempted: number | null;
  attempts: number;
  lastError: string | null;
  nextRetryAt: number | null;
}

const UNATTEMPTED: MatchColumns = { amazonId: null, status: null, lastAttempted: null, attempts: 0, lastError: null, nextRetryAt: null };

/**
 * Assigns match columns to items by their position in queue order. Draws
 * from its own random stream, so every state of one seed shares the same
 * names and layout.
 */
export class MatchStateAssigner {
  private readonly rng: Prng;

  constructor(
    seed: number,
    private readonly state: LibraryState,
    private readonly totalItems: number,
  ) {
    this.rng = new Prng(seed, `status-${state}`);
  }

  /** Columns for the item at `position` (0-based over artists, then albums, then tracks). */
  columns(position: number): MatchColumns {
    if (this.state === 'none') return UNATTEMPTED;
    if (this.state === 'half' && position >= this.totalItems / 2) return UNATTEMPTED;

    if (this.state === 'retries' && this.rng.chance(DUE_RETRY_SHARE)) return this.dueRetry();
    return this.settled(position);
  }

  /** Draws a result whose retry has not come yet: matched, recently not found, or failed with a later retry time. */
  private settled(position: number): MatchColumns {
    const roll = this.rng.next();
    const lastAttempted = GENERATED_NOW - this.rng.int(0, 29 * DAY);

    if (roll < 0.72) {
      return { amazonId: asinFor(position), status: 'matched', lastAttempted, attempts: 0, lastError: null, nextRetryAt: null };
    }
    if (roll < 0.92) {
      return { ...UNATTEMPTED, status: 'not_found', lastAttempted, lastError: 'no catalog candidate passed the similarity gate' };
    }

    // Failed items either wait for a later retry or, with their attempts used up, for the user.
    const attempts = this.rng.int(1, 5);
    const nextRetryAt = attempts < 5 ? GENERATED_NOW + this.rng.int(HOUR, 48 * HOUR) : null;
    return { ...UNATTEMPTED, status: 'error', lastAttempted, attempts, lastError: 'HTTP 404: album not found', nextRetryAt };
  }

  private dueRetry(): MatchColumns {
    if (this.rng.chance(0.5)) {
      const lastAttempted = GENERATED_NOW - this.rng.int(31 * DAY, 180 * DAY);
      return { ...UNATTEMPTED, status: 'not_found', lastAttempted, lastError: 'no catalog candidate passed the similarity gate' };
    }
    const lastAttempted = GENERATED_NOW - this.rng.int(2 * HOUR, 3 * DAY);
    const nextRetryAt = GENERATED_NOW - this.rng.int(0, HOUR);
    return { ...UNATTEMPTED, status: 'error', lastAttempted, attempts: this.rng.int(1, 4), lastError: 'HTTP 400: Failed to search', nextRetryAt };
  }
}

/** Makes up an ASIN, unique per position: "B0" and eight base-36 digits. */
function asinFor(position: number): string {
  return `B0${position.toString(36).toUpperCase().padStart(8, '0')}`;
}
