import { openDatabase } from '../../src/main/core/db/connection.ts';
import { EnrichmentController } from '../../src/main/core/enrichment/controller.ts';
import { silentLogger } from '../../src/main/core/logging.ts';
import type { ChildLauncher } from '../../src/main/core/process/child.ts';
import { SettingsStore } from '../../src/main/core/settings-store.ts';
import { cachedLibraryDb, copyLibraryDb } from '../generate/cache.ts';
import { LIBRARY_SIZES, sizeLabel, type Benchmark, type BenchContext } from '../support/benchmark.ts';
import { makeWorkDir, removeWorkDir } from '../support/paths.ts';
import { figure, type Figure } from '../support/results.ts';
import { elapsedMs, summarize, type Summary } from '../support/stats.ts';

const TIMED_SNAPSHOTS = 2_000;
const WARM_UP_SNAPSHOTS = 200;
/** Target for the median snapshot at 1 M tracks, in ms. */
const STATUS_TARGET_MS = 2;

/** Rejects every launch, because this benchmark never starts a worker and a launch would be a bug in it. */
const noWorker: ChildLauncher = () => {
  throw new Error('the status benchmark must not start a worker');
};

interface SnapshotSeries {
  snapshot: Summary;
  /** Size of the payload as JSON, in bytes: what the renderer and `liner status --json` receive. */
  payloadBytes: number;
}

/**
 * Times `controller.status()` after `open()` with no worker, on a copy of a
 * half-enriched library with Amazon enabled: the snapshot `liner status`
 * prints and the renderer polls.
 */
function measureSnapshots(file: string): SnapshotSeries {
  const db = openDatabase(file);
  try {
    const settings = new SettingsStore(db);
    settings.set('amazon.enabled', true);
    const controller = new EnrichmentController({ db, settings, logger: silentLogger(), launcher: noWorker });
    controller.open();

    const samples: number[] = [];
    for (let index = 0; index < WARM_UP_SNAPSHOTS + TIMED_SNAPSHOTS; index++) {
      const start = process.hrtime.bigint();
      controller.status();
      if (index >= WARM_UP_SNAPSHOTS) samples.push(elapsedMs(start));
    }
    return { snapshot: summarize(samples), payloadBytes: JSON.stringify(controller.status()).length };
  } finally {
    db.close();
  }
}

async function run(context: BenchContext) {
  const figures: Figure[] = [];
  const details: Record<string, SnapshotSeries> = {};

  for (const tracks of LIBRARY_SIZES) {
    const source = cachedLibraryDb({ seed: context.seed, tracks, state: 'half' }, context.log);
    const dir = makeWorkDir('status');
    try {
      const series = measureSnapshots(copyLibraryDb(source, dir));
      details[sizeLabel(tracks)] = series;
      figures.push(
        figure({
          id: `status.snapshot.${sizeLabel(tracks)}`,
          label: `Status snapshot, ${sizeLabel(tracks)} tracks`,
          value: series.snapshot.median,
          unit: 'ms',
          ...(tracks === 1_000_000 ? { target: { max: STATUS_TARGET_MS, exclusive: true } } : {}),
          note: `median of ${series.snapshot.count}; p95 ${series.snapshot.p95.toFixed(3)} ms; payload ${series.payloadBytes} bytes of JSON`,
        }),
      );
      context.log(`  status ${sizeLabel(tracks)}: median ${series.snapshot.median.toFixed(4)} ms`);
    } finally {
      removeWorkDir(dir);
    }
  }
  return { figures, details };
}

export const statusSnapshotBenchmark: Benchmark = {
  id: 'status',
  title: 'Status snapshot (controller.status() with open(), no worker)',
  run,
};
