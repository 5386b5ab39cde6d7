/**
 * The library view over 100 000 tracks in Chromium: the table pages through
 * `listItems` as it scrolls and keeps only the rows in view in the DOM.
 */
import path from 'node:path';

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openDatabase } from '../../src/main/core/db/connection.ts';
import { makeTempDir, removeTempDir } from '../support/temp.ts';
import { launchBrowser, openPage, saveScreenshot } from './support/browser.ts';
import { startServe, type ServeProcess } from './support/serve-process.ts';

const TRACK_COUNT = 100_000;
/** An album title far longer than the detail panel is wide, to check that the panel wraps and clamps it. */
const LONG_TITLE = `A very long album title ${'that keeps going '.repeat(30)}and ends here`;
const UI_TIMEOUT_MS = 30_000;

let dir: string;
let serve: ServeProcess;
let browser: Browser;
let page: Page;

/** Writes one library with one artist, an album of `TRACK_COUNT` tracks named "Track 1" onwards, and an empty album titled `LONG_TITLE`. */
function seedLargeLibrary(dbPath: string): void {
  const db = openDatabase(dbPath);
  db.transaction(() => {
    db.prepare("INSERT INTO libraries (id, name, root_path) VALUES (1, 'Large', '/music/large')").run();
    db.prepare("INSERT INTO artists (id, library_id, name) VALUES (1, 1, 'Many Tracks')").run();
    db.prepare("INSERT INTO albums (id, library_id, artist_id, title) VALUES (1, 1, 1, 'Everything')").run();
    db.prepare('INSERT INTO albums (id, library_id, artist_id, title) VALUES (2, 1, 1, ?)').run(LONG_TITLE);
    const insert = db.prepare('INSERT INTO tracks (library_id, album_id, artist_id, title, track_number, path) VALUES (1, 1, 1, ?, ?, ?)');
    for (let number = 1; number <= TRACK_COUNT; number++) insert.run(`Track ${number}`, number, `/music/large/${number}.flac`);
  })();
  db.close();
}

beforeAll(async () => {
  dir = makeTempDir('liner-serve-large-');
  const dbPath = path.join(dir, 'liner.db');
  seedLargeLibrary(dbPath);

  serve = await startServe(dbPath, { LINER_LOG_FILE: path.join(dir, 'liner.log') });
  browser = await launchBrowser();
  page = await openPage(browser);
  await page.goto(serve.url);
  await page.getByRole('dialog').getByRole('button').click();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await serve?.stop();
  removeTempDir(dir);
});

describe('library view with 100 000 tracks', () => {
  it('shows the total', async () => {
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Library', exact: true }).click();
    await page.getByRole('button', { name: 'Tracks', exact: true }).click();

    const count = page.locator('.result-count');
    await expect.poll(() => count.textContent(), { timeout: UI_TIMEOUT_MS }).toBe('100,000 items');
  });

  it('renders the last row after scrolling to the end', async () => {
    await page.getByTestId('item-scroll').evaluate((element) => {
      element.scrollTop = element.scrollHeight;
    });

    const last = page.locator(`.item-rows .item-row[data-index="${TRACK_COUNT - 1}"] .cell-name`);
    await expect.poll(() => last.textContent(), { timeout: UI_TIMEOUT_MS }).toBe(`Track ${TRACK_COUNT}`);
    await saveScreenshot(page, 'library-100000-tracks');
  });

  it('keeps only the rows in view in the DOM', async () => {
    const rendered = await page.locator('.item-rows .item-row').count();
    expect(rendered).toBeLessThan(100);
  });

  it('renders a row in the middle', async () => {
    await page.getByTestId('item-scroll').evaluate((element) => {
      element.scrollTop = element.scrollHeight / 2;
    });

    const middle = page.locator('.item-rows .item-row:not(.placeholder) .cell-name').first();
    await expect.poll(async () => Number((await middle.textContent())?.replace('Track ', '')), { timeout: UI_TIMEOUT_MS }).toBeGreaterThan(40_000);
  });

  describe('an album with a very long title', () => {
    beforeAll(async () => {
      await page.getByRole('button', { name: 'Albums', exact: true }).click();
      await page.locator('.item-rows .item-row', { hasText: 'A very long album title' }).click();
      await page.getByTestId('detail-panel').getByTestId('detail-status').waitFor({ timeout: UI_TIMEOUT_MS });
      await saveScreenshot(page, 'detail-panel-long-title');
    });

    it('clamps the title in the panel', async () => {
      const hidden = await page.locator('#detail-title').evaluate((element) => element.scrollHeight - element.clientHeight);
      expect(hidden).toBeGreaterThan(0);
    });

    it('gives the clamped title a tooltip', async () => {
      expect(await page.locator('#detail-title').getAttribute('title')).toBe(LONG_TITLE);
    });

    it('keeps the close button inside the panel', async () => {
      const panel = await page.getByTestId('detail-panel').evaluate((element) => element.getBoundingClientRect().right);
      const button = await page.getByRole('button', { name: 'Close the detail panel' }).evaluate((element) => element.getBoundingClientRect().right);
      expect(button).toBeLessThanOrEqual(panel);
    });

    it('gives the cut-off cell a tooltip', async () => {
      const cell = page.locator('.item-rows .item-row .cell-name', { hasText: 'A very long album title' });
      expect(await cell.getAttribute('title')).toBe(LONG_TITLE);
    });
  });
});
