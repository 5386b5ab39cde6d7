import fs from 'node:fs';
import path from 'node:path';

import { chromium, type Browser, type Page } from 'playwright-core';

import { REPO_ROOT } from '../../support/temp.ts';

/** Debian's Chromium; CI installs the `chromium` package. */
const CHROMIUM = '/usr/bin/chromium';

/** Screenshots of the main screens, for people to look at; the folder is git-ignored. */
export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test-results/screenshots');

/**
 * Launches headless Chromium. The host resolver rule fails every name but
 * 127.0.0.1, so cover images on Amazon's CDN never leave the machine.
 */
export function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing; install it with apt-get install chromium`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
  });
}

/** Opens a 1280×800 page that may load nothing from outside 127.0.0.1. */
export async function openPage(browser: Browser, zoom = 1): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: Math.round(1280 / zoom), height: Math.round(800 / zoom) }, deviceScaleFactor: zoom });
  await page.route(/^(?!http:\/\/127\.0\.0\.1[:/]|ws:\/\/127\.0\.0\.1[:/])/, (route) => route.abort());
  return page;
}

export async function saveScreenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}
