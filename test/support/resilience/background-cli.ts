import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

import type { CliRun } from '../liner-cli.ts';
import { REPO_ROOT } from '../temp.ts';

export interface BackgroundLiner {
  child: ChildProcess;
  /** Resolves when the process exits, with its output. */
  exited: Promise<CliRun>;
}

/** Starts the real `liner` command without waiting for it; the test stops or awaits it. */
export function startLiner(args: string[], env: NodeJS.ProcessEnv): BackgroundLiner {
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin/liner.js'), ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<CliRun>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
  return { child, exited };
}

/** Reports whether a process with this pid still exists. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
