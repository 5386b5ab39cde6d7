import type Database from 'better-sqlite3';

import type { LibrarySummary } from '../../../shared/ipc-contract.ts';
import { IpcError } from '../../../shared/ipc-error.ts';
import { removeLibraryRows } from '../library/library-removal.ts';
import type { Logger } from '../logging.ts';

export interface LibraryRemovalsOptions {
  db: Database.Database;
  logger: Logger;
  /** True while a scan of the library runs; such a library cannot be removed. */
  isScanning(libraryId: number): boolean;
  /** Called after each removal, so the status (its match counts) can go out again. */
  onRemoved(): void;
}

/**
 * The library removals the app service started: at most one per library.
 * A removal deletes database rows only, never audio files.
 */
export class LibraryRemovals {
  private readonly options: LibraryRemovalsOptions;
  private readonly running = new Map<number, Promise<void>>();

  constructor(options: LibraryRemovalsOptions) {
    this.options = options;
  }

  isRemoving(libraryId: number): boolean {
    return this.running.has(libraryId);
  }

  /**
   * Removes the library, or joins its removal when one already runs.
   * Rejects with an `IpcError` while the library is being scanned.
   */
  remove(library: LibrarySummary): Promise<void> {
    if (this.options.isScanning(library.id)) {
      const message = `library ${library.id} (${library.rootPath}) is being scanned; remove it after the scan has finished`;
      return Promise.reject(new IpcError('failed', message));
    }

    const running = this.running.get(library.id);
    if (running) return running;

    const removal = this.run(library).finally(() => this.running.delete(library.id));
    this.running.set(library.id, removal);
    return removal;
  }

  /** Waits for every running removal to end, failed or not. */
  async close(): Promise<void> {
    await Promise.allSettled(this.running.values());
  }

  private async run(library: LibrarySummary): Promise<void> {
    const { logger } = this.options;
    logger.info({ libraryId: library.id, rootPath: library.rootPath }, 'library removal started');

    try {
      const removed = await removeLibraryRows(this.options.db, library.id);
      logger.info({ libraryId: library.id, rootPath: library.rootPath, removed }, 'library removed; audio files were not touched');
    } catch (error) {
      logger.error({ err: error, libraryId: library.id, rootPath: library.rootPath }, 'library removal failed');
      throw error;
    }
    this.options.onRemoved();
  }
}
