import fs from 'node:fs';

import type { MachineInfo } from './machine.ts';

/** A limit a figure should stay within; `max` is inclusive unless `exclusive` is set. */
export interface Target {
  max: number;
  exclusive?: boolean;
}

/** One reported number. */
export interface Figure {
  /** Stable key, for example `queue.pick.1m.half`. */
  id: string;
  label: string;
  /** Null when the figure could not be measured; `note` gives the reason. */
  value: number | null;
  unit: string;
  target?: Target;
  /** Whether `value` meets `target`; absent when there is no target. */
  met?: boolean;
  /** Context a reader needs: sample size, what was counted, why a target was missed. */
  note?: string;
}

export interface BenchmarkReport {
  id: string;
  title: string;
  figures: Figure[];
  /** Raw series and side facts behind the figures, for the results file. */
  details: Record<string, unknown>;
  durationMs: number;
  /** One-minute load average before and after the benchmark, to spot a busy machine. */
  loadAverage: { before: number; after: number };
}

export interface ResultsFile {
  startedAt: string;
  durationMs: number;
  machine: MachineInfo;
  /** Benchmarks selected with `--only`, or all. */
  selection: string[];
  reports: BenchmarkReport[];
}

/** Builds a figure and decides whether it meets its target. */
export function figure(fields: Omit<Figure, 'met'>): Figure {
  if (!fields.target || fields.value === null) return fields;
  const { max, exclusive } = fields.target;
  return { ...fields, met: exclusive ? fields.value < max : fields.value <= max };
}

export function writeResults(file: string, results: ResultsFile): void {
  fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
}
