import type { SourceError } from '../../shared/source-errors.ts';
import type { ItemKey } from '../../shared/worker-protocol.ts';
import type { WorkerLogger } from '../logging.ts';
import type { Clock } from './clock.ts';

/** While identical failures go on, a summary line is written at most this often, in ms. */
const SUMMARY_INTERVAL_MS = 10 * 60_000;

interface FailureRun {
  key: string;
  fields: { kind: string; endpoint: string | null; status: number | null; code: string | null };
  /** Failures after the first one that was logged and before the last summary. */
  repeats: number;
  lastSummaryMono: number;
}

/**
 * Logs per-item failures without one line per item. The first failure of a
 * kind (same error kind, endpoint, HTTP status and network code) is logged
 * with its item. Identical failures after it are counted, even with
 * successful items between them. The loop ends the run with `flush()` at a
 * different failure, an outage or rate limit, an empty queue and shutdown.
 * A summary line with the count is written then, and every 10 minutes while
 * the run goes on.
 */
export class ItemFailureLog {
  private run: FailureRun | null = null;
  private readonly logger: WorkerLogger;
  private readonly clock: Clock;

  constructor(logger: WorkerLogger, clock: Clock) {
    this.logger = logger;
    this.clock = clock;
  }

  record(item: ItemKey, failure: SourceError, reason: string): void {
    const fields = {
      kind: failure.kind,
      endpoint: failure.endpoint ?? null,
      status: failure.status ?? null,
      code: failure.code ?? null,
    };
    const key = JSON.stringify(fields);

    if (this.run?.key === key) {
      this.run.repeats++;
      if (this.clock.monotonic() - this.run.lastSummaryMono >= SUMMARY_INTERVAL_MS) this.summarize();
      return;
    }

    this.flush();
    this.logger.info({ source: 'amazon', item, ...fields, error: reason }, 'item failed; identical failures that follow are counted');
    this.run = { key, fields, repeats: 0, lastSummaryMono: this.clock.monotonic() };
  }

  /** Ends the current run of identical failures, writing its summary. */
  flush(): void {
    this.summarize();
    this.run = null;
  }

  private summarize(): void {
    const run = this.run;
    if (!run || run.repeats === 0) return;
    this.logger.info({ source: 'amazon', ...run.fields, count: run.repeats }, `${run.repeats} more items failed the same way`);
    run.repeats = 0;
    run.lastSummaryMono = this.clock.monotonic();
  }
}
