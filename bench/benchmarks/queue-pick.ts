import type Database from 'better-sqlite3';

import { openDatabase } from '../../src/main/core/db/connection.ts';
import { ensureSourceSchema } from '../../src/main/core/db/schema-guard.ts';
import { EnrichmentQueue, type QueueTier } from '../../src/main/core/enrichment/queue.ts';
import { ResultWriter } from '../../src/main/core/enrichment/result-writer.ts';
import { WorkItemReader } from '../../src/main/core/enrichment/work-items.ts';
import type { ItemResult, WorkItem } from '../../src/shared/worker-protocol.ts';
import { cachedLibraryDb, copyLibraryDb } from '../generate/cache.ts';
import { DUE_RETRY_SHARE, GENERATED_NOW, LIBRARY_STATES, STATE_LABELS, type LibraryState } from '../generate/match-states.ts';
import { LIBRARY_SIZES, sizeLabel, type Benchmark, type BenchContext } from '../support/benchmark.ts';
import { makeWorkDir, removeWorkDir } from '../support/paths.ts';
import { figure, type Figure } from '../support/results.ts';
import { elapsedMs, summarize, type Summary } from '../support/stats.ts';

/** Picks timed per state, after `WARM_UP_PICKS` untimed ones that fill SQLite's page cache. */
const TIMED_PICKS = 2_000;
const WARM_UP_PICKS = 200;
/** Target for the median pick at 1 M tracks, in ms. */
const PICK_TARGET_MS = 0.2;
const RETRY_POLICY = { maxAttempts: 5, baseDelayMs: 60 * 60_000 };

interface PickSeries {
  total: Summary;
  queueNext: Summary;
  readItem: Summary;
  tiers: Partial<Record<QueueTier, number>>;
}

/**
 * Times what the controller does when the worker requests work:
 * `EnrichmentQueue.next` and `WorkItemReader.read`, on a copy of a generated
 * library. After each timed pick the item's result is written (untimed) the
 * way the controller writes it, so every pick hands out a new item and the
 * WAL grows as it does in the app.
 */
function measurePicks(file: string, state: LibraryState): PickSeries {
  const db = openDatabase(file);
  try {
    ensureSourceSchema(db, 'amazon');
    return pickLoop(db, pickBudget(db, state));
  } finally {
    db.close();
  }
}

/**
 * Returns the warm-up and timed picks for one database. With only retries
 * left, a small library contains few due items (1 % of them), and every
 * pick settles one, so the run takes at most 80 % of them.
 */
function pickBudget(db: Database.Database, state: LibraryState): { warmUp: number; timed: number } {
  if (state !== 'retries') return { warmUp: WARM_UP_PICKS, timed: TIMED_PICKS };

  const { items } = db.prepare('SELECT SUM(count) AS items FROM amazon_counts').get() as { items: number };
  const available = Math.floor(items * DUE_RETRY_SHARE * 0.8);
  if (available >= WARM_UP_PICKS + TIMED_PICKS) return { warmUp: WARM_UP_PICKS, timed: TIMED_PICKS };
  const warmUp = Math.floor(available / 10);
  return { warmUp, timed: available - warmUp };
}

function pickLoop(db: Database.Database, budget: { warmUp: number; timed: number }): PickSeries {
  const queue = new EnrichmentQueue(db);
  const reader = new WorkItemReader(db);
  const writer = new ResultWriter(db);
  const total: number[] = [];
  const queueNext: number[] = [];
  const readItem: number[] = [];
  const tiers: Partial<Record<QueueTier, number>> = {};

  for (let pick = 0; pick < budget.warmUp + budget.timed; pick++) {
    const start = process.hrtime.bigint();
    const key = queue.next(GENERATED_NOW, null);
    const afterNext = elapsedMs(start);
    const item = key ? reader.read(key) : null;
    const afterRead = elapsedMs(start);
    if (!key || !item) throw new Error(`the queue ran dry after ${pick} picks; the generated library is too small`);

    if (pick >= budget.warmUp) {
      total.push(afterRead);
      queueNext.push(afterNext);
      readItem.push(afterRead - afterNext);
      tiers[key.tier] = (tiers[key.tier] ?? 0) + 1;
    }
    writer.write(resultFor(item, pick), GENERATED_NOW, RETRY_POLICY);
  }
  return { total: summarize(total), queueNext: summarize(queueNext), readItem: summarize(readItem), tiers };
}

/** Alternates matches and misses, as a real run does; the made-up ids never collide. */
function resultFor(item: WorkItem, pick: number): ItemResult {
  const matched = pick % 2 === 0;
  return {
    entityType: item.entityType,
    id: item.id,
    status: matched ? 'matched' : 'not_found',
    sourceId: matched ? `BQ${String(pick).padStart(8, '0')}` : null,
    catalogName: matched ? item.name : null,
    imageUrl: null,
    label: null,
    trackCount: null,
    reason: matched ? null : 'benchmark miss',
  };
}

function pickFigure(tracks: number, state: LibraryState, series: PickSeries): Figure {
  const atTargetSize = tracks === 1_000_000;
  return figure({
    id: `queue.pick.${sizeLabel(tracks)}.${state}`,
    label: `Queue pick, ${sizeLabel(tracks)} tracks, ${STATE_LABELS[state]}`,
    value: series.total.median,
    unit: 'ms',
    ...(atTargetSize ? { target: { max: PICK_TARGET_MS, exclusive: true } } : {}),
    note: `median of ${series.total.count} picks; p95 ${series.total.p95.toFixed(3)} ms; queue ${series.queueNext.median.toFixed(3)} ms + read ${series.readItem.median.toFixed(3)} ms`,
  });
}

async function run(context: BenchContext) {
  const figures: Figure[] = [];
  const details: Record<string, PickSeries> = {};

  for (const tracks of LIBRARY_SIZES) {
    for (const state of LIBRARY_STATES) {
      const source = cachedLibraryDb({ seed: context.seed, tracks, state }, context.log);
      const dir = makeWorkDir('queue');
      try {
        const series = measurePicks(copyLibraryDb(source, dir), state);
        details[`${sizeLabel(tracks)}.${state}`] = series;
        figures.push(pickFigure(tracks, state, series));
        context.log(`  queue pick ${sizeLabel(tracks)} ${state}: median ${series.total.median.toFixed(4)} ms`);
      } finally {
        removeWorkDir(dir);
      }
    }
  }
  return { figures, details };
}

export const queuePickBenchmark: Benchmark = {
  id: 'queue',
  title: 'Queue pick (EnrichmentQueue.next + WorkItemReader.read)',
  run,
};
