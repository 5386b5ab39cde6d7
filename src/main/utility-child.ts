import path from 'node:path';

import { utilityProcess, type UtilityProcess } from 'electron';

import type { Logger } from './core/logging.ts';
import type { ChildLauncher, ChildProcessHandle, WorkerEntry } from './core/process/child.ts';

/**
 * Built files of each worker entry, relative to the folder of the built main
 * bundle (`out/main`); `electron.vite.config.ts` emits them there.
 */
export const UTILITY_WORKER_FILES: Record<WorkerEntry, string> = {
  enrichment: 'worker/enrichment.js',
  scanner: 'worker/scanner.js',
};

export interface UtilityLauncherOptions {
  /** The folder of the built main bundle. */
  bundleFolder: string;
  logger: Logger;
  /** `utilityProcess.fork`; tests pass their own. */
  fork?: typeof utilityProcess.fork;
}

function wrap<Outgoing, Incoming>(child: UtilityProcess, entry: WorkerEntry, logger: Logger): ChildProcessHandle<Outgoing, Incoming> {
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  child.on('error', (type, location) => {
    logger.error({ entry, pid: child.pid, type, location }, 'utility process hit a fatal error');
  });

  return {
    get pid() {
      return child.pid;
    },
    send(message) {
      // A message to a process that has exited is dropped. The worker's owner
      // learns of the exit from `onExit` and decides on a restart.
      if (!exited) child.postMessage(message);
    },
    onMessage(listener) {
      child.on('message', (message: unknown) => listener(message as Incoming));
    },
    onExit(listener) {
      // A utility process reports only an exit code; a crash shows as a non-zero code.
      child.once('exit', (code: number) => listener(code, null));
    },
    kill() {
      if (!exited) child.kill();
    },
  };
}

/**
 * Starts worker entries as Electron utility processes. Each call forks a new
 * process; restarting a crashed worker is left to its owner (the enrichment
 * controller), which calls the launcher again.
 */
export function createUtilityLauncher(options: UtilityLauncherOptions): ChildLauncher {
  const fork = options.fork ?? ((modulePath, args, forkOptions) => utilityProcess.fork(modulePath, args, forkOptions));
  const logger = options.logger.child({ scope: 'utility' });

  return <Outgoing, Incoming>(entry: WorkerEntry) => {
    const file = path.join(options.bundleFolder, UTILITY_WORKER_FILES[entry]);
    // NOTE: the workers are built as ES modules, like main. Starting them in a
    // real utility process is untested because no Electron binary was available.
    const child = fork(file, [], { serviceName: `Liner ${entry}`, stdio: 'inherit' });
    logger.info({ entry, file, pid: child.pid }, 'utility process started');
    return wrap<Outgoing, Incoming>(child, entry, logger);
  };
}
