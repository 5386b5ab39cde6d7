import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

import { REPO_ROOT } from './paths.ts';

const LINER_BIN = path.join(REPO_ROOT, 'bin/liner.js');

export interface LinerRun {
  child: ChildProcess;
  pid: number;
  /** Resolves when the process exits, with its output. */
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

/**
 * Starts the real `liner` command as a child process, as a user runs it.
 * `timeoutMs` bounds the run: the process is killed and `done` rejects.
 */
export function startLiner(args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): LinerRun {
  const child = spawn(process.execPath, [LINER_BIN, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) throw new Error(`could not start liner ${args.join(' ')}`);

  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));

  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`liner ${args.join(' ')} did not finish in ${timeoutMs / 1000} s\nstderr: ${stderr}`));
    }, timeoutMs);
    child.once('error', reject);
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
  return { child, pid: child.pid, done };
}

/** Runs `liner` to the end and returns its stdout; rejects with stderr when it exits non-zero. */
export async function runLiner(args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<string> {
  const result = await startLiner(args, env, timeoutMs).done;
  if (result.code !== 0) throw new Error(`liner ${args.join(' ')} exited with ${result.code ?? result.signal}: ${result.stderr}`);
  return result.stdout;
}
