import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';

import pino from 'pino';

/**
 * The logger interface every module receives: pino's, object first and
 * message second, so records stay structured (`{ source, itemId }`).
 */
export type Logger = pino.Logger;

export interface LoggingOptions {
  /** JSON-lines log file; created with its folder when missing. */
  file?: string | null;
  /** Minimum level written to the file. */
  level?: pino.Level;
  /** Minimum level echoed to stderr as one readable line; `null` for none. */
  stderrLevel?: pino.Level | null;
}

const LEVEL_NAMES: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };

/** Renders a pino JSON record as `WARN [scope] message key=value …` for a terminal. */
export function formatRecordLine(record: Record<string, unknown>): string {
  const { level, time: _time, pid: _pid, hostname: _hostname, msg, scope, ...fields } = record;
  const levelName = LEVEL_NAMES[level as number] ?? String(level);
  const details = Object.entries(fields)
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' ');
  const prefix = scope ? `${levelName} [${String(scope)}]` : levelName;
  return `${prefix} ${String(msg ?? '')}${details ? ` ${details}` : ''}\n`;
}

function stderrStream(): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line.trim() === '') continue;
        try {
          process.stderr.write(formatRecordLine(JSON.parse(line) as Record<string, unknown>));
        } catch {
          process.stderr.write(`${line}\n`);
        }
      }
      callback();
    },
  });
}

/**
 * Creates the root logger of a process. Modules take `logger.child({ scope })`
 * so every line names the part of Liner that wrote it.
 */
export function createLogger(options: LoggingOptions = {}): Logger {
  const level = options.level ?? (process.env.LINER_LOG_LEVEL as pino.Level | undefined) ?? 'info';
  const streams: pino.StreamEntry[] = [];

  if (options.file) {
    fs.mkdirSync(path.dirname(options.file), { recursive: true });
    streams.push({ level, stream: pino.destination({ dest: options.file, sync: true, mkdir: true }) });
  }
  if (options.stderrLevel !== null) {
    streams.push({ level: options.stderrLevel ?? 'warn', stream: stderrStream() });
  }

  const lowest = streams.map((entry) => pino.levels.values[entry.level as string] ?? 30);
  const rootLevel = pino.levels.labels[Math.min(...lowest, 60)] ?? level;
  return pino({ level: rootLevel, base: undefined }, pino.multistream(streams));
}

/** A logger that drops everything, for tests and library callers that pass none. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
