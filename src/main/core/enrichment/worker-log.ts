import type { Logger } from '../logging.ts';

const LEVELS: Record<number, 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal'> = {
  10: 'trace',
  20: 'debug',
  30: 'info',
  40: 'warn',
  50: 'error',
  60: 'fatal',
};

/** Writes a pino record the worker forwarded through main's logger, at its own level. */
export function forwardWorkerLog(logger: Logger, record: Record<string, unknown>): void {
  const { level, msg, time: _time, pid: _pid, hostname: _hostname, ...fields } = record;
  const method = LEVELS[level as number] ?? 'info';
  logger[method](fields, typeof msg === 'string' ? msg : '');
}
