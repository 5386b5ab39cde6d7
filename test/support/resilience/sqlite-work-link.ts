/**
 * A `WorkLink` for running `EnrichmentLoop` inside the test process. Items
 * come from the real tiered queue and results go through the real result
 * writer on a real SQLite file, as in the controller. No child process is
 * involved, so the loop can run on a fake clock.
 */
import type Database from 'better-sqlite3';

import { EnrichmentQueue } from '../../../src/main/core/enrichment/queue.ts';
import { ResultWriter } from '../../../src/main/core/enrichment/result-writer.ts';
import { WorkItemReader } from '../../../src/main/core/enrichment/work-items.ts';
import type { ItemKey, ItemResult, WorkerState } from '../../../src/shared/worker-protocol.ts';
import type { WorkLink } from '../../../src/worker/enrichment/loop.ts';

export interface StateReport {
  /** Monotonic time of the loop's clock when the state was reported. */
  atMono: number;
  state: WorkerState;
}

export class SqliteWorkLink implements WorkLink {
  readonly states: StateReport[] = [];
  readonly released: { key: ItemKey; reason: string }[] = [];
  readonly results: ItemResult[] = [];
  private readonly queue: EnrichmentQueue;
  private readonly reader: WorkItemReader;
  private readonly writer: ResultWriter;
  private readonly clock: { now(): number; monotonic(): number };

  constructor(db: Database.Database, clock: { now(): number; monotonic(): number }) {
    this.queue = new EnrichmentQueue(db);
    this.reader = new WorkItemReader(db);
    this.writer = new ResultWriter(db);
    this.clock = clock;
  }

  async requestItem() {
    const key = this.queue.next(this.clock.now(), null);
    return key ? this.reader.read(key) : null;
  }

  async submit(result: ItemResult): Promise<void> {
    this.writer.write(result, this.clock.now(), { maxAttempts: 5, baseDelayMs: 3_600_000 });
    this.results.push(result);
  }

  release(key: ItemKey, reason: string): void {
    this.released.push({ key, reason });
  }

  reportState(state: WorkerState): void {
    this.states.push({ atMono: this.clock.monotonic(), state: structuredClone(state) });
  }
}
