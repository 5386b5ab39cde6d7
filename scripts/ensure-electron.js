#!/usr/bin/env node
// Downloads the Electron binary on first `npm start`. package.json denies
// Electron's install script (allowScripts) so that `npm ci` succeeds on
// machines that reach only the npm registry; the desktop app needs the
// binary, so it is fetched here, once, when someone actually launches it.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const electronDir = path.dirname(require.resolve('electron/package.json'));

try {
  // electron's index.js throws when the binary is missing.
  require('electron');
  process.exit(0);
} catch {
  console.error('Downloading the Electron binary (first start only)…');
  const result = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('Could not download Electron. Check your network, or run the UI in a browser with `npx liner serve`.');
  }
  process.exit(result.status ?? 1);
}
