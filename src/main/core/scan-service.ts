import type Database from 'better-sqlite3';

import { DEFAULT_SCAN_BATCH_SIZE, type ScannerMessage, type ScannerRequest } from '../../shared/scan-protocol.ts';
import type { ItemsAdded, ScanProgressEvent, ScanSummary } from '../../shared/scan-summary.ts';
import { ensureLibrary, type LibraryRecord } from './library/library-store.ts';
import { resolveScanFolder } from './library/scan-folder.ts';
import { ScanRun } from './library/scan-run.ts';
import { silentLogger, type Logger } from './logging.ts';
import type { ChildLauncher, ChildProcessHandle } from './process/child.ts';

export interface ScanLibraryOptions {
  db: Database.Database;
  /** Starts the scanner process: `launchNodeChild` under Node, a utility process in Electron. */
  launcher: ChildLauncher;
  /** The library folder; created as a library row on its first scan. */
  folder: string;
  logger?: Logger;
  /** Aborting stops the scanner; tracks written so far stay, nothing is removed. */
  signal?: AbortSignal;
  /** Files per batch and per write transaction. */
  batchSize?: number;
  onProgress?: (progress: ScanProgressEvent) => void;
  /** Called after each batch that inserted rows, so the enrichment worker can wake up. */
  onItemsAdded?: (items: ItemsAdded) => void;
  /** Called before the scanner starts, so the host can pause enrichment for the length of the scan. */
  onStart?: (library: LibraryRecord) => void;
  /** Called once when the scan ends, whether it succeeded or not, so the host can resume enrichment. */
  onFinish?: (library: LibraryRecord, outcome: { summary: ScanSummary } | { error: Error }) => void;
}

/**
 * Scans one library folder: starts the scanner process, writes the tracks it
 * reads in one transaction per batch, removes tracks whose files are gone,
 * and resolves to the summary. Unchanged files (same path, size and mtime)
 * are not parsed again.
 *
 * Rejects with a ScanFolderError when the folder is missing or not a folder
 * (before any write), with an AbortError when `signal` aborts, and with an
 * Error when the scanner process fails or the database rejects a write.
 */
export async function scanLibrary(options: ScanLibraryOptions): Promise<ScanSummary> {
  options.signal?.throwIfAborted();
  const rootPath = resolveScanFolder(options.folder);
  const library = ensureLibrary(options.db, rootPath);
  const logger = (options.logger ?? silentLogger()).child({ scope: 'scan', libraryId: library.id });

  options.onStart?.(library);
  logger.info({ rootPath }, 'scan started');

  const run = new ScanRun(options.db, library, { onProgress: options.onProgress, onItemsAdded: options.onItemsAdded });
  run.emitProgress('started');

  try {
    await driveScanner(run, rootPath, options);
    const summary = run.finish();
    logScanEnd(logger, summary);
    run.emitProgress('finished');
    options.onFinish?.(library, { summary });
    return summary;
  } catch (caught) {
    const error = caught instanceof Error ? caught : new Error(String(caught));
    logger.error({ rootPath, err: error }, 'scan failed');
    run.emitProgress('failed', error.message);
    options.onFinish?.(library, { error });
    throw error;
  }
}

/** Runs the scanner process until it reports `done`, feeding each message to the run. */
function driveScanner(run: ScanRun, rootPath: string, options: ScanLibraryOptions): Promise<void> {
  const scanner: ChildProcessHandle<ScannerRequest, ScannerMessage> = options.launcher('scanner');

  return new Promise<void>((resolve, reject) => {
    let settled = false;
    const settle = (error?: Error) => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', onAbort);
      scanner.kill();
      if (error) reject(error);
      else resolve();
    };
    const onAbort = () => settle(abortError(rootPath));

    scanner.onMessage((message) => {
      if (settled) return;
      try {
        if (run.handle(message, scanner)) settle();
      } catch (error) {
        settle(error instanceof Error ? error : new Error(String(error)));
      }
    });
    scanner.onExit((code, signal) => {
      settle(new Error(`The scanner process ended before the scan finished (exit code ${code}, signal ${signal}).`));
    });
    options.signal?.addEventListener('abort', onAbort, { once: true });
    if (options.signal?.aborted) {
      onAbort();
      return;
    }

    scanner.send({ type: 'start', root: rootPath, batchSize: options.batchSize ?? DEFAULT_SCAN_BATCH_SIZE });
  });
}

function abortError(rootPath: string): Error {
  const error = new Error(`The scan of ${rootPath} was cancelled.`);
  error.name = 'AbortError';
  return error;
}

function logScanEnd(logger: Logger, summary: ScanSummary): void {
  const { unreadable, ...counts } = summary;
  logger.info({ ...counts, unreadable: unreadable.length }, 'scan finished');
  for (const entry of unreadable) logger.debug(entry, 'file could not be read');
}
