import type { ScanProgress } from '../../../shared/ipc-contract.ts';
import type { Logger } from '../logging.ts';

/** One scan the app service requests. */
export interface ScanRequest {
  libraryId: number;
  /** The library's root folder, resolved. */
  folder: string;
  /** Aborted when the app shuts down; the scan should stop after its current batch. */
  signal: AbortSignal;
  onProgress(progress: ScanProgress): void;
}

/** Runs one scan to its end; rejects when the scan fails. */
export type ScanRunner = (request: ScanRequest) => Promise<void>;

export interface ScanRunsOptions {
  runScan: ScanRunner;
  /** Holds enrichment while a scan runs; the returned release also wakes the worker. */
  holdForScan(): () => void;
  emit(progress: ScanProgress): void;
  logger: Logger;
}

/** Shortest gap between two `scanning` events of one scan, in ms; phase changes always go out. */
const SCANNING_EVENT_INTERVAL_MS = 250;

/** Only the contract's fields go to the renderer, whatever else the scanner reports. */
function toScanProgress(progress: ScanProgress): ScanProgress {
  const { libraryId, phase, filesSeen, parsed, filesPerSecond, error } = progress;
  return { libraryId, phase, filesSeen, parsed, filesPerSecond, error };
}

/**
 * The scans the app service started: at most one per library. Each holds
 * enrichment while it runs and always ends with a `finished` or `failed`
 * progress event, even when the runner stops without sending one.
 */
export class ScanRuns {
  private readonly options: ScanRunsOptions;
  private readonly running = new Map<number, { abort: AbortController; done: Promise<void> }>();

  constructor(options: ScanRunsOptions) {
    this.options = options;
  }

  isRunning(libraryId: number): boolean {
    return this.running.has(libraryId);
  }

  /** Starts a scan of the library unless one already runs; returns false in that case. */
  start(libraryId: number, folder: string): boolean {
    if (this.running.has(libraryId)) return false;

    const abort = new AbortController();
    const done = this.run(libraryId, folder, abort.signal).finally(() => this.running.delete(libraryId));
    this.running.set(libraryId, { abort, done });
    return true;
  }

  /** Aborts every running scan and waits for each to end. */
  async close(): Promise<void> {
    const runs = [...this.running.values()];
    for (const run of runs) run.abort.abort();
    await Promise.all(runs.map((run) => run.done));
  }

  private async run(libraryId: number, folder: string, signal: AbortSignal): Promise<void> {
    const { logger } = this.options;
    const release = this.options.holdForScan();
    let last: ScanProgress = { libraryId, phase: 'started', filesSeen: 0, parsed: 0, filesPerSecond: 0, error: null };
    let ended = false;
    let lastEmitAt = Number.NEGATIVE_INFINITY;

    const onProgress = (progress: ScanProgress) => {
      last = toScanProgress({ ...progress, libraryId });
      ended = last.phase === 'finished' || last.phase === 'failed';

      const now = Date.now();
      if (last.phase === 'scanning' && now - lastEmitAt < SCANNING_EVENT_INTERVAL_MS) return;
      lastEmitAt = now;
      this.options.emit(last);
    };

    logger.info({ libraryId, folder }, 'scan started');
    try {
      await this.options.runScan({ libraryId, folder, signal, onProgress });
      if (!ended) this.options.emit({ ...last, phase: 'finished', error: null });
      logger.info({ libraryId, filesSeen: last.filesSeen, parsed: last.parsed }, 'scan finished');
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      logger.error({ err: error, libraryId, folder }, 'scan failed');
      if (last.phase !== 'failed') this.options.emit({ ...last, phase: 'failed', error: message });
    } finally {
      release();
    }
  }
}
