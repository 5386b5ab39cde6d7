import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

import { REPO_ROOT } from '../../support/temp.ts';

const BIN = path.join(REPO_ROOT, 'bin/liner.js');

/** Maximum wait for the URL line, in ms, because the first run builds the renderer. */
const START_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 30_000;

export interface ServeProcess {
  /** The printed page URL, with the token. */
  url: string;
  origin: string;
  token: string;
  child: ChildProcess;
  /** Everything the process wrote to stderr so far, for failure messages. */
  stderr(): string;
  /** Sends SIGTERM and resolves to the exit code; kills the process if it hangs. */
  stop(): Promise<number | null>;
}

/** Starts `liner serve` as a child process and waits for its URL; port 0 (the default) picks a free one. */
export function startServe(dbPath: string, env: NodeJS.ProcessEnv = {}, port = 0): Promise<ServeProcess> {
  const child = spawn(process.execPath, [BIN, 'serve', '--db', dbPath, '--port', String(port)], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));

  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const stop = async (): Promise<number | null> => {
    if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    const code = await exited;
    clearTimeout(timer);
    return code;
  };

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`liner serve printed no URL in ${START_TIMEOUT_MS} ms\nstderr: ${stderr}`));
    }, START_TIMEOUT_MS);

    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`liner serve exited with code ${code} before printing its URL\nstderr: ${stderr}`));
    });

    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = stdout.split('\n').find((candidate) => candidate.startsWith('http://'));
      if (!line) return;

      clearTimeout(timer);
      const url = new URL(line.trim());
      resolve({ url: url.toString(), origin: url.origin, token: url.searchParams.get('token') ?? '', child, stderr: () => stderr, stop });
    });
  });
}
