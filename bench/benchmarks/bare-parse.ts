/**
 * The baseline of the scan benchmark, run as its own Node process. It lists
 * a folder and parses every MP3 in it with music-metadata's `parseFile`,
 * with the options and the number of parses in flight the scanner uses. It
 * does nothing else (no IPC, no database) and prints one JSON line.
 *
 *   node --import tsx bench/benchmarks/bare-parse.ts FOLDER
 */
import fs from 'node:fs/promises';
import path from 'node:path';

import { parseFile } from 'music-metadata';

/** The scanner's parse concurrency (`PARSE_CONCURRENCY` in src/worker/scanner/scan-session.ts). */
const PARSES_IN_FLIGHT = 4;

async function listAudio(folder: string): Promise<string[]> {
  const entries = await fs.readdir(folder, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.mp3')).map((entry) => path.join(entry.parentPath, entry.name));
}

async function parseAll(files: readonly string[]): Promise<number> {
  let next = 0;
  let failed = 0;
  async function lane(): Promise<void> {
    while (next < files.length) {
      const file = files[next++] as string;
      try {
        await parseFile(file, { duration: true, skipCovers: true });
      } catch {
        failed++;
      }
    }
  }
  await Promise.all(Array.from({ length: PARSES_IN_FLIGHT }, lane));
  return failed;
}

const folder = process.argv[2];
if (!folder) {
  process.stderr.write('Usage: node --import tsx bench/benchmarks/bare-parse.ts FOLDER\n');
  process.exit(2);
}

const started = performance.now();
const files = await listAudio(folder);
const failed = await parseAll(files);
const durationMs = performance.now() - started;
// maxRSS is in kibibytes.
process.stdout.write(`${JSON.stringify({ files: files.length, failed, durationMs, peakRss: process.resourceUsage().maxRSS * 1024 })}\n`);
