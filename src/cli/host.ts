import type Database from 'better-sqlite3';

import { openDatabase } from '../main/core/db/connection.ts';
import { createLogger, type Logger } from '../main/core/logging.ts';
import { resolveDatabasePath, resolveLogPath } from '../main/core/paths.ts';
import { SettingsStore } from '../main/core/settings-store.ts';

/** The main-process services a CLI command runs with, on one database. */
export interface Host {
  dbPath: string;
  db: Database.Database;
  settings: SettingsStore;
  logger: Logger;
  close(): void;
}

export interface HostOptions {
  /** The `--db` flag, if given. */
  db?: string;
  env?: NodeJS.ProcessEnv;
  /** Minimum level echoed to stderr; `null` keeps stderr free for progress and JSON. */
  stderrLevel?: 'info' | 'warn' | 'error' | null;
}

/** Opens the database (migrating it) and the logger for one command. */
export function openHost(options: HostOptions = {}): Host {
  const env = options.env ?? process.env;
  const dbPath = resolveDatabasePath(options.db, env);
  const logger = createLogger({ file: resolveLogPath(env), stderrLevel: options.stderrLevel === undefined ? 'warn' : options.stderrLevel });
  const db = openDatabase(dbPath, { logger: logger.child({ scope: 'db' }) });

  return {
    dbPath,
    db,
    settings: new SettingsStore(db),
    logger,
    close() {
      db.close();
      logger.flush();
    },
  };
}
