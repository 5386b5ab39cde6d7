import type Database from 'better-sqlite3';

import type { Logger } from '../logging.ts';
import type { ChildLauncher } from '../process/child.ts';
import { scanLibrary } from '../scan-service.ts';
import type { ScanRunner } from './scan-runs.ts';

export interface LibraryScanRunnerOptions {
  db: Database.Database;
  /** Starts the scanner process. */
  launcher: ChildLauncher;
  logger: Logger;
  /** Called after each batch that added rows, so enrichment picks them up during a long scan. */
  onItemsAdded(): void;
}

/** Builds the scan runner on the scan service: one scanner process per scan. */
export function createLibraryScanRunner(options: LibraryScanRunnerOptions): ScanRunner {
  return async (request) => {
    await scanLibrary({
      db: options.db,
      launcher: options.launcher,
      folder: request.folder,
      logger: options.logger,
      signal: request.signal,
      onProgress: request.onProgress,
      onItemsAdded: () => options.onItemsAdded(),
    });
  };
}
