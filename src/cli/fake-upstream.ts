import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

import { TSX_LOADER } from '../main/core/process/node-child.ts';
import { REPOSITORY_ROOT } from './repository.ts';

/** How long the fake server may take to print its URL, in ms. */
const START_TIMEOUT_MS = 30_000;

export interface FakeUpstream {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts the project's fake T2Tunes server as a child process on a free
 * 127.0.0.1 port and resolves once it prints the URL it listens on.
 */
export function startFakeUpstream(catalogPath: string): Promise<FakeUpstream> {
  const entry = path.join(REPOSITORY_ROOT, 'test/support/fake-t2tunes/cli.ts');
  const child = spawn(process.execPath, ['--import', TSX_LOADER, entry, '--catalog', catalogPath, '--port', '0'], {
    cwd: REPOSITORY_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });

  return new Promise((resolve, reject) => {
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => fail(new Error(`the fake T2Tunes server did not start within ${START_TIMEOUT_MS / 1000} s`)), START_TIMEOUT_MS);

    function fail(error: Error): void {
      clearTimeout(timer);
      child.kill();
      reject(new Error(`${error.message}${stderr ? `\n${stderr.trim()}` : ''}`));
    }

    child.once('exit', (code) => fail(new Error(`the fake T2Tunes server exited with code ${code}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const url = line.trim();
      if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(url)) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({ url, stop: () => stopChild(child) });
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
