import fs from 'node:fs';

/** One pino JSON line of Liner's log file. */
export interface LogRecord {
  level: number;
  time: number;
  msg: string;
  scope?: string;
  [field: string]: unknown;
}

export const WARN = 40;
export const INFO = 30;

/** Reads every record of a JSON-lines log file; a missing file has none. */
export function readLog(file: string): LogRecord[] {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as LogRecord);
}

/** Records the worker forwarded to main's log. */
export function workerRecords(records: LogRecord[]): LogRecord[] {
  return records.filter((record) => record.scope === 'worker' || record.scope === 't2tunes');
}

/** Records at exactly `level` (pino numbers: 30 info, 40 warn). */
export function atLevel(records: LogRecord[], level: number): LogRecord[] {
  return records.filter((record) => record.level === level);
}
