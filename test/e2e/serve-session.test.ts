/**
 * Managing libraries and losing the server, in Chromium against `liner
 * serve` (a real child process) and the fake T2Tunes server on 127.0.0.1.
 * The steps run in order on one page, as one user's session would.
 */
import fs from 'node:fs';
import path from 'node:path';

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startFakeT2Tunes, type FakeT2Tunes } from '../support/fake-t2tunes/server.ts';
import { runLiner } from '../support/liner-cli.ts';
import { countFilesOnDisk, FIXTURE_LIBRARY } from '../support/scan-library.ts';
import { CORPUS_DIR, makeTempDir, removeTempDir } from '../support/temp.ts';
import { launchBrowser, openPage, saveScreenshot } from './support/browser.ts';
import { startServe, type ServeProcess } from './support/serve-process.ts';

/** Maximum wait for a state the UI reaches on its own, in ms; generous for slow CI machines. */
const UI_TIMEOUT_MS = 30_000;

let dir: string;
let dbPath: string;
let env: NodeJS.ProcessEnv;
let fake: FakeT2Tunes;
let serve: ServeProcess;
let browser: Browser;
let page: Page;
/** Copies of the fixture library, named so that the second one added sorts first. */
let zeta: string;
let alpha: string;

async function openScreen(name: 'Enrichment' | 'Library' | 'Settings'): Promise<void> {
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: new RegExp(`^${name}`) }).click();
}

function libraryTabs(): Promise<string[]> {
  return page.getByRole('group', { name: 'Libraries' }).locator('[data-library-id]').allTextContents();
}

async function addFolder(folder: string): Promise<void> {
  await page.getByLabel('Music folder').fill(folder);
  await page.getByRole('button', { name: 'Add folder', exact: true }).click();
}

function focusedText(): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.textContent ?? null);
}

beforeAll(async () => {
  dir = makeTempDir('liner-serve-session-');
  dbPath = path.join(dir, 'liner.db');
  env = { LINER_LOG_FILE: path.join(dir, 'liner.log') };
  zeta = path.join(dir, 'zeta');
  alpha = path.join(dir, 'alpha');
  fs.cpSync(FIXTURE_LIBRARY, zeta, { recursive: true });
  fs.cpSync(FIXTURE_LIBRARY, alpha, { recursive: true });

  fake = await startFakeT2Tunes({ catalogPath: path.join(CORPUS_DIR, 'catalog.json') });
  for (const [key, value] of Object.entries({ 'amazon.baseUrl': fake.url, 'amazon.enabled': 'true' })) {
    const result = await runLiner(['config', 'set', key, value, '--db', dbPath], env);
    expect(result.code, result.stderr).toBe(0);
  }

  serve = await startServe(dbPath, env);
  browser = await launchBrowser();
  page = await openPage(browser);
  await page.goto(serve.url);
  await page.getByRole('dialog').getByRole('button').click();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await serve?.stop();
  await fake?.close();
  removeTempDir(dir);
});

describe('liner serve session', () => {
  it('hints at adding a folder', async () => {
    const hint = page.getByTestId('no-items-hint');
    await hint.waitFor({ timeout: UI_TIMEOUT_MS });
    await saveScreenshot(page, 'enrichment-no-library');

    expect(await page.locator('.progress-grid').count()).toBe(0);
  });

  it('opens Library from the hint', async () => {
    await page.getByTestId('no-items-hint').getByRole('button', { name: 'Open Library' }).click();

    await page.getByLabel('Music folder').waitFor();
  });

  it('focuses the first library tab', async () => {
    await addFolder(zeta);

    await expect.poll(() => focusedText(), { timeout: UI_TIMEOUT_MS }).toBe('zeta');
  });

  it('sorts a new library tab at once', async () => {
    await page.locator('.scan-progress[data-phase="finished"]').waitFor({ timeout: UI_TIMEOUT_MS });
    await page.getByRole('button', { name: '+ Add folder', exact: true }).click();
    await addFolder(alpha);

    await expect.poll(() => libraryTabs(), { timeout: UI_TIMEOUT_MS }).toEqual(['alpha', 'zeta']);
  });

  it('keeps the tab order after the scan', async () => {
    await page.locator('.scan-progress[data-phase="finished"]').waitFor({ timeout: UI_TIMEOUT_MS });
    await expect.poll(() => page.getByTestId('library-totals').textContent(), { timeout: UI_TIMEOUT_MS }).not.toContain('last scan never');

    expect(await libraryTabs()).toEqual(['alpha', 'zeta']);
  });

  it('focuses the added library tab', async () => {
    expect(await focusedText()).toBe('alpha');
  });

  it('asks before removing a library', async () => {
    await page.getByRole('button', { name: 'Remove library', exact: true }).click();

    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await saveScreenshot(page, 'remove-library-dialog');
    expect(await dialog.textContent()).toContain('Removes the library from Liner. Your audio files are not touched.');
  });

  it('keeps the library on Cancel', async () => {
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(await libraryTabs()).toEqual(['alpha', 'zeta']);
  });

  it('removes the library on confirm', async () => {
    await page.getByRole('button', { name: 'Remove library', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Remove library' }).click();

    await expect.poll(() => libraryTabs(), { timeout: UI_TIMEOUT_MS }).toEqual(['zeta']);
  });

  it('leaves the audio files alone', () => {
    expect(countFilesOnDisk(alpha)).toBe(countFilesOnDisk(FIXTURE_LIBRARY));
  });

  it('focuses the remaining tab', async () => {
    expect(await focusedText()).toBe('zeta');
  });

  it('stays removed after a reload', async () => {
    await page.reload();
    await openScreen('Library');

    await expect.poll(() => libraryTabs(), { timeout: UI_TIMEOUT_MS }).toEqual(['zeta']);
  });

  describe('when the server stops', () => {
    let port: number;

    beforeAll(async () => {
      await openScreen('Enrichment');
      await page.locator('.enrichment-panel .controls button').waitFor({ timeout: UI_TIMEOUT_MS });
      port = Number(new URL(serve.origin).port);
      expect(await serve.stop()).toBe(0);
      await page.getByTestId('connection-banner').waitFor({ timeout: UI_TIMEOUT_MS });
    }, 60_000);

    it('says it is reconnecting', async () => {
      await saveScreenshot(page, 'disconnected');

      expect(await page.getByTestId('connection-banner').getAttribute('data-state')).toBe('reconnecting');
    });

    it('greys out the last known state', async () => {
      expect(await page.locator('.header-status .badge').getAttribute('data-stale')).toBe('true');
    });

    it('disables Pause and Resume', async () => {
      expect(await page.locator('.enrichment-panel .controls button').isDisabled()).toBe(true);
    });

    it('names a restart with a new token', async () => {
      serve = await startServe(dbPath, env, port);

      const banner = page.getByTestId('connection-banner');
      await expect.poll(() => banner.getAttribute('data-state'), { timeout: UI_TIMEOUT_MS }).toBe('token_rejected');
      await saveScreenshot(page, 'restarted-new-token');
      expect(await banner.textContent()).toBe('Liner was restarted with a new address. Open the URL that liner serve printed.');
    });
  });
});
