/**
 * `npm run bench`: runs Liner's benchmarks, prints a table of the figures
 * and writes `bench/results.json`. `npm run bench -- --only queue,status`
 * runs a subset; `--list` names them. Progress goes to stderr.
 */
import { parseArgs } from 'node:util';

import { enrichCorpusBenchmark } from './benchmarks/enrich-corpus.ts';
import { memoryBenchmark } from './benchmarks/memory.ts';
import { outageBenchmark } from './benchmarks/outage.ts';
import { queuePickBenchmark } from './benchmarks/queue-pick.ts';
import { scanBenchmark } from './benchmarks/scan.ts';
import { statusSnapshotBenchmark } from './benchmarks/status-snapshot.ts';
import { uiBenchmark } from './benchmarks/ui.ts';
import { DEFAULT_SEED } from './generate/cache.ts';
import type { Benchmark, BenchContext } from './support/benchmark.ts';
import { describeMachine, loadAverage } from './support/machine.ts';
import { RESULTS_FILE } from './support/paths.ts';
import { writeResults, type BenchmarkReport } from './support/results.ts';
import { formatTable } from './support/table.ts';

/** Every benchmark, in the order a full run takes them. */
const BENCHMARKS: readonly Benchmark[] = [queuePickBenchmark, statusSnapshotBenchmark, enrichCorpusBenchmark, outageBenchmark, memoryBenchmark, scanBenchmark, uiBenchmark];

const USAGE = `Usage: npm run bench -- [--only NAME,...] [--seed N] [--list]

  --only NAME,...  run only these benchmarks (${BENCHMARKS.map((benchmark) => benchmark.id).join(', ')})
  --seed N         seed of the generated libraries (default ${DEFAULT_SEED})
  --list           print the benchmark names and exit`;

function readOptions(): { selected: Benchmark[]; seed: number } | null {
  const { values } = parseArgs({
    options: { only: { type: 'string' }, seed: { type: 'string' }, list: { type: 'boolean' }, help: { type: 'boolean' } },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return null;
  }
  if (values.list) {
    for (const benchmark of BENCHMARKS) process.stdout.write(`${benchmark.id.padEnd(10)} ${benchmark.title}\n`);
    return null;
  }

  const seed = values.seed === undefined ? DEFAULT_SEED : Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0) throw new Error(`--seed must be a non-negative integer, got "${values.seed}"`);

  if (values.only === undefined) return { selected: [...BENCHMARKS], seed };
  const names = values.only.split(',').map((name) => name.trim()).filter(Boolean);
  const unknown = names.filter((name) => !BENCHMARKS.some((benchmark) => benchmark.id === name));
  if (unknown.length > 0) throw new Error(`unknown benchmark "${unknown.join('", "')}"; valid names: ${BENCHMARKS.map((b) => b.id).join(', ')}`);
  return { selected: BENCHMARKS.filter((benchmark) => names.includes(benchmark.id)), seed };
}

function logLine(message: string): void {
  const clock = new Date().toISOString().slice(11, 19);
  process.stderr.write(`[${clock}] ${message}\n`);
}

async function runOne(benchmark: Benchmark, context: BenchContext): Promise<BenchmarkReport> {
  logLine(`${benchmark.id}: ${benchmark.title}`);
  const before = loadAverage();
  const started = performance.now();
  const outcome = await benchmark.run(context);
  const durationMs = performance.now() - started;
  logLine(`${benchmark.id}: done in ${(durationMs / 1000).toFixed(1)} s`);
  return { id: benchmark.id, title: benchmark.title, ...outcome, durationMs, loadAverage: { before, after: loadAverage() } };
}

async function main(): Promise<void> {
  const options = readOptions();
  if (!options) return;

  const startedAt = new Date();
  const started = performance.now();
  const context: BenchContext = { seed: options.seed, log: logLine };
  const reports: BenchmarkReport[] = [];
  for (const benchmark of options.selected) reports.push(await runOne(benchmark, context));

  const durationMs = performance.now() - started;
  writeResults(RESULTS_FILE, {
    startedAt: startedAt.toISOString(),
    durationMs,
    machine: describeMachine(),
    selection: options.selected.map((benchmark) => benchmark.id),
    reports,
  });

  process.stdout.write(`${formatTable(reports)}\n\n`);
  process.stdout.write(`Finished in ${(durationMs / 60_000).toFixed(1)} min; figures written to ${RESULTS_FILE}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
