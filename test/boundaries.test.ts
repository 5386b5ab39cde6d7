import path from 'node:path';

import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: root, overrideConfigFile: path.join(root, 'eslint.config.js') });

/** Lints one line as if it were a file at `file`, and returns the rules it broke. */
async function brokenRules(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const used = 1;\n`, { filePath: path.join(root, file) });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

const RESTRICTED = 'no-restricted-imports';

describe('process boundaries', () => {
  it.each([
    ['src/shared/bad.ts', "import { app } from 'electron';"],
    ['src/shared/bad.ts', "import { openDatabase } from '../main/core/db/connection.ts';"],
    ['src/shared/bad.ts', "import { x } from '../worker/port.ts';"],
    ['src/shared/bad.ts', "import { x } from '../renderer/liner-api.ts';"],
    ['src/shared/bad.ts', "import { x } from '../cli/main.ts';"],
    ['src/shared/bad.ts', "import { x } from '../preload/bridge.ts';"],
    ['src/renderer/bad.ts', "import fs from 'node:fs';"],
    ['src/renderer/bad.ts', "import path from 'path';"],
    ['src/renderer/bad.ts', "import { ipcRenderer } from 'electron';"],
    ['src/renderer/library/bad.ts', "import { listItems } from '../../main/core/items/item-list.ts';"],
    ['src/renderer/bad.ts', "import { x } from '../worker/port.ts';"],
    ['src/renderer/bad.ts', "import { x } from '../cli/main.ts';"],
    ['src/worker/enrichment/bad.ts', "import { x } from '../../main/core/logging.ts';"],
    ['src/worker/bad.ts', "import { x } from '../renderer/liner-api.ts';"],
    ['src/worker/bad.ts', "import { utilityProcess } from 'electron';"],
    ['src/main/core/bad.ts', "import { app } from 'electron';"],
    ['src/cli/bad.ts', "import { app } from 'electron';"],
    ['src/preload/bad.ts', "import fs from 'node:fs';"],
    ['src/preload/bad.ts', "import { x } from '../main/core/app-service.ts';"],
  ])('%s rejects %s', async (file, code) => {
    expect(await brokenRules(file, code)).toContain(RESTRICTED);
  });

  it.each([
    ['src/main/bad.ts', "import { app } from 'electron';"],
    ['src/preload/bad.ts', "import { contextBridge } from 'electron';"],
    ['src/renderer/bad.ts', "import { x } from '../shared/ipc-contract.ts';"],
    ['src/worker/bad.ts', "import fs from 'node:fs';"],
    ['src/cli/bad.ts', "import { x } from '../main/core/logging.ts';"],
    ['src/main/core/bad.ts', "import { x } from './app/event-hub.ts';"],
  ])('%s allows %s', async (file, code) => {
    expect(await brokenRules(file, code)).not.toContain(RESTRICTED);
  });
});
