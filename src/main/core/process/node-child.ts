import { fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import type { ChildLauncher, ChildProcessHandle, WorkerEntry } from './child.ts';

/**
 * tsx's loader as an absolute URL: a bare `--import tsx` is resolved from the
 * child's working folder, which fails when `liner` runs outside the checkout.
 */
export const TSX_LOADER = import.meta.resolve('tsx');

const SOURCE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Source files of each worker entry, run through tsx under plain Node. */
export const NODE_WORKER_ENTRIES: Record<WorkerEntry, string> = {
  enrichment: path.join(SOURCE_ROOT, 'worker/enrichment/entry.ts'),
  scanner: path.join(SOURCE_ROOT, 'worker/scanner/entry.ts'),
};

/**
 * Forks a worker as a Node child with an IPC channel and structured-clone
 * serialization, the same message semantics as an Electron utility process.
 */
export const launchNodeChild: ChildLauncher = <Outgoing, Incoming>(entry: WorkerEntry) => {
  const child = fork(NODE_WORKER_ENTRIES[entry], [], {
    execArgv: ['--import', TSX_LOADER],
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });

  let exited = false;
  const handle: ChildProcessHandle<Outgoing, Incoming> = {
    pid: child.pid,
    send(message) {
      if (!exited && child.connected) child.send(message as object);
    },
    onMessage(listener) {
      child.on('message', (message) => listener(message as Incoming));
    },
    onExit(listener) {
      child.once('exit', (code, signal) => listener(code, signal));
    },
    kill() {
      if (!exited) child.kill('SIGKILL');
    },
  };
  child.once('exit', () => {
    exited = true;
  });
  return handle;
};
