import type Database from 'better-sqlite3';

import type { SourceId } from '../../../shared/entities.ts';
import type { PersistedBreakerState } from '../../../shared/worker-protocol.ts';

/** What survives a restart of a source's loop. */
export interface PersistedSourceState {
  breaker: PersistedBreakerState | null;
  /** When a rate limit ends, epoch ms; null when none. */
  rateLimitedUntilMs: number | null;
}

const EMPTY: PersistedSourceState = { breaker: null, rateLimitedUntilMs: null };

/** Reads and writes the `source_state` row of each source. */
export class SourceStateStore {
  private readonly select: Database.Statement<[string], { value: string }>;
  private readonly upsert: Database.Statement<[string, string, number]>;

  constructor(db: Database.Database) {
    this.select = db.prepare('SELECT value FROM source_state WHERE source = ?');
    this.upsert = db.prepare(
      `INSERT INTO source_state (source, value, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (source) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    );
  }

  load(source: SourceId): PersistedSourceState {
    const row = this.select.get(source);
    if (!row) return EMPTY;
    try {
      const parsed = JSON.parse(row.value) as Partial<PersistedSourceState>;
      return { breaker: parsed.breaker ?? null, rateLimitedUntilMs: parsed.rateLimitedUntilMs ?? null };
    } catch {
      return EMPTY;
    }
  }

  save(source: SourceId, state: PersistedSourceState, now: number): void {
    this.upsert.run(source, JSON.stringify(state), now);
  }

  /** Forgets the stored breaker and rate limit, so the next run starts at once; returns what was stored. */
  clear(source: SourceId, now: number): PersistedSourceState {
    const previous = this.load(source);
    if (previous.breaker || previous.rateLimitedUntilMs !== null) this.save(source, EMPTY, now);
    return previous;
  }
}
