import { spawn } from 'node:child_process';
import path from 'node:path';

import type { ScanSummary } from '../../src/shared/scan-summary.ts';
import { cachedAudioFolder } from '../generate/cache.ts';
import { sizeLabel, type Benchmark, type BenchContext } from '../support/benchmark.ts';
import { startLiner } from '../support/liner-process.ts';
import { makeWorkDir, removeWorkDir, REPO_ROOT } from '../support/paths.ts';
import { MemoryWatcher, toMiB } from '../support/process-memory.ts';
import { figure, type Figure } from '../support/results.ts';
import { median } from '../support/stats.ts';

/**
 * Folder sizes and how often each is measured. One round is a bare parse, a
 * first scan into a new database and a rescan with nothing changed, side by
 * side. The 100k folder gets a single round, because one round takes
 * minutes on two cores.
 */
const ROUNDS = [
  { files: 10_000, repeats: 3 },
  { files: 100_000, repeats: 1 },
] as const;

/** Upper bound on one scan or bare parse, in ms; a run that takes longer is reported as failed. */
const RUN_TIMEOUT_MS = 10 * 60_000;

const BARE_PARSE_SCRIPT = path.join(REPO_ROOT, 'bench/benchmarks/bare-parse.ts');

interface ScanRun {
  filesPerSecond: number;
  durationMs: number;
  /** Peak resident memory of the `liner scan` process (main), in bytes. */
  mainPeakRss: number;
  /** Peak resident memory of the scanner child, in bytes. */
  scannerPeakRss: number;
  summary: Omit<ScanSummary, 'unreadable'> & { unreadable: number };
}

interface BareRun {
  filesPerSecond: number;
  durationMs: number;
  peakRss: number;
}

interface Round {
  bare: BareRun;
  first: ScanRun;
  rescan: ScanRun;
}

/** Runs `liner scan FOLDER --json` on `db`, watching the memory of the command and its scanner child. */
async function timedScan(folder: string, db: string, logFile: string): Promise<ScanRun> {
  const run = startLiner(['scan', folder, '--db', db, '--json'], { LINER_LOG_FILE: logFile }, RUN_TIMEOUT_MS);
  const watcher = new MemoryWatcher(run.pid);
  const result = await run.done.catch((error: unknown) => {
    watcher.stop();
    throw error;
  });
  const memory = watcher.stop();
  if (result.code !== 0) throw new Error(`liner scan failed (${result.code ?? result.signal}): ${result.stderr}`);

  const summary = JSON.parse(result.stdout) as ScanSummary;
  const scannerPeakRss = Math.max(0, ...[...memory.children.values()].map((child) => child.peakRss));
  return {
    filesPerSecond: summary.filesSeen / (summary.durationMs / 1000),
    durationMs: summary.durationMs,
    mainPeakRss: memory.root.peakRss,
    scannerPeakRss,
    summary: { ...summary, unreadable: summary.unreadable.length },
  };
}

function bareParse(folder: string): Promise<BareRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', BARE_PARSE_SCRIPT, folder], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), RUN_TIMEOUT_MS);
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      if (code !== 0) return reject(new Error(`the bare parse exited with ${code}`));
      const parsed = JSON.parse(stdout) as { files: number; failed: number; durationMs: number; peakRss: number };
      if (parsed.failed > 0) return reject(new Error(`the bare parse could not read ${parsed.failed} generated files`));
      resolve({ filesPerSecond: parsed.files / (parsed.durationMs / 1000), durationMs: parsed.durationMs, peakRss: parsed.peakRss });
    });
  });
}

async function measureRound(folder: string, files: number): Promise<Round> {
  const dir = makeWorkDir('scan');
  try {
    const bare = await bareParse(folder);
    const db = path.join(dir, 'liner.db');
    const logFile = path.join(dir, 'liner.log');
    const first = await timedScan(folder, db, logFile);
    const rescan = await timedScan(folder, db, logFile);

    if (first.summary.added !== files || first.summary.unreadable !== 0) {
      throw new Error(`the first scan added ${first.summary.added} of ${files} files (${first.summary.unreadable} unreadable)`);
    }
    if (rescan.summary.unchanged !== files) throw new Error(`the rescan found ${rescan.summary.unchanged} of ${files} files unchanged`);
    return { bare, first, rescan };
  } finally {
    removeWorkDir(dir);
  }
}

function roundFigures(files: number, rounds: readonly Round[]): Figure[] {
  const size = sizeLabel(files);
  const of = (pick: (round: Round) => number) => median(rounds.map(pick));
  const sample = rounds.length === 1 ? 'one run' : `median of ${rounds.length} runs`;
  const mib = (bytes: number) => `${toMiB(bytes)} MiB`;

  return [
    figure({ id: `scan.${size}.first`, label: `First scan, ${size} files`, value: of((r) => r.first.filesPerSecond), unit: 'files/s', note: `${sample}; ${of((r) => r.first.durationMs / 1000).toFixed(1)} s` }),
    figure({ id: `scan.${size}.rescan`, label: `Rescan, nothing changed, ${size} files`, value: of((r) => r.rescan.filesPerSecond), unit: 'files/s', note: `${sample}; ${of((r) => r.rescan.durationMs / 1000).toFixed(1)} s` }),
    figure({ id: `scan.${size}.bare`, label: `Bare parseFile loop, ${size} files`, value: of((r) => r.bare.filesPerSecond), unit: 'files/s', note: `${sample}; 4 parses in flight, as the scanner` }),
    figure({
      id: `scan.${size}.ratio`,
      label: `First scan time / bare parse time, ${size} files`,
      value: of((r) => r.first.durationMs / r.bare.durationMs),
      unit: '×',
      note: `${sample}, each ratio from one side-by-side round`,
    }),
    figure({
      id: `scan.${size}.memory`,
      label: `Peak RSS during first scan, ${size} files: main`,
      value: toMiB(of((r) => r.first.mainPeakRss)),
      unit: 'MiB',
      note: `scanner child ${mib(of((r) => r.first.scannerPeakRss))}; rescan main ${mib(of((r) => r.rescan.mainPeakRss))}, scanner ${mib(of((r) => r.rescan.scannerPeakRss))}; bare loop ${mib(of((r) => r.bare.peakRss))}`,
    }),
    figure({ id: `scan.${size}.memory.scanner`, label: `Peak RSS during first scan, ${size} files: scanner`, value: toMiB(of((r) => r.first.scannerPeakRss)), unit: 'MiB' }),
  ];
}

async function run(context: BenchContext) {
  const figures: Figure[] = [];
  const details: Record<string, Round[]> = {};

  for (const { files, repeats } of ROUNDS) {
    const folder = cachedAudioFolder(context.seed, files, context.log);
    const rounds: Round[] = [];
    for (let repeat = 0; repeat < repeats; repeat++) {
      const round = await measureRound(folder, files);
      rounds.push(round);
      context.log(
        `  scan ${sizeLabel(files)} round ${repeat + 1}: first ${round.first.filesPerSecond.toFixed(0)} files/s, ` +
          `rescan ${round.rescan.filesPerSecond.toFixed(0)} files/s, bare ${round.bare.filesPerSecond.toFixed(0)} files/s`,
      );
    }
    details[sizeLabel(files)] = rounds;
    figures.push(...roundFigures(files, rounds));
  }
  return { figures, details };
}

export const scanBenchmark: Benchmark = {
  id: 'scan',
  title: 'Scan (liner scan on generated MP3 files, next to a bare parseFile loop)',
  run,
};
