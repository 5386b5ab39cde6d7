import type Database from 'better-sqlite3';

import type { EntityType, SourceId } from '../../../shared/entities.ts';
import type { EnrichmentStatus } from '../../../shared/enrichment-state.ts';
import type { ItemKey, ItemResult, WorkerCommand, WorkerEvent, WorkerState } from '../../../shared/worker-protocol.ts';
import { ensureSourceSchema } from '../db/schema-guard.ts';
import type { Logger } from '../logging.ts';
import type { ChildLauncher, ChildProcessHandle } from '../process/child.ts';
import type { SettingsStore } from '../settings-store.ts';
import { CountsReader } from './counts.ts';
import { acquireRunLock, type RunLock } from './run-lock.ts';
import { ItemActions } from './item-actions.ts';
import { EnrichmentQueue } from './queue.ts';
import { RequestRate } from './request-stats.ts';
import { ResultWriter, type WriteOutcome } from './result-writer.ts';
import { SourceStateStore, type PersistedSourceState } from './source-state-store.ts';
import { buildSourceStatus } from './status.ts';
import { isBusyError, writeWithBusyRetry } from './busy-retry.ts';
import { WorkItemReader } from './work-items.ts';
import { forwardWorkerLog } from './worker-log.ts';

export interface ControllerOptions {
  db: Database.Database;
  settings: SettingsStore;
  logger: Logger;
  launcher: ChildLauncher;
  /** Wall clock in epoch ms; tests pass their own. */
  now?: () => number;
  /** Waits before restarting a crashed worker, in ms; its length is the crash-loop limit. */
  restartDelaysMs?: number[];
}

/** Results the controller wrote since it started, for `liner enrich --json`. */
export interface SessionStats {
  processed: number;
  matched: number;
  notFound: number;
  errors: number;
  requests: { total: number; byEndpoint: Record<string, number> };
}

const SOURCE: SourceId = 'amazon';
const DEFAULT_RESTART_DELAYS_MS = [1_000, 2_000, 4_000, 8_000, 16_000];
/** A worker that lived this long without crashing resets the crash-loop count, in ms. */
const STABLE_RUN_MS = 5 * 60_000;
const SHUTDOWN_TIMEOUT_MS = 15_000;
/** How often settings changed by another process are picked up, in ms. */
const SETTINGS_POLL_MS = 2_000;
/** Wait before saving the source state again after the database was locked, in ms. */
const STATE_SAVE_RETRY_MS = 1_000;

/**
 * Runs the enrichment worker of the Amazon source and serves its requests: hands out
 * queue items, writes every result in a transaction, persists the circuit
 * breaker, restarts a crashed worker, and publishes the source status. The
 * worker never opens the database; everything it learns comes from here.
 */
export class EnrichmentController {
  private readonly db: Database.Database;
  private readonly settings: SettingsStore;
  private readonly logger: Logger;
  private readonly workerLogger: Logger;
  private readonly launcher: ChildLauncher;
  private readonly now: () => number;
  private readonly restartDelaysMs: number[];

  private queue: EnrichmentQueue | undefined;
  private reader!: WorkItemReader;
  private writer!: ResultWriter;
  private counts!: CountsReader;
  private stateStore!: SourceStateStore;
  private actions!: ItemActions;

  private worker: ChildProcessHandle<WorkerCommand, WorkerEvent> | null = null;
  private workerStartedAt = 0;
  private workerState: WorkerState | null = null;
  private persisted: PersistedSourceState = { breaker: null, rateLimitedUntilMs: null };
  private inFlight: ItemKey | null = null;
  /** Items a crashed worker held, by key; each gets one more try, a second crash marks it failed. */
  private readonly crashedItems = new Map<string, number>();
  private recoverItem: ItemKey | null = null;
  private crashes = 0;
  private crashedProblem: string | null = null;
  private runLock: RunLock | null = null;
  /** Process id of another Liner process that enriches this database; null when none. */
  private lockedBy: number | null = null;
  private settingsTimer: NodeJS.Timeout | null = null;
  private lastSettings = '';
  private restartTimer: NodeJS.Timeout | null = null;
  private stateSaveTimer: NodeJS.Timeout | null = null;
  private stateSaveFailures = 0;
  /** Result writes not finished yet; `stop()` waits for them. */
  private readonly pendingWrites = new Set<Promise<void>>();
  private stopping: Promise<void> | null = null;
  private started = false;
  private scanHolds = 0;
  private readonly rate = new RequestRate();
  private readonly session: SessionStats = { processed: 0, matched: 0, notFound: 0, errors: 0, requests: { total: 0, byEndpoint: {} } };
  private readonly statusListeners = new Set<(status: EnrichmentStatus) => void>();
  private readonly resultListeners = new Set<(result: ItemResult, outcome: WriteOutcome) => void>();

  constructor(options: ControllerOptions) {
    this.db = options.db;
    this.settings = options.settings;
    this.logger = options.logger.child({ scope: 'enrichment' });
    this.workerLogger = options.logger.child({ scope: 'worker', source: SOURCE });
    this.launcher = options.launcher;
    this.now = options.now ?? Date.now;
    this.restartDelaysMs = options.restartDelaysMs ?? DEFAULT_RESTART_DELAYS_MS;
  }

  /** Verifies the schema, loads the persisted breaker, and starts the worker if the source is enabled. */
  async start(): Promise<void> {
    if (this.started) return;
    this.open();
    this.started = true;
    this.lastSettings = JSON.stringify(this.settings.amazon());

    if (this.settings.get('amazon.enabled')) this.spawnWorker();
    this.settingsTimer = setInterval(() => this.syncSettings(), SETTINGS_POLL_MS);
    this.settingsTimer.unref();
    this.emitStatus();
  }

  /** Process id of another Liner process enriching this database, or null. */
  lockHolder(): number | null {
    return this.lockedBy;
  }

  /**
   * Applies settings that another process (the CLI next to the desktop app,
   * or a second shell) changed in the database: a pause, a new base URL, the
   * request rate. Also takes over the enrichment lock once its holder ends.
   */
  private syncSettings(): void {
    if (this.stopping) return;
    const current = this.settings.amazon();
    const snapshot = JSON.stringify(current);

    if (snapshot !== this.lastSettings) {
      this.lastSettings = snapshot;
      if (!current.enabled) void this.shutdownWorker();
      else if (!this.worker) this.spawnWorker();
      else this.sendConfigure();
      this.emitStatus();
      return;
    }

    if (this.lockedBy !== null && current.enabled && !this.worker) this.spawnWorker();
  }

  /** Holds the enrichment lock of this database, taking it when free; false while another process holds it. */
  private holdRunLock(): boolean {
    if (this.runLock) return true;
    const lock = acquireRunLock(this.db.name);

    if ('heldBy' in lock) {
      if (this.lockedBy !== lock.heldBy) {
        this.logger.warn({ source: SOURCE, pid: lock.heldBy }, 'another Liner process is enriching this database; waiting for it to finish');
      }
      this.lockedBy = lock.heldBy;
      this.emitStatus();
      return false;
    }

    this.runLock = lock;
    this.lockedBy = null;
    return true;
  }

  /**
   * Prepares the queue and status readers without starting a worker, for
   * commands that only read or change state (`liner status`, `liner pause`).
   */
  open(): void {
    if (this.queue) return;
    ensureSourceSchema(this.db, SOURCE, this.logger);
    this.queue = new EnrichmentQueue(this.db);
    this.reader = new WorkItemReader(this.db);
    this.writer = new ResultWriter(this.db);
    this.counts = new CountsReader(this.db);
    this.stateStore = new SourceStateStore(this.db);
    this.actions = new ItemActions(this.db);
    this.persisted = this.stateStore.load(SOURCE);
  }

  /** Stops the worker after the write in flight (killing it after 15 s), then waits for pending writes. */
  stop(): Promise<void> {
    if (this.stopping) return this.stopping;
    this.stopping = this.shutdownWorker()
      .then(() => Promise.all(this.pendingWrites))
      .then(() => this.flushSourceState())
      .finally(() => {
        if (this.restartTimer) clearTimeout(this.restartTimer);
      });
    return this.stopping;
  }

  status(): EnrichmentStatus {
    this.open();
    const now = this.now();
    const amazon = buildSourceStatus({
      now,
      enabled: this.settings.get('amazon.enabled'),
      userPaused: this.settings.get('amazon.paused'),
      scanHolds: this.scanHolds,
      crashedProblem: this.crashedProblem,
      lockedBy: this.lockedBy,
      pinnedEntityType: this.settings.get('amazon.pinnedEntityType'),
      longOutageMs: this.settings.get('amazon.outage.longOutageMs'),
      worker: this.worker ? this.workerState : null,
      persisted: this.persisted,
      progress: this.counts.progress(),
      requests: { ...this.session.requests, perMinute: this.rate.perMinute(now) },
    });
    return { sources: { amazon } };
  }

  onStatus(listener: (status: EnrichmentStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  /** Called after each result is written, with what was stored. */
  onResult(listener: (result: ItemResult, outcome: WriteOutcome) => void): () => void {
    this.resultListeners.add(listener);
    return () => this.resultListeners.delete(listener);
  }

  sessionStats(): SessionStats {
    return structuredClone(this.session);
  }

  setEnabled(source: SourceId, enabled: boolean): void {
    this.assertSource(source);
    this.settings.set('amazon.enabled', enabled);
    this.logger.info({ source, enabled }, enabled ? 'source enabled' : 'source disabled');

    if (enabled) {
      this.crashedProblem = null;
      this.crashes = 0;
      if (!this.worker && this.started && !this.stopping) this.spawnWorker();
    } else {
      void this.shutdownWorker();
    }
    this.emitStatus();
  }

  pause(source: SourceId): void {
    this.assertSource(source);
    this.settings.set('amazon.paused', true);
    this.logger.info({ source }, 'paused by the user');
    this.sendActivity();
  }

  resume(source: SourceId): void {
    this.assertSource(source);
    this.settings.set('amazon.paused', false);
    this.logger.info({ source }, 'resumed by the user');
    this.sendActivity();
  }

  /** Asks the worker to probe the source at once instead of waiting out the back-off. */
  checkNow(source: SourceId): void {
    this.assertSource(source);
    if (this.crashedProblem && this.settings.get('amazon.enabled')) {
      this.crashedProblem = null;
      this.crashes = 0;
      this.spawnWorker();
    }
    this.send({ type: 'check-now' });
  }

  pin(source: SourceId, entityType: EntityType | null): void {
    this.assertSource(source);
    this.settings.set('amazon.pinnedEntityType', entityType);
    this.emitStatus();
  }

  /**
   * Holds the worker while a scan runs. Returns the release function. Holds
   * stack, and releasing never lifts the user's own pause.
   */
  holdForScan(): () => void {
    this.scanHolds++;
    this.sendActivity();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.scanHolds--;
      this.sendActivity();
      this.wake();
    };
  }

  /** Tells an idle worker that new items are waiting. */
  wake(): void {
    this.send({ type: 'wake' });
    this.emitStatus();
  }

  /** Sends changed settings (base URL, rate, country, schedules) to the running worker. */
  applySettings(): void {
    this.sendConfigure();
    this.emitStatus();
  }

  retryItem(entityType: EntityType, id: number): void {
    this.actions.retry({ entityType, id });
    this.wake();
  }

  clearMatch(entityType: EntityType, id: number): void {
    this.actions.clear({ entityType, id });
    this.emitStatus();
  }

  setManualMatch(entityType: EntityType, id: number, sourceId: string): void {
    this.actions.setManual({ entityType, id }, sourceId);
    this.wake();
  }

  // --- worker lifecycle -------------------------------------------------

  private spawnWorker(): void {
    if (this.worker) return;
    if (!this.holdRunLock()) return;
    const worker = this.launcher<WorkerCommand, WorkerEvent>('enrichment');
    this.worker = worker;
    this.workerStartedAt = this.now();
    this.workerState = null;
    this.logger.info({ source: SOURCE, pid: worker.pid }, 'enrichment worker started');

    worker.onMessage((message) => this.handleMessage(worker, message));
    worker.onExit((code, signal) => this.handleExit(worker, code, signal));
  }

  private async shutdownWorker(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;

    const exited = new Promise<void>((resolve) => worker.onExit(() => resolve()));
    worker.send({ type: 'shutdown' });
    const timer = setTimeout(() => {
      this.logger.warn({ source: SOURCE, pid: worker.pid }, 'enrichment worker did not stop in time; killing it');
      worker.kill();
    }, SHUTDOWN_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  }

  private handleExit(worker: ChildProcessHandle<WorkerCommand, WorkerEvent>, code: number | null, signal: string | null): void {
    if (this.worker !== worker) return;
    this.worker = null;
    this.workerState = null;

    const expected = this.stopping !== null || !this.settings.get('amazon.enabled');
    if (expected && this.inFlight === null) {
      this.logger.info({ source: SOURCE, pid: worker.pid, code }, 'enrichment worker stopped');
      this.emitStatus();
      return;
    }
    this.recordCrash(worker.pid, code, signal);
  }

  private recordCrash(pid: number | undefined, code: number | null, signal: string | null): void {
    const item = this.inFlight;
    this.inFlight = null;
    if (this.now() - this.workerStartedAt > STABLE_RUN_MS) this.crashes = 0;
    this.crashes++;
    this.logger.error({ source: SOURCE, pid, code, signal, item, crashes: this.crashes }, 'enrichment worker crashed');

    if (item) this.noteCrashedItem(item);

    const delay = this.restartDelaysMs[this.crashes - 1];
    if (delay === undefined || this.stopping) {
      this.crashedProblem = `The enrichment worker crashed ${this.crashes} times in a row (last exit code ${code ?? signal}). See the log, then press "Check now" to try again.`;
      this.logger.error({ source: SOURCE, crashes: this.crashes }, 'enrichment worker keeps crashing; not restarting it');
      this.emitStatus();
      return;
    }

    this.emitStatus();
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      if (!this.stopping && this.settings.get('amazon.enabled')) this.spawnWorker();
    }, delay);
  }

  /** Gives the item a crashed worker held one more try; a second crash on it marks it failed. */
  private noteCrashedItem(item: ItemKey): void {
    const key = `${item.entityType}:${item.id}`;
    const count = (this.crashedItems.get(key) ?? 0) + 1;
    this.crashedItems.set(key, count);

    if (count === 1) {
      this.recoverItem = item;
      return;
    }

    this.crashedItems.delete(key);
    const result: ItemResult = {
      ...item,
      status: 'error',
      sourceId: null,
      catalogName: null,
      imageUrl: null,
      label: null,
      trackCount: null,
      reason: 'the enrichment worker crashed twice while processing this item',
    };
    this.trackWrite(this.writeResult(result));
  }

  // --- messages -----------------------------------------------------------

  private handleMessage(worker: ChildProcessHandle<WorkerCommand, WorkerEvent>, message: WorkerEvent): void {
    if (this.worker !== worker) return;

    switch (message.type) {
      case 'ready':
        this.sendConfigure();
        break;
      case 'request-item':
        this.send({ type: 'item', requestId: message.requestId, item: this.nextItem() });
        break;
      case 'result':
        this.trackWrite(this.writeResult(message.result).finally(() => this.send({ type: 'ack', requestId: message.requestId })));
        break;
      case 'release':
        this.inFlight = null;
        break;
      case 'state':
        this.updateWorkerState(message.state);
        break;
      case 'log':
        forwardWorkerLog(this.workerLogger, message.record);
        break;
      case 'stopped':
        break;
    }
  }

  private nextItem() {
    const now = this.now();
    const pinned = this.settings.get('amazon.pinnedEntityType');

    const recovered = this.recoverItem;
    this.recoverItem = null;
    const candidates = recovered ? [recovered] : [];

    for (let guard = 0; guard < 1000; guard++) {
      const key = candidates.shift() ?? this.queue?.next(now, pinned);
      if (!key) return null;

      const item = this.reader.read(key);
      if (!item) continue;

      this.inFlight = { entityType: item.entityType, id: item.id };
      return item;
    }
    return null;
  }

  /**
   * Keeps a write until it settles, so `stop()` can wait for it, and logs a
   * write that failed for a reason other than a lock: its item stays
   * untouched and is handed out again later.
   */
  private trackWrite(write: Promise<void>): void {
    const tracked = write
      .catch((error: unknown) => this.logger.error({ source: SOURCE, err: error }, 'failed to write an enrichment result'))
      .finally(() => this.pendingWrites.delete(tracked));
    this.pendingWrites.add(tracked);
  }

  private async writeResult(result: ItemResult): Promise<void> {
    const retry = {
      maxAttempts: this.settings.get('amazon.retry.maxAttempts'),
      baseDelayMs: this.settings.get('amazon.retry.baseDelayMs'),
    };
    const outcome = await writeWithBusyRetry(this.db, () => this.writer.write(result, this.now(), retry), this.logger, result);

    if (this.inFlight && this.inFlight.entityType === result.entityType && this.inFlight.id === result.id) {
      this.inFlight = null;
    }
    this.crashedItems.delete(`${result.entityType}:${result.id}`);
    // A worker that crashed while this write waited for a lock left the item
    // marked for recovery. The write has now landed, so the item must not run twice.
    if (this.recoverItem && this.recoverItem.entityType === result.entityType && this.recoverItem.id === result.id) {
      this.recoverItem = null;
    }
    this.countResult(outcome);

    for (const listener of this.resultListeners) listener(result, outcome);
    this.emitStatus();
  }

  private countResult(outcome: WriteOutcome): void {
    if (outcome === 'missing') return;
    this.session.processed++;
    if (outcome === 'matched') this.session.matched++;
    else if (outcome === 'error') this.session.errors++;
    else this.session.notFound++;
  }

  private updateWorkerState(state: WorkerState): void {
    const breakerChanged = JSON.stringify(state.breaker) !== JSON.stringify(this.persisted.breaker);
    const rateLimitedUntilMs = state.rateLimit ? Date.parse(state.rateLimit.resumeAt) : null;
    const rateChanged = rateLimitedUntilMs !== this.persisted.rateLimitedUntilMs;

    this.workerState = state;
    this.session.requests = { total: state.requests.total, byEndpoint: { ...state.requests.byEndpoint } };
    this.rate.observe(state.requests.total, this.now());

    if (breakerChanged || rateChanged) {
      this.persisted = { breaker: state.breaker, rateLimitedUntilMs };
      this.saveSourceState();
    }
    this.emitStatus();
  }

  /**
   * Saves the breaker and rate limit. While another process holds the write
   * lock past the busy timeout, it tries again every second with the newest
   * state instead of throwing out of the worker's message handler.
   */
  private saveSourceState(): void {
    if (this.stateSaveTimer) clearTimeout(this.stateSaveTimer);
    this.stateSaveTimer = null;
    try {
      this.stateStore.save(SOURCE, this.persisted, this.now());
      if (this.stateSaveFailures > 0) this.logger.info({ source: SOURCE, attempts: this.stateSaveFailures }, 'saved the source state after retrying');
      this.stateSaveFailures = 0;
    } catch (error) {
      this.stateSaveFailures++;
      if (this.stateSaveFailures === 1) {
        if (isBusyError(error)) this.logger.warn({ source: SOURCE, err: error }, 'database is locked; saving the source state again every second');
        else this.logger.error({ source: SOURCE, err: error }, 'failed to save the source state; trying again every second');
      }
      this.stateSaveTimer = setTimeout(() => this.saveSourceState(), STATE_SAVE_RETRY_MS);
      this.stateSaveTimer.unref();
    }
  }

  /** Saves a source state still waiting for a retry, once, at shutdown. */
  private flushSourceState(): void {
    if (!this.stateSaveTimer) return;
    clearTimeout(this.stateSaveTimer);
    this.stateSaveTimer = null;
    try {
      this.stateStore.save(SOURCE, this.persisted, this.now());
    } catch (error) {
      this.logger.error({ source: SOURCE, err: error }, 'failed to save the source state at shutdown');
    }
  }

  private sendConfigure(): void {
    this.send({
      type: 'configure',
      settings: this.settings.amazon(),
      active: this.isActive(),
      breaker: this.persisted.breaker,
      rateLimitedUntilMs: this.persisted.rateLimitedUntilMs,
    });
  }

  private sendActivity(): void {
    this.send({ type: 'set-active', active: this.isActive() });
    this.emitStatus();
  }

  private isActive(): boolean {
    return this.settings.get('amazon.enabled') && !this.settings.get('amazon.paused') && this.scanHolds === 0;
  }

  private send(command: WorkerCommand): void {
    this.worker?.send(command);
  }

  private emitStatus(): void {
    if (this.statusListeners.size === 0 || !this.started) return;
    const status = this.status();
    for (const listener of this.statusListeners) listener(status);
  }

  private assertSource(source: SourceId): void {
    if (source !== SOURCE) throw new Error(`unknown source "${source}": the only source is ${SOURCE}`);
  }
}
