/**
 * The real `EnrichmentLoop` and T2Tunes client on a `FakeClock`, against the
 * fake T2Tunes on 127.0.0.1, with items from the real queue on a real SQLite
 * file. Records every request with its fake monotonic time and every log
 * record the loop writes.
 */
import path from 'node:path';

import type Database from 'better-sqlite3';

import { openDatabase } from '../../../src/main/core/db/connection.ts';
import type { AmazonSourceSettings } from '../../../src/shared/settings.ts';
import { FakeClock } from '../../../src/worker/enrichment/clock.ts';
import { EnrichmentLoop } from '../../../src/worker/enrichment/loop.ts';
import { createForwardingLogger } from '../../../src/worker/logging.ts';
import { T2TunesClient } from '../../../src/worker/sources/amazon/index.ts';
import { CORPUS_CATALOG_PATH } from '../fake-t2tunes/corpus.ts';
import { startFakeT2Tunes, type FakeT2Tunes } from '../fake-t2tunes/server.ts';
import { insertLibrary } from '../library-rows.ts';
import { makeTempDir, removeTempDir } from '../temp.ts';
import type { LogRecord } from './log-records.ts';
import { SqliteWorkLink } from './sqlite-work-link.ts';

const HOUR = 3_600_000;
export const DEFAULT_OUTAGE = { initialDelayMs: 30_000, maxDelayMs: 30 * 60_000, longOutageMs: 24 * HOUR };

export interface SentRequest {
  endpoint: string;
  atMono: number;
}

export interface SimulatedLoop {
  db: Database.Database;
  server: FakeT2Tunes;
  clock: FakeClock;
  link: SqliteWorkLink;
  loop: EnrichmentLoop;
  sent: SentRequest[];
  records: LogRecord[];
  settings(outage?: typeof DEFAULT_OUTAGE): AmazonSourceSettings;
  /** Starts `loop.run()`; `close()` stops it. */
  run(): void;
  close(): Promise<void>;
}

export async function startSimulatedLoop(): Promise<SimulatedLoop> {
  const dir = makeTempDir('liner-simulated-');
  const db = openDatabase(path.join(dir, 'liner.db'));
  insertLibrary(db, { artist: 'Nirvana', album: 'Nevermind', trackTitles: ['In Bloom', 'Lithium'] });
  const server = await startFakeT2Tunes({ catalogPath: CORPUS_CATALOG_PATH });

  const clock = new FakeClock();
  const link = new SqliteWorkLink(db, clock);
  const sent: SentRequest[] = [];
  const records: LogRecord[] = [];
  const loop = new EnrichmentLoop({
    link,
    clock,
    logger: createForwardingLogger((record) => records.push(record as LogRecord)),
    createClient: (source) =>
      new T2TunesClient({
        baseUrl: source.baseUrl,
        country: source.country,
        onRequest: (endpoint) => sent.push({ endpoint, atMono: clock.monotonic() }),
      }),
  });
  let running: Promise<void> = Promise.resolve();

  return {
    db,
    server,
    clock,
    link,
    loop,
    sent,
    records,
    settings: (outage = DEFAULT_OUTAGE) => ({
      enabled: true,
      paused: false,
      baseUrl: server.url,
      country: 'US',
      requestsPerSecond: 2,
      pinnedEntityType: null,
      outage,
      retry: { maxAttempts: 5, baseDelayMs: HOUR },
    }),
    run() {
      running = loop.run();
    },
    async close() {
      loop.stop();
      await clock.advance(HOUR, 100);
      await running;
      await server.close();
      db.close();
      removeTempDir(dir);
    },
  };
}
