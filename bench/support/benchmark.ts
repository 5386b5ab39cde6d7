import type { BenchmarkReport } from './results.ts';

export interface BenchContext {
  seed: number;
  /** Progress lines go to stderr, so stdout carries only the table. */
  log(message: string): void;
}

/** The figures and details of one benchmark; the runner adds its id, title, duration and load. */
export type BenchmarkOutcome = Pick<BenchmarkReport, 'figures' | 'details'>;

export interface Benchmark {
  /** The name `--only` selects it by. */
  id: string;
  title: string;
  run(context: BenchContext): Promise<BenchmarkOutcome>;
}

/** Library sizes the database benchmarks run at, in tracks. */
export const LIBRARY_SIZES = [10_000, 100_000, 1_000_000] as const;

/** "10k", "100k", "1M": short labels for ids and tables. */
export function sizeLabel(tracks: number): string {
  if (tracks >= 1_000_000 && tracks % 1_000_000 === 0) return `${tracks / 1_000_000}M`;
  if (tracks >= 1_000 && tracks % 1_000 === 0) return `${tracks / 1_000}k`;
  return String(tracks);
}
