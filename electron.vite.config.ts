import { resolve } from 'node:path';

import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

import { cspMetaPlugin } from './src/main/core/serve/csp-meta-plugin.ts';

const root = import.meta.dirname;

/**
 * Builds the desktop app into `out/`:
 * - `out/main/index.js`, plus the utility-process entries at
 *   `out/main/worker/enrichment.js` and `out/main/worker/scanner.js`, where
 *   `src/main/utility-child.ts` looks for them;
 * - `out/preload/index.cjs`, CommonJS because a sandboxed preload cannot be
 *   an ES module;
 * - `out/renderer/`, the React app, with the Content-Security-Policy in a
 *   `<meta>` tag because a page loaded from file:// gets no response headers.
 * Dependencies stay external in main (electron-vite's default); better-sqlite3
 * is a native module and must never be bundled.
 */
export default defineConfig({
  main: {
    build: {
      externalizeDeps: true,
      rollupOptions: {
        input: {
          index: resolve(root, 'src/main/index.ts'),
          'worker/enrichment': resolve(root, 'src/worker/enrichment/entry.ts'),
          'worker/scanner': resolve(root, 'src/worker/scanner/entry.ts'),
        },
        external: ['better-sqlite3'],
      },
    },
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve(root, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src/renderer'),
    plugins: [react(), cspMetaPlugin()],
    build: {
      rollupOptions: {
        input: { index: resolve(root, 'src/renderer/index.html') },
      },
    },
  },
});
