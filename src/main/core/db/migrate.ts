import type Database from 'better-sqlite3';

import type { Logger } from '../logging.ts';
import type { Migration } from './migration.ts';
import { MIGRATIONS } from './migrations/index.ts';

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Runs every migration newer than the database's `user_version`, each in its
 * own transaction together with its version bump, so a crash leaves the file
 * at the last completed step. Returns the versions it applied.
 */
export function runMigrations(
  db: Database.Database,
  logger?: Logger,
  migrations: readonly Migration[] = MIGRATIONS,
): number[] {
  const applied: number[] = [];

  for (const migration of migrations) {
    if (migration.version <= schemaVersion(db)) continue;

    const step = db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    });
    step.immediate();

    applied.push(migration.version);
    logger?.info({ version: migration.version, migration: migration.name }, 'applied database migration');
  }

  return applied;
}
