import type Database from 'better-sqlite3';

import type { ItemKey } from '../../../shared/worker-protocol.ts';
import { TABLE_OF } from './tables.ts';

/** The user's actions on one item from the library view. */
export class ItemActions {
  private readonly db: Database.Database;

  constructor(db: Database.Database) {
    this.db = db;
  }

  /** Queues the item again at once: back to never-attempted, failure history cleared. */
  retry(key: ItemKey): void {
    this.run(key, `amazon_match_status = NULL, amazon_attempts = 0, amazon_last_error = NULL, amazon_next_retry_at = NULL`);
  }

  /**
   * Forgets the match, manual or not, and leaves the item out of the queue
   * until the user retries it: `not_found` with a fresh attempt time keeps it
   * out for the usual 30 days instead of matching it straight back.
   */
  clear(key: ItemKey): void {
    this.run(
      key,
      `amazon_id = NULL, amazon_manual = 0, amazon_match_status = 'not_found', amazon_last_attempted = @now,
       amazon_attempts = 0, amazon_last_error = 'match cleared by the user', amazon_next_retry_at = NULL`,
    );
  }

  /** Stores an id the user chose; the worker refreshes it once and never replaces it. */
  setManual(key: ItemKey, sourceId: string): void {
    this.run(
      key,
      `amazon_id = @sourceId, amazon_manual = 1, amazon_match_status = NULL, amazon_attempts = 0,
       amazon_last_error = NULL, amazon_next_retry_at = NULL`,
      { sourceId },
    );
  }

  private run(key: ItemKey, assignments: string, parameters: Record<string, unknown> = {}): void {
    const sql = `UPDATE ${TABLE_OF[key.entityType]} SET ${assignments} WHERE id = @id`;
    const usesNow = assignments.includes('@now');
    const result = this.db.prepare(sql).run({ id: key.id, ...(usesNow ? { now: Date.now() } : {}), ...parameters });
    if (result.changes === 0) throw new Error(`${key.entityType} ${key.id} not found`);
  }
}
