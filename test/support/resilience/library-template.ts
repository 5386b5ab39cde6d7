import fs from 'node:fs';
import path from 'node:path';

import { runLiner } from '../liner-cli.ts';
import { CORPUS_DIR } from '../temp.ts';

/** The shared corpus library: about 100 tagged files, 184 artists, albums and tracks after a scan. */
export const CORPUS_LIBRARY = path.join(CORPUS_DIR, 'library');

/**
 * Scans the corpus library into `dir/template.db` with the real `liner scan`
 * and returns the file. Tests copy it instead of scanning again.
 */
export async function scanCorpusTemplate(dir: string): Promise<string> {
  const file = path.join(dir, 'template.db');
  const scan = await runLiner(['scan', CORPUS_LIBRARY, '--db', file, '--json'], { LINER_LOG_FILE: path.join(dir, 'template.log') });
  if (scan.code !== 0) throw new Error(`liner scan failed with code ${scan.code}: ${scan.stderr}`);
  return file;
}

/** Copies a closed database file (its WAL was checkpointed on close) to `target`. */
export function copyDatabase(template: string, target: string): string {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(template, target);
  return target;
}
