import type Database from 'better-sqlite3';

import type { SourceId } from '../../../shared/entities.ts';
import type { Logger } from '../logging.ts';
import { addMissingAmazonColumns, ENTITY_TABLES } from './migrations/002-amazon-columns.ts';

const verified = new WeakMap<Database.Database, Set<SourceId>>();

/**
 * Verifies that a source's columns and indexes exist on every entity table
 * and adds the missing ones. Runs once per connection and source; call it
 * before the first query that names `<source>_*` columns. A database that an
 * older version or another tool wrote can lack them even at a current
 * `user_version`, and a "no such column" must never reach the user.
 */
export function ensureSourceSchema(db: Database.Database, source: SourceId, logger?: Logger): void {
  const done = verified.get(db) ?? new Set<SourceId>();
  if (done.has(source)) return;

  const repair = db.transaction(() => {
    const added: Record<string, string[]> = {};
    for (const table of ENTITY_TABLES) {
      const columns = addMissingAmazonColumns(db, table);
      if (columns.length > 0) added[table] = columns;
    }
    return added;
  });
  const added = repair.immediate();

  if (Object.keys(added).length > 0) {
    logger?.warn({ source, added }, 'added missing source columns to the database');
  }

  done.add(source);
  verified.set(db, done);
}
