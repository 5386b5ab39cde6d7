/** A logger for tests that keeps every record, in the client's logger interface. */
import type { SourceLogger } from '../../../src/worker/sources/amazon/logger.ts';

export interface LogRecord {
  level: 'warn' | 'info' | 'debug';
  obj: Record<string, unknown>;
  msg: string;
}

export class RecordingLogger implements SourceLogger {
  readonly records: LogRecord[] = [];

  warn(obj: object, msg: string): void {
    this.records.push({ level: 'warn', obj: obj as Record<string, unknown>, msg });
  }

  info(obj: object, msg: string): void {
    this.records.push({ level: 'info', obj: obj as Record<string, unknown>, msg });
  }

  debug(obj: object, msg: string): void {
    this.records.push({ level: 'debug', obj: obj as Record<string, unknown>, msg });
  }

  warnings(): LogRecord[] {
    return this.records.filter((record) => record.level === 'warn');
  }
}
