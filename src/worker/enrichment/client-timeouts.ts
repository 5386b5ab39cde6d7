import type { T2TunesTimeouts } from '../sources/amazon/index.ts';

/** Environment variable that overrides every T2Tunes client timeout, in ms; tests shorten hangs with it. */
export const TIMEOUT_ENV = 'LINER_T2TUNES_TIMEOUT_MS';

/**
 * Reads the timeout override from the environment. Returns the timeouts to
 * pass to the client (empty keeps the client's defaults) and a problem to log
 * when the variable is set but is not a positive number.
 */
export function timeoutsFromEnv(env: NodeJS.ProcessEnv): { timeouts: Partial<T2TunesTimeouts>; problem: string | null } {
  const raw = env[TIMEOUT_ENV];
  if (raw === undefined || raw.trim() === '') return { timeouts: {}, problem: null };

  const ms = Number(raw);
  if (!Number.isFinite(ms) || ms <= 0) {
    return { timeouts: {}, problem: `${TIMEOUT_ENV}=${JSON.stringify(raw)} is not a positive number of milliseconds; using the default timeouts` };
  }
  return { timeouts: { connectMs: ms, headersMs: ms, bodyMs: ms }, problem: null };
}
