import fs from 'node:fs';
import path from 'node:path';

import { chromium, type Browser, type Page } from 'playwright-core';

import { cachedLibraryDb, copyLibraryDb } from '../generate/cache.ts';
import type { Benchmark, BenchContext } from '../support/benchmark.ts';
import { startLiner, type LinerRun } from '../support/liner-process.ts';
import { makeWorkDir, removeWorkDir } from '../support/paths.ts';
import { figure, type Figure } from '../support/results.ts';
import { summarize, type Summary } from '../support/stats.ts';
import { measurePageQueries } from './page-query.ts';
import { armFirstPageTimer, AWAIT_FIRST_PAGE, scrollFrames } from './ui-page-scripts.ts';

const CHROMIUM = '/usr/bin/chromium';
/**
 * The flags the benchmark runs Chromium with. The resolver rule fails every
 * host name but 127.0.0.1, so the page cannot reach the internet.
 */
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'];
const VIEWPORT = { width: 1280, height: 800 };
const TRACKS = 100_000;
const FIRST_PAGE_RUNS = 5;
/** Scroll phases: 2 rows of 36 px per frame (a steady read-along), then 50 rows per frame (a fling). */
const SCROLL_PHASES = [
  { name: 'steady', step: 72, frames: 600 },
  { name: 'fast', step: 1_800, frames: 600 },
] as const;
/** `liner serve` builds the renderer on its first run, which takes a while on two cores. */
const SERVE_START_TIMEOUT_MS = 5 * 60_000;
const UI_TIMEOUT_MS = 60_000;
/** One frame at 60 Hz, in ms; a longer interval means a dropped frame. */
const FRAME_MS = 1000 / 60;

interface ScrollPhase {
  frames: Summary;
  /** Share of frame intervals longer than 1.5 frames at 60 Hz. */
  droppedShare: number;
  /** Share of frames with at least one row in view still showing "…". */
  placeholderShare: number;
}

/** Starts `liner serve` and resolves with its URL once printed. */
async function startServe(dbFile: string, logFile: string): Promise<{ run: LinerRun; url: string; startMs: number }> {
  const started = performance.now();
  const run = startLiner(['serve', '--db', dbFile, '--port', '0'], { LINER_LOG_FILE: logFile }, 30 * 60_000);
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`liner serve printed no URL in ${SERVE_START_TIMEOUT_MS / 1000} s`)), SERVE_START_TIMEOUT_MS);
    run.child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((candidate) => candidate.startsWith('http://'));
      if (!line) return;
      clearTimeout(timer);
      resolve(line.trim());
    });
    run.done.then(
      (result) => reject(new Error(`liner serve exited with ${result.code ?? result.signal} before printing its URL: ${result.stderr}`)),
      reject,
    );
  });
  return { run, url, startMs: performance.now() - started };
}

/** Reads the renderer build time `liner serve` logged, in ms; null when the build in out/renderer was current. */
function rendererBuildMs(logFile: string): number | null {
  if (!fs.existsSync(logFile)) return null;
  for (const line of fs.readFileSync(logFile, 'utf8').split('\n')) {
    if (!line.includes('renderer built')) continue;
    const record = JSON.parse(line) as { msg?: string; ms?: number };
    if (record.msg === 'renderer built' && typeof record.ms === 'number') return record.ms;
  }
  return null;
}

async function openLibrary(browser: Browser, url: string): Promise<{ page: Page; loadMs: number }> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  page.setDefaultTimeout(UI_TIMEOUT_MS);
  await page.route(/^(?!http:\/\/127\.0\.0\.1[:/]|ws:\/\/127\.0\.0\.1[:/])/, (route) => route.abort());

  const started = performance.now();
  await page.goto(url);
  // A database no Liner window has opened yet gets the "What's new" dialog first.
  const dialog = page.getByRole('dialog');
  const dialogShown = await dialog.waitFor({ state: 'visible', timeout: 10_000 }).then(
    () => true,
    () => false,
  );
  if (dialogShown) await dialog.getByRole('button').click();
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Library', exact: true }).click();
  await page.getByRole('group', { name: 'Entity type' }).waitFor();
  return { page, loadMs: performance.now() - started };
}

/** Switches to albums and back to tracks, timing the tracks view from the click to its first full page. */
async function timeFirstPage(page: Page): Promise<number> {
  const types = page.getByRole('group', { name: 'Entity type' });
  await types.getByRole('button', { name: 'Albums', exact: true }).click();
  await page.locator('.item-row[data-index="0"]:not(.placeholder)').waitFor();

  await page.evaluate(armFirstPageTimer(`${TRACKS.toLocaleString('en-US')} items`));
  await types.getByRole('button', { name: 'Tracks', exact: true }).click();
  return (await page.evaluate(AWAIT_FIRST_PAGE)) as number;
}

async function measureScroll(page: Page, step: number, frames: number): Promise<ScrollPhase> {
  const result = (await page.evaluate(scrollFrames(step, frames))) as { deltas: number[]; placeholders: number[] };
  return {
    frames: summarize(result.deltas),
    droppedShare: result.deltas.filter((delta) => delta > 1.5 * FRAME_MS).length / result.deltas.length,
    placeholderShare: result.placeholders.filter((count) => count > 0).length / result.placeholders.length,
  };
}

function uiFigures(firstPage: Summary, scroll: Record<string, ScrollPhase>): Figure[] {
  const figures = [
    figure({
      id: 'ui.first-page',
      label: `UI: first page of a ${TRACKS.toLocaleString('en-US')}-row library view`,
      value: firstPage.median,
      unit: 'ms',
      note: `median of ${firstPage.count} switches from albums to tracks, click to the first frame with every row in view filled; max ${firstPage.max.toFixed(0)} ms`,
    }),
  ];
  for (const phase of SCROLL_PHASES) {
    const result = scroll[phase.name] as ScrollPhase;
    const percent = (share: number) => `${(share * 100).toFixed(1)} %`;
    figures.push(
      figure({
        id: `ui.scroll.${phase.name}.median`,
        label: `UI: frame time scrolling ${phase.step / 36} rows/frame, median`,
        value: result.frames.median,
        unit: 'ms',
        note: `${result.frames.count} requestAnimationFrame intervals; ${percent(result.droppedShare)} over 25 ms`,
      }),
      figure({
        id: `ui.scroll.${phase.name}.p95`,
        label: `UI: frame time scrolling ${phase.step / 36} rows/frame, p95`,
        value: result.frames.p95,
        unit: 'ms',
        note: `p99 ${result.frames.p99.toFixed(1)} ms, longest ${result.frames.max.toFixed(1)} ms`,
      }),
      figure({
        id: `ui.scroll.${phase.name}.loading`,
        label: `UI: frames with rows still loading, ${phase.step / 36} rows/frame`,
        value: Math.round(result.placeholderShare * 1000) / 10,
        unit: '%',
        note: 'frames in which at least one row in view still showed its "…" placeholder',
      }),
    );
  }
  return figures;
}

async function run(context: BenchContext) {
  const source = cachedLibraryDb({ seed: context.seed, tracks: TRACKS, state: 'half' }, context.log);
  const dir = makeWorkDir('ui');
  let serve: LinerRun | null = null;
  let browser: Browser | null = null;
  try {
    const logFile = path.join(dir, 'liner.log');
    const started = await startServe(copyLibraryDb(source, dir), logFile);
    serve = started.run;
    const buildMs = rendererBuildMs(logFile);
    const build = buildMs === null ? 'the renderer build was current' : `including a renderer build of ${(buildMs / 1000).toFixed(1)} s`;
    context.log(`  liner serve up in ${(started.startMs / 1000).toFixed(1)} s, ${build}`);

    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const { page, loadMs } = await openLibrary(browser, started.url);

    const firstPages: number[] = [];
    for (let index = 0; index < FIRST_PAGE_RUNS; index++) firstPages.push(await timeFirstPage(page));
    const scroll: Record<string, ScrollPhase> = {};
    for (const phase of SCROLL_PHASES) scroll[phase.name] = await measureScroll(page, phase.step, phase.frames);

    const firstPage = summarize(firstPages);
    context.log(`  first page ${firstPage.median.toFixed(0)} ms; steady scroll p95 ${scroll.steady?.frames.p95.toFixed(1)} ms`);
    const pageQueries = [...measurePageQueries(context, TRACKS), ...measurePageQueries(context, 1_000_000)];
    return {
      figures: [...uiFigures(firstPage, scroll), ...pageQueries],
      details: { serveStartMs: started.startMs, rendererBuildMs: buildMs, pageLoadMs: loadMs, firstPages, scroll },
    };
  } finally {
    await browser?.close();
    if (serve) {
      serve.child.kill('SIGTERM');
      await serve.done.catch(() => undefined);
    }
    removeWorkDir(dir);
  }
}

export const uiBenchmark: Benchmark = {
  id: 'ui',
  title: 'UI (liner serve in headless Chromium, 100k-track library view)',
  run,
};
