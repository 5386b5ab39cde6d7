/**
 * The renderer in Chromium, driven through `liner serve` (a real child
 * process on a temporary database) against the fake T2Tunes server on
 * 127.0.0.1. The steps run in order and share the one page: each builds on
 * the state the previous one left, as a user's session would.
 */
import fs from 'node:fs';
import path from 'node:path';

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startFakeT2Tunes, type FakeT2Tunes } from '../support/fake-t2tunes/server.ts';
import { runLiner } from '../support/liner-cli.ts';
import { CORPUS_DIR, makeTempDir, removeTempDir } from '../support/temp.ts';
import { launchBrowser, openPage, saveScreenshot } from './support/browser.ts';
import { startServe, type ServeProcess } from './support/serve-process.ts';

const LIBRARY = path.join(CORPUS_DIR, 'library');
const CATALOG = path.join(CORPUS_DIR, 'catalog.json');

/**
 * A first outage back-off of a minute: the countdown visibly ticks, and
 * within the test's waits only "Check now" can end the outage, so the
 * recovery step fails if the button does nothing.
 */
const TEST_SETTINGS: Record<string, string> = {
  'amazon.outage.initialDelayMs': '60000',
  'amazon.outage.maxDelayMs': '120000',
};

/** Maximum wait for a state the UI reaches on its own, in ms; generous for slow CI machines. */
const UI_TIMEOUT_MS = 30_000;

let dir: string;
let dbPath: string;
let fake: FakeT2Tunes;
let serve: ServeProcess;
let browser: Browser;
let page: Page;
/** Console messages about the Content-Security-Policy; a violation means the bundle needs something the policy forbids. */
const policyMessages: string[] = [];

/** Returns an album ASIN from the fake catalog, for the manual match. */
function catalogAlbumAsin(): string {
  const catalog = JSON.parse(fs.readFileSync(CATALOG, 'utf8')) as { albums: { asin: string }[] };
  const asin = catalog.albums[0]?.asin;
  if (!asin) throw new Error(`${CATALOG} has no albums`);
  return asin;
}

function badge(): ReturnType<Page['locator']> {
  return page.locator('.enrichment-panel .panel-head .badge');
}

async function openScreen(name: 'Enrichment' | 'Library' | 'Settings', target: Page = page): Promise<void> {
  // The Settings button adds "(unsaved changes)" to its name while a draft is pending.
  await target.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: new RegExp(`^${name}`) }).click();
}

/** Returns an attribute of the focused element. */
function focusedAttribute(target: Page, name: string): Promise<string | null> {
  return target.evaluate((attribute) => document.activeElement?.getAttribute(attribute) ?? null, name);
}

/** Reads the number of attempted items from the progress bar of an entity type. */
async function attempted(entity: 'artists' | 'albums' | 'tracks'): Promise<number> {
  const value = await page.locator(`[data-entity="${entity}"] [role="progressbar"]`).getAttribute('aria-valuenow');
  return Number(value);
}

/**
 * Returns the animation of a running scan bar under the page's stylesheet.
 * A real scan of the corpus ends too fast to catch, so this adds a bar.
 */
function runningScanBarAnimation(): Promise<string> {
  return page.evaluate(() => {
    const bar = document.createElement('div');
    bar.className = 'scan-bar scan-bar-running';
    document.body.append(bar);
    const name = getComputedStyle(bar, '::after').animationName;
    bar.remove();
    return name;
  });
}

beforeAll(async () => {
  dir = makeTempDir('liner-serve-ui-');
  dbPath = path.join(dir, 'liner.db');
  const env = { LINER_LOG_FILE: path.join(dir, 'liner.log') };

  for (const [key, value] of Object.entries(TEST_SETTINGS)) {
    const result = await runLiner(['config', 'set', key, value, '--db', dbPath], env);
    expect(result.code, result.stderr).toBe(0);
  }

  fake = await startFakeT2Tunes({ catalogPath: CATALOG });
  serve = await startServe(dbPath, env);
  browser = await launchBrowser();
  page = await openPage(browser);
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) policyMessages.push(message.text());
  });
  await page.goto(serve.url);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await serve?.stop();
  await fake?.close();
  removeTempDir(dir);
});

describe('liner serve in Chromium', () => {
  it('shows What is new once', async () => {
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.isVisible(), { timeout: UI_TIMEOUT_MS }).toBe(true);
    await saveScreenshot(page, 'whats-new');

    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
  });

  it('adds a library folder and scans it', async () => {
    await openScreen('Library');
    await page.getByLabel('Music folder').fill(LIBRARY);
    await page.getByRole('button', { name: 'Add folder', exact: true }).click();

    await page.locator('.scan-progress[data-phase="finished"]').waitFor({ timeout: UI_TIMEOUT_MS });
    await expect.poll(() => page.locator('.item-rows .item-row').count(), { timeout: UI_TIMEOUT_MS }).toBeGreaterThan(0);
    await saveScreenshot(page, 'library-view');
  });

  it('focuses the new library tab', async () => {
    expect(await focusedAttribute(page, 'data-library-id')).not.toBeNull();
  });

  it('reports the files read in plural', async () => {
    const text = await page.locator('.scan-text').textContent();
    expect(text).toMatch(/Scan finished: \d+ files read, \d+ files checked/);
  });

  it('marks items not enriched while Amazon is off', async () => {
    const status = page.locator('.item-rows .item-row .cell-status').first();
    await expect.poll(() => status.textContent(), { timeout: UI_TIMEOUT_MS }).toBe('Not enriched');
  });

  it('says above the table that Amazon is off', async () => {
    expect(await page.getByTestId('enrichment-off-notice').isVisible()).toBe(true);
  });

  it('says an unchanged rescan changed nothing', async () => {
    await page.getByRole('button', { name: 'Rescan', exact: true }).click();

    const progress = page.locator('.scan-text');
    await expect.poll(() => progress.textContent(), { timeout: UI_TIMEOUT_MS }).toMatch(/^Scan finished: no new or changed files \(\d+ files checked\)$/);
  });

  it('animates the running scan bar', async () => {
    expect(await runningScanBarAnimation()).toBe('scan-slide');
  });

  it('stills the scan bar for reduced motion', async () => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const animation = await runningScanBarAnimation();
    await page.emulateMedia({ reducedMotion: null });

    expect(animation).toBe('none');
  });

  it('moves focus into the folder field on Add folder', async () => {
    await page.getByRole('button', { name: '+ Add folder', exact: true }).click();

    expect(await focusedAttribute(page, 'placeholder')).toBe('/home/me/Music');
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  });

  it('rejects an invalid base URL in Settings', async () => {
    await openScreen('Settings');
    await page.getByLabel('T2Tunes base URL').fill('ftp://example.org');
    await page.getByRole('button', { name: 'Save', exact: true }).click();

    const error = page.locator('#base-url-error');
    await expect.poll(() => error.textContent()).toContain('only http and https');
  });

  it('tests the connection to the fake server', async () => {
    await page.getByLabel('T2Tunes base URL').fill(fake.url);
    await page.getByRole('button', { name: 'Test connection' }).click();

    const result = page.getByTestId('connection-result');
    await result.waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await result.getAttribute('class')).toBe('success');
  });

  it('notes the switch uses the saved base URL', async () => {
    expect(await page.getByTestId('unsaved-base-url').isVisible()).toBe(true);
  });

  it('clears the test result when the URL changes', async () => {
    await page.getByLabel('T2Tunes base URL').fill(`${fake.url}/other`);

    expect(await page.getByTestId('connection-result').count()).toBe(0);
    await page.getByLabel('T2Tunes base URL').fill(fake.url);
  });

  it('clears the test result when the URL is invalid', async () => {
    await page.getByRole('button', { name: 'Test connection' }).click();
    await page.getByTestId('connection-result').waitFor({ timeout: UI_TIMEOUT_MS });
    await page.getByLabel('T2Tunes base URL').fill('ftp://example.org');
    await page.getByRole('button', { name: 'Test connection' }).click();

    await page.locator('#base-url-error').waitFor();
    expect(await page.getByTestId('connection-result').count()).toBe(0);
    await page.getByLabel('T2Tunes base URL').fill(fake.url);
  });

  it('saves the settings and enables Amazon', async () => {
    await page.getByLabel('Request rate (requests per second)').fill('2');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved.').waitFor();
    expect(await page.getByTestId('unsaved-base-url').count()).toBe(0);

    const toggle = page.getByRole('switch', { name: 'Enrich with Amazon Music (via T2Tunes)' });
    expect(await toggle.isChecked()).toBe(false);
    await toggle.click();
    await expect.poll(() => toggle.isChecked()).toBe(true);
    await saveScreenshot(page, 'settings');
  });

  it('keeps an unsaved edit across screens', async () => {
    await page.getByLabel('Country').fill('GB');
    await openScreen('Enrichment');
    await openScreen('Settings');

    expect(await page.getByLabel('Country').inputValue()).toBe('GB');
  });

  it('asks before unloading with unsaved edits', async () => {
    const vetoed = await page.evaluate(() => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    });
    expect(vetoed).toBe(true);
  });

  it('saves only the changed field', async () => {
    const other = await openPage(browser);
    await other.goto(serve.url);
    await other.getByRole('dialog').waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
    await openScreen('Settings', other);
    await other.getByLabel('Request rate (requests per second)').fill('3');
    await other.getByRole('button', { name: 'Save', exact: true }).click();
    await other.getByText('Saved.').waitFor();
    await other.close();

    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved.').waitFor();
    const saved = await page.evaluate(() => window.liner?.getSourceSettings('amazon'));
    expect(saved?.requestsPerSecond).toBe(3);
  });

  it('shows the saved values after a save', async () => {
    expect(await page.getByLabel('Request rate (requests per second)').inputValue()).toBe('3');
  });

  it('shows enrichment progress moving', async () => {
    await openScreen('Enrichment');
    await expect.poll(() => badge().getAttribute('data-state'), { timeout: UI_TIMEOUT_MS }).toBe('running');

    const before = (await attempted('artists')) + (await attempted('albums'));
    await expect.poll(async () => (await attempted('artists')) + (await attempted('albums')), { timeout: UI_TIMEOUT_MS }).toBeGreaterThan(before);
    await saveScreenshot(page, 'enrichment-running');
  });

  it('shows the rate-limit banner', async () => {
    await fake.setFault({ mode: { kind: 'rate_limited', retryAfterSeconds: 5 } });

    await page.getByTestId('rate-limit-banner').waitFor({ timeout: UI_TIMEOUT_MS });
    await saveScreenshot(page, 'rate-limit-banner');
    expect(await badge().getAttribute('data-state')).toBe('rate_limited');
  });

  it('offers no Check now while rate limited', async () => {
    expect(await page.getByRole('button', { name: 'Check now' }).count()).toBe(0);
  });

  it('counts down to the end of the rate limit', async () => {
    expect(await page.getByTestId('rate-limit-countdown').textContent()).toMatch(/^\d+ s$|^Resuming…$/);
  });

  it('resumes by itself after the rate limit', async () => {
    await fake.clearFaults();

    await page.getByTestId('rate-limit-banner').waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
    expect(await page.getByTestId('outage-banner').count()).toBe(0);
  });

  it('shows the outage banner with a countdown', async () => {
    await fake.setFault({ mode: { kind: 'not_initialized' } });

    const banner = page.getByTestId('outage-banner');
    await banner.waitFor({ timeout: UI_TIMEOUT_MS });
    expect(await badge().getAttribute('data-state')).toBe('outage');
    expect(await banner.locator('.last-error').textContent()).toContain('not initialized');

    const countdown = page.getByTestId('outage-countdown');
    const first = await countdown.textContent();
    await expect.poll(() => countdown.textContent(), { timeout: UI_TIMEOUT_MS }).not.toBe(first);
    await saveScreenshot(page, 'outage-banner');
  });

  it('keeps the current item out of live regions', async () => {
    const live = await page.getByTestId('current-item').evaluate((element) => element.closest('[role="alert"], [role="status"], [aria-live]') !== null);
    expect(live).toBe(false);
  });

  it('keeps the outage countdown out of live regions', async () => {
    const countdown = page.getByTestId('outage-countdown');
    const live = await countdown.evaluate((element) => element.closest('[role="alert"], [role="status"], [aria-live]') !== null);
    expect(live).toBe(false);
  });

  it('resumes after Check now', async () => {
    await fake.clearFaults();
    await page.getByRole('button', { name: 'Check now' }).click();

    await page.getByTestId('outage-banner').waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
    expect(['running', 'idle']).toContain(await badge().getAttribute('data-state'));
  });

  it('pins albums to go first', async () => {
    const albums = page.getByRole('group', { name: 'Match first' }).getByRole('radio', { name: 'Albums' });
    await albums.click();
    await expect.poll(() => albums.isChecked(), { timeout: UI_TIMEOUT_MS }).toBe(true);
  });

  it('stays paused after a reload', async () => {
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await expect.poll(() => badge().getAttribute('data-state'), { timeout: UI_TIMEOUT_MS }).toBe('paused');

    await page.reload();
    await expect.poll(() => badge().getAttribute('data-state'), { timeout: UI_TIMEOUT_MS }).toBe('paused');
    expect(await page.getByRole('button', { name: 'Resume', exact: true }).isVisible()).toBe(true);
    await saveScreenshot(page, 'paused');
  });

  it('keeps the pin after a reload', async () => {
    const albums = page.getByRole('group', { name: 'Match first' }).getByRole('radio', { name: 'Albums' });
    expect(await albums.isChecked()).toBe(true);
  });

  it('does not show What is new again', async () => {
    expect(await page.getByRole('dialog').count()).toBe(0);
  });

  it('filters the library to unmatched', async () => {
    await openScreen('Library');
    await page.getByRole('button', { name: 'Tracks', exact: true }).click();
    await page.getByLabel('Filter by match status').selectOption('unmatched');

    const statuses = page.locator('.item-rows .item-row .cell-status');
    await expect.poll(() => statuses.count(), { timeout: UI_TIMEOUT_MS }).toBeGreaterThan(0);
    expect(await statuses.allTextContents()).not.toContain('Matched');
  });

  it('sets a manual ASIN from the detail panel', async () => {
    await page.getByRole('button', { name: 'Albums', exact: true }).click();
    await page.getByLabel('Filter by match status').selectOption('all');
    await page.locator('.item-rows .item-row').first().click();
    const panel = page.getByTestId('detail-panel');
    await panel.getByTestId('detail-status').waitFor({ timeout: UI_TIMEOUT_MS });

    const field = panel.getByRole('textbox');
    await field.fill('not-an-asin');
    await panel.getByRole('button', { name: 'Set ASIN' }).click();
    await expect.poll(() => panel.getByRole('alert').textContent()).toContain('invalid album ASIN');

    const asin = catalogAlbumAsin();
    await field.fill(asin.toLowerCase());
    await panel.getByRole('button', { name: 'Set ASIN' }).click();
    // Enrichment is paused, so the worker has not refreshed the ASIN yet.
    await expect.poll(() => panel.getByTestId('detail-asin').textContent(), { timeout: UI_TIMEOUT_MS }).toBe(asin);
    expect(await panel.getByTestId('detail-status').textContent()).toBe('Manual, refresh pending');
    await saveScreenshot(page, 'detail-panel');
  });

  it('moves the selection with arrow keys', async () => {
    await page.locator('.item-rows .item-row[data-index="0"]').click();
    await page.keyboard.press('ArrowDown');

    const second = page.locator('.item-rows .item-row[data-index="1"]');
    await expect.poll(() => second.getAttribute('aria-selected')).toBe('true');
    expect(await page.evaluate("document.activeElement?.getAttribute('data-index')")).toBe('1');
  });

  it('closes the panel on Escape', async () => {
    await page.keyboard.press('Escape');

    await page.getByTestId('detail-panel').waitFor({ state: 'detached' });
  });

  it('returns focus to the row after closing', async () => {
    await page.locator('.item-rows .item-row[data-index="0"]').click();
    await page.getByRole('button', { name: 'Close the detail panel' }).focus();
    await page.keyboard.press('Escape');

    await page.getByTestId('detail-panel').waitFor({ state: 'detached' });
    expect(await focusedAttribute(page, 'data-index')).toBe('0');
  });

  it('gives cut-off cells a tooltip', async () => {
    const cell = page.locator('.item-rows .item-row[data-index="0"] .cell-name');
    expect(await cell.getAttribute('title')).toBe(await cell.textContent());
  });

  describe('at 200 % zoom', () => {
    let zoomed: Page;

    beforeAll(async () => {
      zoomed = await openPage(browser, 2);
      await zoomed.goto(serve.url);
      await zoomed.locator('.enrichment-panel .badge').waitFor({ timeout: UI_TIMEOUT_MS });
      await saveScreenshot(zoomed, 'enrichment-200-percent');

      await openScreen('Library', zoomed);
      await zoomed.getByRole('button', { name: 'Tracks', exact: true }).click();
      await zoomed.locator('.item-rows .item-row').first().waitFor({ timeout: UI_TIMEOUT_MS });
      await saveScreenshot(zoomed, 'library-200-percent');
    });

    afterAll(async () => {
      await zoomed?.close();
    });

    it('does not widen the page', async () => {
      const overflow = await zoomed.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
      expect(overflow).toBe(0);
    });

    it('scrolls the track columns sideways', async () => {
      const scroll = zoomed.getByTestId('item-scroll');
      const hidden = await scroll.evaluate((element) => element.scrollWidth - element.clientWidth);
      expect(hidden).toBeGreaterThan(0);
    });

    it('keeps the header over its column', async () => {
      await zoomed.getByTestId('item-scroll').evaluate((element) => {
        element.scrollLeft = element.scrollWidth;
      });

      const head = await zoomed.locator('.item-head .cell-status').boundingBox();
      const cell = await zoomed.locator('.item-rows .item-row[data-index="0"] .cell-status').boundingBox();
      expect(head?.x).toBe(cell?.x);
    });

    it('spans the selection across the whole row', async () => {
      const row = zoomed.locator('.item-rows .item-row[data-index="0"]');
      await row.click();
      await expect.poll(() => row.getAttribute('aria-selected')).toBe('true');

      const rowWidth = await row.evaluate((element) => element.getBoundingClientRect().width);
      const scrollWidth = await zoomed.getByTestId('item-scroll').evaluate((element) => element.scrollWidth);
      expect(rowWidth).toBe(scrollWidth);
    });

    it('moves focus to the detail panel on click', async () => {
      await expect.poll(() => focusedAttribute(zoomed, 'data-testid')).toBe('detail-panel');
    });

    it('scrolls the detail panel into view', async () => {
      const top = await zoomed.getByTestId('detail-panel').evaluate((element) => element.getBoundingClientRect().top);
      const viewportHeight = await zoomed.evaluate(() => window.innerHeight);
      expect(top).toBeGreaterThanOrEqual(0);
      expect(top).toBeLessThan(viewportHeight);
      await saveScreenshot(zoomed, 'detail-panel-200-percent');
    });

    it('returns focus to the row on Escape', async () => {
      await zoomed.keyboard.press('Escape');

      await zoomed.getByTestId('detail-panel').waitFor({ state: 'detached' });
      expect(await focusedAttribute(zoomed, 'data-index')).toBe('0');
    });
  });

  it('logs no policy violation', () => {
    expect(policyMessages).toEqual([]);
  });
});
