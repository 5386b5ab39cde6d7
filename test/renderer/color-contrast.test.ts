/**
 * Text contrast of the renderer's colour variables, read from styles.css, in
 * the light scheme and in the dark one. WCAG 2.2 requires 4.5:1 for body text (success criterion 1.4.3).
 */
import fs from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { REPO_ROOT } from '../support/temp.ts';

const CSS = fs.readFileSync(path.join(REPO_ROOT, 'src/renderer/styles.css'), 'utf8');
const MIN_CONTRAST = 4.5;

/** Reads the `--name: #rrggbb;` declarations of the first `:root { … }` block after `from`. */
function readVariables(from: number): Record<string, string> {
  const open = CSS.indexOf(':root {', from);
  const close = CSS.indexOf('}', open);
  const variables: Record<string, string> = {};
  for (const match of CSS.slice(open, close).matchAll(/(--[\w-]+):\s*(#[0-9a-f]{6})\s*;/gi)) {
    variables[match[1] ?? ''] = match[2] ?? '';
  }
  return variables;
}

const light = readVariables(0);
const dark = { ...light, ...readVariables(CSS.indexOf('@media (prefers-color-scheme: dark)')) };

function relativeLuminance(hex: string): number {
  const channels = [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16) / 255);
  const [red = 0, green = 0, blue = 0] = channels.map((value) => (value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4));
  return 0.2126 * red + 0.7152 * green + 0.0722 * blue;
}

function contrast(foreground: string, background: string): number {
  const [lighter, darker] = [relativeLuminance(foreground), relativeLuminance(background)].sort((a, b) => b - a);
  return ((lighter ?? 0) + 0.05) / ((darker ?? 0) + 0.05);
}

/** Text colours and the backgrounds they appear on: panels, the page, selected rows and banners. */
const PAIRS: [string, string][] = [
  ['--text', '--panel'],
  ['--text', '--bg'],
  ['--text', '--warning-bg'],
  ['--text', '--error-bg'],
  ['--muted', '--panel'],
  ['--muted', '--bg'],
  ['--muted', '--selected'],
  ['--matched', '--panel'],
  ['--matched', '--bg'],
  ['--matched', '--selected'],
  ['--failed', '--panel'],
  ['--failed', '--bg'],
  ['--failed', '--selected'],
  ['--failed', '--error-bg'],
  ['--warning-text', '--panel'],
  ['--warning-text', '--selected'],
  ['--accent', '--panel'],
];

describe.each([
  ['light', light],
  ['dark', dark],
])('%s scheme', (_scheme, variables) => {
  it.each(PAIRS)('%s on %s reaches 4.5:1', (foreground, background) => {
    const ratio = contrast(variables[foreground] ?? '', variables[background] ?? '');

    expect(ratio, `${variables[foreground]} on ${variables[background]}`).toBeGreaterThanOrEqual(MIN_CONTRAST);
  });
});
