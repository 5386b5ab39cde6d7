import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import Database from 'better-sqlite3';

import { NOT_FOUND_RETRY_AFTER_MS } from '../../src/main/core/enrichment/tables.ts';
import { startFakeT2Tunes, type FakeT2Tunes } from '../../test/support/fake-t2tunes/server.ts';
import { cachedLibraryDb, copyLibraryDb } from '../generate/cache.ts';
import type { Benchmark, BenchContext } from '../support/benchmark.ts';
import { runLiner, startLiner } from '../support/liner-process.ts';
import { CORPUS_CATALOG, CORPUS_LIBRARY, makeWorkDir, removeWorkDir } from '../support/paths.ts';
import { childPids, readProcessMemory, toMiB } from '../support/process-memory.ts';
import { figure, type Figure } from '../support/results.ts';
import { median } from '../support/stats.ts';

/** Samples taken per process, `SAMPLE_INTERVAL_MS` apart; the figure is their median. */
const SAMPLES = 5;
const SAMPLE_INTERVAL_MS = 500;
/** How long the worker is left idle before sampling, in ms. */
const SETTLE_MS = 3_000;
const RUN_TIMEOUT_MS = 5 * 60_000;
/** The corpus run's pace: memory does not depend on it, and 20 requests per second finishes in seconds. */
const CORPUS_RATE = 20;

interface HostMemory {
  /** Median resident memory, in bytes. */
  hostRss: number;
  workerRss: number;
  /** Highest resident memory either process reached, in bytes. */
  hostPeakRss: number;
  workerPeakRss: number;
}

/**
 * Samples the `liner enrich` process and its only Node child, the
 * enrichment worker. The esbuild helper that tsx starts on a cold transform
 * cache is a grandchild and not counted.
 */
async function sampleHost(pid: number): Promise<HostMemory> {
  const host: number[] = [];
  const worker: number[] = [];
  let hostPeakRss = 0;
  let workerPeakRss = 0;

  for (let sample = 0; sample < SAMPLES; sample++) {
    const children = childPids(pid);
    if (children.length !== 1) throw new Error(`expected one worker under liner enrich (pid ${pid}), found ${children.length}`);
    const hostMemory = readProcessMemory(pid);
    const workerMemory = readProcessMemory(children[0] as number);
    if (!hostMemory || !workerMemory) throw new Error('liner enrich or its worker exited while its memory was sampled');

    host.push(hostMemory.rss);
    worker.push(workerMemory.rss);
    hostPeakRss = Math.max(hostPeakRss, hostMemory.peakRss);
    workerPeakRss = Math.max(workerPeakRss, workerMemory.peakRss);
    await sleep(SAMPLE_INTERVAL_MS);
  }
  return { hostRss: median(host), workerRss: median(worker), hostPeakRss, workerPeakRss };
}

function pendingItems(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare("SELECT COALESCE(SUM(count), 0) AS pending FROM amazon_counts WHERE status = 'pending'").get() as { pending: number }).pending;
  } finally {
    db.close();
  }
}

/**
 * Runs `liner enrich` (without `--until-idle`, so it stays up), waits for
 * `ready` to say the work is done, samples memory, then stops it with
 * SIGINT as a user's Ctrl+C would.
 */
async function measureEnrichHost(dbFile: string, logFile: string, server: FakeT2Tunes, ready: () => boolean, rate: number): Promise<HostMemory> {
  const args = ['enrich', '--db', dbFile, '--base-url', server.url, '--rate', String(rate), '--json'];
  const run = startLiner(args, { LINER_LOG_FILE: logFile }, RUN_TIMEOUT_MS);
  try {
    const deadline = Date.now() + RUN_TIMEOUT_MS;
    while (!ready() || childPids(run.pid).length === 0) {
      if (Date.now() > deadline) throw new Error('liner enrich did not start its worker and finish its work in time');
      await sleep(200);
    }
    await sleep(SETTLE_MS);
    return await sampleHost(run.pid);
  } finally {
    run.child.kill('SIGINT');
    const result = await run.done;
    if (result.code !== 0) throw new Error(`liner enrich exited with ${result.code ?? result.signal}: ${result.stderr}`);
  }
}

async function afterCorpus(server: FakeT2Tunes): Promise<HostMemory> {
  const dir = makeWorkDir('memory-corpus');
  try {
    const env = { LINER_DB: path.join(dir, 'liner.db'), LINER_LOG_FILE: path.join(dir, 'liner.log') };
    await runLiner(['scan', CORPUS_LIBRARY, '--json'], env, RUN_TIMEOUT_MS);
    await runLiner(['enable', 'amazon'], env, RUN_TIMEOUT_MS);
    return await measureEnrichHost(env.LINER_DB, env.LINER_LOG_FILE, server, () => pendingItems(env.LINER_DB) === 0, CORPUS_RATE);
  } finally {
    removeWorkDir(dir);
  }
}

/**
 * Moves every retry of the generated library past the real clock, so the
 * worker finds nothing due: `not_found` items count as just attempted and
 * failed items as out of retries. The generated history is relative to a
 * fixed date, not to today.
 */
function settleForToday(file: string): void {
  const db = new Database(file);
  const now = Date.now();
  try {
    db.transaction(() => {
      for (const table of ['artists', 'albums', 'tracks']) {
        db.prepare(`UPDATE ${table} SET amazon_last_attempted = ? WHERE amazon_match_status = 'not_found' AND amazon_last_attempted < ?`).run(
          now,
          now - NOT_FOUND_RETRY_AFTER_MS + 86_400_000,
        );
        db.prepare(`UPDATE ${table} SET amazon_next_retry_at = NULL WHERE amazon_match_status = 'error' AND amazon_next_retry_at IS NOT NULL`).run();
      }
      db.prepare("INSERT INTO settings (key, value) VALUES ('amazon.enabled', 'true') ON CONFLICT (key) DO UPDATE SET value = excluded.value").run();
    })();
  } finally {
    db.close();
  }
}

async function idleOnMillion(context: BenchContext, server: FakeT2Tunes): Promise<HostMemory> {
  const source = cachedLibraryDb({ seed: context.seed, tracks: 1_000_000, state: 'retries' }, context.log);
  const dir = makeWorkDir('memory-idle');
  try {
    const dbFile = copyLibraryDb(source, dir);
    settleForToday(dbFile);
    server.resetLog();
    const memory = await measureEnrichHost(dbFile, path.join(dir, 'liner.log'), server, () => true, 2);
    if (server.counts().total !== 0) throw new Error(`the idle worker sent ${server.counts().total} requests; the library was not idle`);
    return memory;
  } finally {
    removeWorkDir(dir);
  }
}

function memoryFigures(id: string, situation: string, memory: HostMemory): Figure[] {
  const sample = `median of ${SAMPLES} samples ${SAMPLE_INTERVAL_MS} ms apart`;
  return [
    figure({ id: `memory.${id}.host`, label: `RSS ${situation}: CLI host`, value: toMiB(memory.hostRss), unit: 'MiB', note: `${sample}; peak ${toMiB(memory.hostPeakRss)} MiB` }),
    figure({ id: `memory.${id}.worker`, label: `RSS ${situation}: worker`, value: toMiB(memory.workerRss), unit: 'MiB', note: `${sample}; peak ${toMiB(memory.workerPeakRss)} MiB` }),
  ];
}

async function run(context: BenchContext) {
  const server = await startFakeT2Tunes({ catalogPath: CORPUS_CATALOG });
  try {
    const corpus = await afterCorpus(server);
    context.log(`  after the corpus: host ${toMiB(corpus.hostRss)} MiB, worker ${toMiB(corpus.workerRss)} MiB`);
    const idle = await idleOnMillion(context, server);
    context.log(`  idle on 1M tracks: host ${toMiB(idle.hostRss)} MiB, worker ${toMiB(idle.workerRss)} MiB`);
    return {
      figures: [...memoryFigures('corpus', 'after enriching the corpus', corpus), ...memoryFigures('idle-1m', 'idle on 1M tracks', idle)],
      details: { corpus, idle },
    };
  } finally {
    await server.close();
  }
}

export const memoryBenchmark: Benchmark = {
  id: 'memory',
  title: 'Memory of liner enrich (CLI host and worker)',
  run,
};
