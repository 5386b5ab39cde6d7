import type Database from 'better-sqlite3';

import type { Logger } from '../logging.ts';

/** Waits between attempts when another process holds the write lock past the busy timeout, in ms. */
const BUSY_RETRY_DELAYS_MS = [500, 1_000, 2_000, 4_000, 8_000];

/** Reports whether an error is SQLite's "database is locked" by another connection. */
export function isBusyError(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED' || code === 'SQLITE_BUSY_SNAPSHOT';
}

/**
 * How long one enrichment write blocks on a lock before it yields, in ms.
 * better-sqlite3 waits synchronously, so the connection's full busy timeout
 * would freeze the main process (and the desktop UI) for seconds; the retry
 * loop below waits without blocking instead.
 */
const WRITE_BUSY_TIMEOUT_MS = 200;

/** Runs a statement with a short busy timeout on the connection, then restores the previous one. */
function withShortBusyTimeout<T>(db: Database.Database, write: () => T): T {
  const previous = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma(`busy_timeout = ${Math.min(previous, WRITE_BUSY_TIMEOUT_MS)}`);
  try {
    return write();
  } finally {
    db.pragma(`busy_timeout = ${previous}`);
  }
}

/**
 * Runs a write, retrying while the database is locked by another process, so
 * a result is never dropped. Each attempt blocks at most a short busy timeout
 * and the waits between attempts are asynchronous. Other errors are thrown.
 */
export async function writeWithBusyRetry<T>(db: Database.Database, write: () => T, logger: Logger, context: object): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return withShortBusyTimeout(db, write);
    } catch (error) {
      const delay = BUSY_RETRY_DELAYS_MS[Math.min(attempt, BUSY_RETRY_DELAYS_MS.length - 1)] ?? 1_000;
      if (!isBusyError(error)) throw error;
      if (attempt === 0) logger.warn({ ...context, err: error }, 'database is locked by another process; retrying the write');
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
