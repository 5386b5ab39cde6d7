import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Creates a fresh temporary folder for one test; removed with `removeTempDir`. */
export function makeTempDir(prefix = 'liner-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function removeTempDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** The repository root, from this file's location. */
export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

/** The shared corpus: CI clones the repository with `shared/` next to it. */
export const CORPUS_DIR = path.resolve(REPO_ROOT, '../shared/corpus');
