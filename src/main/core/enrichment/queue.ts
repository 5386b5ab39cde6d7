import type Database from 'better-sqlite3';

import { ENTITY_TYPES, type EntityType } from '../../../shared/entities.ts';
import type { ItemKey } from '../../../shared/worker-protocol.ts';
import { NOT_FOUND_RETRY_AFTER_MS, TABLE_OF } from './tables.ts';

/** The tier an item came from, for logs and tests. */
export type QueueTier = 'pinned' | 'unattempted' | 'not_found_retry' | 'error_retry';

export interface QueuedItem extends ItemKey {
  tier: QueueTier;
}

type Picker = (now: number, excludedId: number) => { id: number } | undefined;

/**
 * The tiered Amazon queue. Each tier is one `LIMIT 1` query on a partial
 * index, so picking stays constant-time on a million-row library:
 * 1. unattempted items of the pinned entity type, when the user pinned one;
 * 2. unattempted artists, then albums, then tracks;
 * 3. `not_found` artists, albums, tracks last attempted over 30 days ago, oldest first;
 * 4. `error` items whose retry time has come, earliest first.
 * Matched items are never picked, and a failed item whose retries are used up
 * has no retry time, so it waits for the user.
 */
export class EnrichmentQueue {
  private readonly unattempted: Record<EntityType, Picker>;
  private readonly notFound: Record<EntityType, Picker>;
  private readonly failed: Record<EntityType, Picker>;

  constructor(db: Database.Database) {
    const build = (sql: (table: string) => string, bind: (now: number) => number | null) => {
      const pickers = {} as Record<EntityType, Picker>;
      for (const type of ENTITY_TYPES) {
        const statement = db.prepare(sql(TABLE_OF[type]));
        pickers[type] = (now, excludedId) => {
          const value = bind(now);
          return (value === null ? statement.get(excludedId) : statement.get(value, excludedId)) as { id: number } | undefined;
        };
      }
      return pickers;
    };

    this.unattempted = build(
      (table) => `SELECT id FROM ${table} WHERE amazon_match_status IS NULL AND id <> ? ORDER BY id LIMIT 1`,
      () => null,
    );
    this.notFound = build(
      (table) =>
        `SELECT id FROM ${table} WHERE amazon_match_status = 'not_found' AND amazon_last_attempted < ? AND id <> ?
         ORDER BY amazon_last_attempted, id LIMIT 1`,
      (now) => now - NOT_FOUND_RETRY_AFTER_MS,
    );
    this.failed = build(
      (table) =>
        `SELECT id FROM ${table} WHERE amazon_match_status = 'error' AND amazon_next_retry_at <= ? AND id <> ?
         ORDER BY amazon_next_retry_at, id LIMIT 1`,
      (now) => now,
    );
  }

  /**
   * Returns the next item to enrich, or null when every tier is empty.
   * `exclude` is the item the worker is processing right now, so it is not handed out twice.
   */
  next(now: number, pinned: EntityType | null, exclude: ItemKey | null = null): QueuedItem | null {
    const excludedId = (type: EntityType) => (exclude && exclude.entityType === type ? exclude.id : -1);

    if (pinned) {
      const row = this.unattempted[pinned](now, excludedId(pinned));
      if (row) return { entityType: pinned, id: row.id, tier: 'pinned' };
    }

    const tiers: [QueueTier, Record<EntityType, Picker>][] = [
      ['unattempted', this.unattempted],
      ['not_found_retry', this.notFound],
      ['error_retry', this.failed],
    ];
    for (const [tier, pickers] of tiers) {
      for (const type of ENTITY_TYPES) {
        const row = pickers[type](now, excludedId(type));
        if (row) return { entityType: type, id: row.id, tier };
      }
    }
    return null;
  }
}
