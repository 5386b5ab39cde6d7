import type { Migration } from '../migration.ts';
import { ENTITY_TABLES, type EntityTable } from './002-amazon-columns.ts';

const ENTITY_TYPE_OF_TABLE: Record<EntityTable, string> = { artists: 'artist', albums: 'album', tracks: 'track' };

/** The counter row a status lands in: NULL (never attempted) counts as `pending`. */
const STATUS_KEY = (row: 'NEW' | 'OLD') => `COALESCE(${row}.amazon_match_status, 'pending')`;

function bumpStatement(table: EntityTable, row: 'NEW' | 'OLD', delta: 1 | -1): string {
  const entityType = ENTITY_TYPE_OF_TABLE[table];
  return `INSERT INTO amazon_counts (library_id, entity_type, status, count)
            VALUES (${row}.library_id, '${entityType}', ${STATUS_KEY(row)}, ${delta})
            ON CONFLICT (library_id, entity_type, status) DO UPDATE SET count = count + (${delta});`;
}

function triggerStatements(table: EntityTable): string {
  return `
    CREATE TRIGGER IF NOT EXISTS trg_${table}_amazon_count_insert AFTER INSERT ON ${table}
    BEGIN ${bumpStatement(table, 'NEW', 1)} END;

    CREATE TRIGGER IF NOT EXISTS trg_${table}_amazon_count_delete AFTER DELETE ON ${table}
    BEGIN ${bumpStatement(table, 'OLD', -1)} END;

    CREATE TRIGGER IF NOT EXISTS trg_${table}_amazon_count_update
    AFTER UPDATE OF amazon_match_status, library_id ON ${table}
    WHEN OLD.amazon_match_status IS NOT NEW.amazon_match_status OR OLD.library_id IS NOT NEW.library_id
    BEGIN ${bumpStatement(table, 'OLD', -1)} ${bumpStatement(table, 'NEW', 1)} END;
  `;
}

/**
 * Match-status counters kept by triggers, so the status snapshot reads a few
 * rows instead of counting a million-row table on every poll. Seeded from the
 * rows already present.
 */
export const migration003: Migration = {
  version: 3,
  name: 'amazon-counts',
  up(db) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS amazon_counts (
        library_id INTEGER NOT NULL,
        entity_type TEXT NOT NULL,
        status TEXT NOT NULL,
        count INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (library_id, entity_type, status)
      ) WITHOUT ROWID;
    `);

    db.exec('DELETE FROM amazon_counts');
    for (const table of ENTITY_TABLES) {
      db.exec(`
        INSERT INTO amazon_counts (library_id, entity_type, status, count)
        SELECT library_id, '${ENTITY_TYPE_OF_TABLE[table]}', COALESCE(amazon_match_status, 'pending'), COUNT(*)
        FROM ${table} GROUP BY 1, 3;
      `);
      db.exec(triggerStatements(table));
    }
  },
};
