import fs from 'node:fs';
import path from 'node:path';

import { LATEST_SCHEMA_VERSION } from '../../src/main/core/db/migrations/index.ts';
import { CACHE_DIR } from '../support/paths.ts';
import { generateAudioFolder } from './audio-folder.ts';
import { generateLibraryDb } from './library-db.ts';
import type { LibraryState } from './match-states.ts';

/**
 * Bump when the generator's output changes, so cached files made by an older
 * generator are not reused. The schema version is part of the key as well.
 */
export const GENERATOR_VERSION = 1;

/** The seed every benchmark uses unless `--seed` sets another. */
export const DEFAULT_SEED = 20_260_301;

export interface LibraryDbRequest {
  seed: number;
  tracks: number;
  state: LibraryState;
}

/** Returns the cached database for a seed, size and state, generating it first when missing. */
export function cachedLibraryDb(request: LibraryDbRequest, log: (message: string) => void): string {
  const name = `library-g${GENERATOR_VERSION}-s${LATEST_SCHEMA_VERSION}-seed${request.seed}-${request.tracks}-${request.state}.db`;
  const file = path.join(CACHE_DIR, name);
  if (fs.existsSync(file)) return file;

  fs.mkdirSync(CACHE_DIR, { recursive: true });
  // Built under another name and renamed when complete, so an interrupted run leaves no half-made file under the real name.
  const partial = `${file}.partial`;
  fs.rmSync(partial, { force: true });
  for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(`${partial}${suffix}`, { force: true });

  log(`generating ${request.tracks.toLocaleString('en-US')} tracks (${request.state}) into ${path.relative(process.cwd(), file)}`);
  const generated = generateLibraryDb({ file: partial, ...request });
  fs.renameSync(partial, file);
  log(`  ${generated.artists} artists, ${generated.albums} albums, ${generated.tracks} tracks in ${(generated.durationMs / 1000).toFixed(1)} s`);
  return file;
}

/** Copies a cached database into `dir`, so a benchmark may write to it. */
export function copyLibraryDb(source: string, dir: string, name = 'liner.db'): string {
  const target = path.join(dir, name);
  fs.copyFileSync(source, target);
  return target;
}


/** Returns the cached folder of `count` generated MP3 files for a seed, writing it first when missing. */
export function cachedAudioFolder(seed: number, count: number, log: (message: string) => void): string {
  const folder = path.join(CACHE_DIR, `audio-g${GENERATOR_VERSION}-seed${seed}-${count}`);
  // Written next to the folder after the last file, so the scan finds only audio and a folder cut short by an interrupted run is made again.
  const marker = `${folder}.complete.json`;
  if (fs.existsSync(marker)) return folder;

  fs.rmSync(folder, { recursive: true, force: true });
  fs.mkdirSync(folder, { recursive: true });
  log(`writing ${count.toLocaleString('en-US')} MP3 files into ${path.relative(process.cwd(), folder)}`);
  const generated = generateAudioFolder(folder, seed, count);
  fs.writeFileSync(marker, `${JSON.stringify({ seed, count, ...generated })}\n`);
  log(`  ${generated.files} files, ${(generated.bytes / 2 ** 20).toFixed(1)} MiB in ${(generated.durationMs / 1000).toFixed(1)} s`);
  return folder;
}
