import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
export const BENCH_DIR = path.join(REPO_ROOT, 'bench');

/** Generated databases and audio folders, reused between runs; git-ignored. */
export const CACHE_DIR = path.join(BENCH_DIR, '.cache');
export const RESULTS_FILE = path.join(BENCH_DIR, 'results.json');

/** The shared corpus next to the repository: real tagged files and the catalog a fake T2Tunes serves. */
export const CORPUS_DIR = path.resolve(REPO_ROOT, '../shared/corpus');
export const CORPUS_LIBRARY = path.join(CORPUS_DIR, 'library');
export const CORPUS_CATALOG = path.join(CORPUS_DIR, 'catalog.json');

/** Creates a scratch folder for one benchmark; remove it with `removeWorkDir`. */
export function makeWorkDir(name: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `liner-bench-${name}-`));
}

export function removeWorkDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}
