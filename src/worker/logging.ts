import { Writable } from 'node:stream';

import pino from 'pino';

/** The worker's logger: pino, object first and message second. */
export type WorkerLogger = pino.Logger;

/**
 * Creates a logger whose records go to main as messages, so the worker never
 * writes log files of its own and main's logger decides where lines end up.
 */
export function createForwardingLogger(forward: (record: Record<string, unknown>) => void, level: pino.Level = 'debug'): WorkerLogger {
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line.trim() === '') continue;
        try {
          forward(JSON.parse(line) as Record<string, unknown>);
        } catch {
          forward({ level: 30, msg: line });
        }
      }
      callback();
    },
  });
  return pino({ level, base: undefined, timestamp: false }, stream);
}
