import type { Migration } from '../migration.ts';

/**
 * Runtime state of each catalog source that must survive a restart: the
 * circuit breaker, the outage streak and the next attempt time. `value` is
 * JSON owned by the enrichment controller.
 */
export const migration004: Migration = {
  version: 4,
  name: 'source-state',
  up(db) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS source_state (
        source TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      );
    `);
  },
};
