import type { Logger } from '../logging.ts';

/** Waits between attempts when another process holds the write lock past the busy timeout, in ms. */
const BUSY_RETRY_DELAYS_MS = [500, 1_000, 2_000, 4_000, 8_000];

/** Reports whether an error is SQLite's "database is locked" by another connection. */
export function isBusyError(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED' || code === 'SQLITE_BUSY_SNAPSHOT';
}

/**
 * Runs a write, retrying while the database is locked by another process.
 * The connection's busy timeout already waits; this covers locks held longer
 * than that, so a result is never dropped. Other errors are thrown.
 */
export async function writeWithBusyRetry<T>(write: () => T, logger: Logger, context: object): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return write();
    } catch (error) {
      const delay = BUSY_RETRY_DELAYS_MS[Math.min(attempt, BUSY_RETRY_DELAYS_MS.length - 1)] ?? 1_000;
      if (!isBusyError(error)) throw error;
      if (attempt === 0) logger.warn({ ...context, err: error }, 'database is locked by another process; retrying the write');
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
