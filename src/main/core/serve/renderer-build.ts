import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import type { Logger } from '../logging.ts';

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

/** The folder `liner serve` serves the renderer from; `electron-vite build` writes the same folder. */
export const RENDERER_OUT_DIR = path.join(PROJECT_ROOT, 'out/renderer');

/** Folders whose files go into the renderer bundle; a change in any of them makes the build stale. */
const SOURCE_DIRS = ['src/renderer', 'src/shared'].map((dir) => path.join(PROJECT_ROOT, dir));

/** The build recipe: this file and its plugin, so a change to how the bundle is built makes it stale too. */
const RECIPE_FILES = [fileURLToPath(import.meta.url), fileURLToPath(new URL('./csp-meta-plugin.ts', import.meta.url))];

/** A file next to `index.html` that contains the hash of the sources the build came from. */
const STAMP_FILE = '.liner-build.json';

const LOCK_DIR = path.join(PROJECT_ROOT, 'out/.renderer-build.lock');
const LOCK_POLL_MS = 200;
/** A lock older than this belongs to a build that died; builds take seconds. */
const STALE_LOCK_MS = 5 * 60_000;

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** Hashes the path and content of every renderer source file. */
export function rendererSourceHash(): string {
  const hash = createHash('sha256');
  for (const file of [...RECIPE_FILES, ...SOURCE_DIRS.flatMap(listFiles)]) {
    hash.update(path.relative(PROJECT_ROOT, file));
    hash.update('\0');
    hash.update(fs.readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}

function builtHash(outDir: string): string | null {
  try {
    const stamp = JSON.parse(fs.readFileSync(path.join(outDir, STAMP_FILE), 'utf8')) as { sourceHash?: unknown };
    return typeof stamp.sourceHash === 'string' ? stamp.sourceHash : null;
  } catch {
    return null;
  }
}

async function acquireLock(): Promise<() => void> {
  fs.mkdirSync(path.dirname(LOCK_DIR), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(LOCK_DIR);
      return () => fs.rmSync(LOCK_DIR, { recursive: true, force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }

    const age = Date.now() - (fs.statSync(LOCK_DIR, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
    if (age > STALE_LOCK_MS) fs.rmSync(LOCK_DIR, { recursive: true, force: true });
    await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS));
  }
}

async function runViteBuild(outDir: string): Promise<void> {
  // Loaded only when a build is due: vite and its plugins take a while to import.
  const { build } = await import('vite');
  const { default: react } = await import('@vitejs/plugin-react');
  const { cspMetaPlugin } = await import('./csp-meta-plugin.ts');

  // Vite keeps a NODE_ENV it finds (vitest sets `test`), and React then ships
  // its development build. This process builds nothing else meanwhile, so the
  // variable is swapped for the build alone.
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root: path.join(PROJECT_ROOT, 'src/renderer'),
      base: './',
      mode: 'production',
      configFile: false,
      envFile: false,
      logLevel: 'warn',
      plugins: [react(), cspMetaPlugin()],
      build: { outDir, emptyOutDir: true, target: 'chrome120', reportCompressedSize: false },
    });
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  }
}

/**
 * Builds the renderer into `out/renderer` unless the build there came from
 * the current sources, and returns that folder. Concurrent callers (parallel
 * test files, two `liner serve`) take turns through a lock folder, so only
 * one of them runs vite.
 */
export async function ensureRendererBuild(logger: Logger, outDir = RENDERER_OUT_DIR): Promise<string> {
  const sourceHash = rendererSourceHash();
  if (builtHash(outDir) === sourceHash) return outDir;

  const release = await acquireLock();
  try {
    if (builtHash(outDir) === sourceHash) return outDir;

    logger.info({ outDir }, 'building the renderer');
    const started = Date.now();
    await runViteBuild(outDir);
    fs.writeFileSync(path.join(outDir, STAMP_FILE), JSON.stringify({ sourceHash }));
    logger.info({ outDir, ms: Date.now() - started }, 'renderer built');
    return outDir;
  } finally {
    release();
  }
}
