import { isSourceError, SourceError } from '../../shared/source-errors.ts';
import type { AmazonSourceSettings } from '../../shared/settings.ts';
import type {
  ItemKey,
  ItemResult,
  PersistedBreakerState,
  WorkerPhase,
  WorkerState,
  WorkItem,
} from '../../shared/worker-protocol.ts';
import type { WorkerLogger } from '../logging.ts';
import { OutageBreaker } from './breaker.ts';
import { CachedLookup, type CatalogLookup } from './cached-lookup.ts';
import type { Clock } from './clock.ts';
import { RequestPacer } from './pacer.ts';
import { processItem } from './process-item.ts';
import { RateLimitGate } from './rate-limit-gate.ts';
import { describeSourceError } from './describe-error.ts';
import { ItemFailureLog } from './item-failure-log.ts';
import { Waker } from './waker.ts';

/** The main process from the loop's side: where items come from and results go. */
export interface WorkLink {
  requestItem(): Promise<WorkItem | null>;
  /** Resolves once main has written the result. */
  submit(result: ItemResult): Promise<void>;
  /** Hands an item back untouched (outage, rate limit, shutdown). */
  release(key: ItemKey, reason: string): void;
  reportState(state: WorkerState): void;
}

/** A source client as the loop uses it. */
export interface SourceClient extends CatalogLookup {
  status(): Promise<{ up: boolean; version: string | null }>;
  requestCounts(): { total: number; byEndpoint: Record<string, number> };
  close(): Promise<void>;
}

export type SourceClientFactory = (settings: AmazonSourceSettings) => SourceClient;

/** Unreadable responses in a row after which the source counts as changed (`contract`). */
const CONTRACT_FAILURES_TO_STOP = 3;
const IDLE_SLEEP_MIN_MS = 1_000;
const IDLE_SLEEP_MAX_MS = 60_000;

/**
 * The enrichment loop of one source: pull an item, match it, send the result,
 * and on a whole-source failure leave the item untouched and wait out the
 * circuit breaker. It never marks an item for an outage, a rate limit or an
 * unreadable response.
 */
export class EnrichmentLoop {
  private readonly link: WorkLink;
  private readonly createClient: SourceClientFactory;
  private readonly clock: Clock;
  private readonly logger: WorkerLogger;
  private readonly waker: Waker;
  private readonly breaker: OutageBreaker;
  private readonly rateLimit: RateLimitGate;
  private readonly itemFailures: ItemFailureLog;
  private readonly shutdown = new AbortController();

  private settings: AmazonSourceSettings | null = null;
  private client: SourceClient | null = null;
  private pacer: RequestPacer | null = null;
  private active = false;
  private checkNowRequested = false;
  private readonly retiredClients: SourceClient[] = [];
  /** Requests sent through clients that settings replaced, so the totals keep growing. */
  private readonly retiredRequests: { total: number; byEndpoint: Record<string, number> } = { total: 0, byEndpoint: {} };
  private contractFailures = 0;
  private idleSleepMs = IDLE_SLEEP_MIN_MS;
  private phase: WorkerPhase = 'starting';
  private current: WorkItem | null = null;
  private cache: CachedLookup | null = null;
  /** `since` of the outage whose long-outage warning was written, so it is written once. */
  private longOutageWarnedFor: string | null = null;

  constructor(options: { link: WorkLink; createClient: SourceClientFactory; clock: Clock; logger: WorkerLogger }) {
    this.link = options.link;
    this.createClient = options.createClient;
    this.clock = options.clock;
    this.logger = options.logger;
    this.waker = new Waker(this.clock);
    this.breaker = new OutageBreaker(this.clock, { initialDelayMs: 30_000, maxDelayMs: 1_800_000, longOutageMs: 86_400_000 });
    this.rateLimit = new RateLimitGate(this.clock, this.logger);
    this.itemFailures = new ItemFailureLog(this.logger, this.clock);
  }

  /**
   * Applies settings. The first call also restores the persisted breaker and
   * a rate limit that had not ended yet (`rateLimitedUntilMs`, epoch ms).
   */
  configure(
    settings: AmazonSourceSettings,
    active: boolean,
    persisted: PersistedBreakerState | null,
    rateLimitedUntilMs: number | null = null,
  ): void {
    const first = this.settings === null;
    const endpointChanged = !first && (settings.baseUrl !== this.settings?.baseUrl || settings.country !== this.settings?.country);

    this.settings = settings;
    this.breaker.configure(settings.outage);
    this.rateLimit.configure(settings.outage);
    if (first) {
      this.breaker.restore(persisted);
      this.rateLimit.restore(rateLimitedUntilMs);
    }

    if (first || endpointChanged) {
      if (this.client) this.retireClient(this.client);
      this.client = this.createClient(settings);
      this.cache = null;
      // A new base URL deserves a fresh look instead of the old outage's wait.
      if (endpointChanged) this.breaker.expedite();
    }
    if (this.pacer) this.pacer.setRate(settings.requestsPerSecond);
    else this.pacer = new RequestPacer(this.clock, settings.requestsPerSecond);

    this.setActive(active);
  }

  /**
   * Closes a client replaced by new settings. The item in flight still uses
   * it, so it is closed once that item is done. Closing it earlier failed the
   * item with "client is closed" and marked it as an error.
   */
  private retireClient(client: SourceClient): void {
    const counts = client.requestCounts();
    this.retiredRequests.total += counts.total;
    for (const [endpoint, count] of Object.entries(counts.byEndpoint)) {
      this.retiredRequests.byEndpoint[endpoint] = (this.retiredRequests.byEndpoint[endpoint] ?? 0) + count;
    }

    if (this.current) this.retiredClients.push(client);
    else void client.close();
  }

  private closeRetiredClients(): void {
    for (const client of this.retiredClients.splice(0)) void client.close();
  }

  setActive(active: boolean): void {
    this.active = active;
    this.waker.wake();
  }

  /** New items arrived: end an idle sleep at once. */
  wake(): void {
    this.idleSleepMs = IDLE_SLEEP_MIN_MS;
    this.waker.wake();
  }

  /**
   * Probes the source now instead of waiting out the back-off. A failed check
   * leaves the schedule as it was, and a rate limit is kept, because the
   * source itself asked Liner to wait.
   */
  checkNow(): void {
    if (!this.breaker.isOpen()) return;
    this.checkNowRequested = true;
    this.waker.wake();
  }

  stop(): void {
    this.shutdown.abort();
    this.waker.wake();
  }

  /** Runs until `stop()`; resolves after the item in hand is finished and the client closed. */
  async run(): Promise<void> {
    while (!this.shutdown.signal.aborted) {
      if (!this.settings || !this.active) {
        this.setPhase('paused');
        await this.waker.wait(Number.POSITIVE_INFINITY);
        continue;
      }

      if (this.breaker.isOpen()) {
        await this.waitOutOutage();
        continue;
      }

      if (this.rateLimit.isLimited()) {
        this.setPhase('rate_limited');
        await this.waker.wait(this.rateLimit.msRemaining());
        continue;
      }

      await this.step();
    }

    this.itemFailures.flush();
    await this.client?.close();
  }

  private async step(): Promise<void> {
    const item = await this.link.requestItem();
    if (this.shutdown.signal.aborted) {
      if (item) this.link.release(item, 'shutdown');
      return;
    }

    if (!item) {
      if (this.breaker.isHalfOpen()) this.closeUnconfirmedBreaker();
      this.itemFailures.flush();
      this.setPhase('idle');
      await this.waker.wait(this.idleSleepMs);
      this.idleSleepMs = Math.min(this.idleSleepMs * 2, IDLE_SLEEP_MAX_MS);
      return;
    }

    this.idleSleepMs = IDLE_SLEEP_MIN_MS;
    this.current = item;
    this.setPhase('running');
    await this.handleItem(item);
    this.current = null;
    this.closeRetiredClients();
    this.report();
  }

  private async handleItem(item: WorkItem): Promise<void> {
    const lookup = this.lookup();
    const callsBefore = lookup.networkCalls;
    try {
      const result = await processItem(item, lookup);
      if (lookup.networkCalls > callsBefore) this.sourceAnswered();
      await this.link.submit(result);
    } catch (error) {
      await this.handleFailure(item, error);
    }
  }

  /** Returns the lookup cache shared across items, so an album and its tracks share their search. */
  private lookup(): CachedLookup {
    if (!this.cache) this.cache = new CachedLookup(this.requireClient(), this.requirePacer(), this.shutdown.signal);
    return this.cache;
  }

  private async handleFailure(item: WorkItem, error: unknown): Promise<void> {
    const failure = isSourceError(error)
      ? error
      : new SourceError('item_error', `unexpected error: ${(error as Error)?.message ?? String(error)}`, { cause: error });

    if (failure.kind !== 'not_found' && failure.kind !== 'item_error') this.itemFailures.flush();

    switch (failure.kind) {
      case 'outage':
        this.link.release(item, 'outage');
        this.openBreaker('outage', failure);
        return;
      case 'contract':
        this.link.release(item, 'contract');
        this.noteContractFailure(failure);
        return;
      case 'rate_limited':
        this.link.release(item, 'rate_limited');
        this.closeBreaker('source answered with a rate limit; the outage is over');
        this.rateLimit.begin(failure.retryAfterSeconds);
        this.requirePacer().deferUntil(this.clock.monotonic() + this.rateLimit.msRemaining());
        this.setPhase('rate_limited');
        return;
      case 'not_found':
      case 'item_error':
        if (failure.status !== undefined) this.sourceAnswered();
        this.itemFailures.record(keyOf(item), failure, describeSourceError(failure));
        await this.link.submit(failedResult(item, describeSourceError(failure)));
        return;
    }
  }

  private openBreaker(kind: 'outage' | 'contract', failure: SourceError): void {
    const message = describeSourceError(failure);
    const effect = this.breaker.recordFailure(kind, message);
    const outage = this.breaker.outage();

    if (effect === 'opened') {
      // A "Check now" from before this outage must not cut its first wait short.
      this.checkNowRequested = false;
      this.logger.warn(
        { source: 'amazon', kind, error: message, status: failure.status, code: failure.code, nextAttemptAt: outage?.nextAttemptAt },
        'source unavailable; pausing requests until the next attempt',
      );
    }
    this.setPhase(kind);
  }

  /**
   * Counts unreadable responses. Outside an outage it takes three in a row to
   * open the breaker. Right after a passed probe (half-open) one is enough,
   * because the probe is what let this item through.
   */
  private noteContractFailure(failure: SourceError): void {
    this.contractFailures++;
    if (this.contractFailures >= CONTRACT_FAILURES_TO_STOP || this.breaker.isHalfOpen()) {
      this.contractFailures = 0;
      this.openBreaker('contract', failure);
    }
  }

  /** Closes the breaker and ends a rate-limit episode after any response from the source. */
  private sourceAnswered(): void {
    this.contractFailures = 0;
    this.rateLimit.end();
    this.closeBreaker('source available again; resuming');
  }

  /**
   * Closes the breaker on a passed probe alone when the queue is empty,
   * because no item request can confirm it and an idle source should not
   * show an outage.
   */
  private closeUnconfirmedBreaker(): void {
    this.closeBreaker('source status is up again and nothing is queued; closing the circuit breaker');
  }

  private closeBreaker(message: string): void {
    const streak = this.breaker.outage()?.streak;
    const outageMs = this.breaker.recordSuccess();
    if (outageMs === null) return;

    this.checkNowRequested = false;
    this.logger.info({ source: 'amazon', outageSeconds: Math.round(outageMs / 1000), failedAttempts: streak }, message);
  }

  private async waitOutOutage(): Promise<void> {
    this.setPhase(this.breaker.outage()?.kind ?? 'outage');
    this.noteLongOutage();
    const wait = this.breaker.msUntilAttempt();
    if (wait > 0 && !this.checkNowRequested) {
      await this.waker.wait(wait);
      if (this.breaker.msUntilAttempt() > 0 && !this.checkNowRequested) return;
    }
    if (!this.active || this.shutdown.signal.aborted) return;
    const requestedByUser = this.checkNowRequested && this.breaker.msUntilAttempt() > 0;
    this.checkNowRequested = false;

    await this.probe(requestedByUser);
  }

  /** Warns once per outage when it has lasted past the long-outage time. */
  private noteLongOutage(): void {
    const outage = this.breaker.outage();
    if (!outage?.longOutage || this.longOutageWarnedFor === outage.since) return;

    this.longOutageWarnedFor = outage.since;
    this.logger.warn(
      { source: 'amazon', since: outage.since, failedAttempts: outage.streak, error: outage.lastError },
      'source still unavailable after the long-outage time; check the T2Tunes base URL',
    );
  }

  /**
   * Asks `/api/status` whether the source is back. A failed scheduled probe
   * extends the wait; a failed check the user requested only updates the last error.
   */
  private async probe(requestedByUser = false): Promise<void> {
    try {
      await this.requirePacer().take(this.shutdown.signal);
      const status = await this.requireClient().status();
      if (!status.up) throw new SourceError('outage', 'T2Tunes reports Amazon Music down', { endpoint: 'status' });
      this.breaker.markHalfOpen();
      this.logger.debug({ source: 'amazon' }, 'status probe passed; trying one item');
    } catch (error) {
      const failure = isSourceError(error) ? error : new SourceError('outage', String(error), { cause: error });
      if (failure.kind === 'rate_limited') {
        this.closeBreaker('source answered with a rate limit; the outage is over');
        this.rateLimit.begin(failure.retryAfterSeconds);
        return;
      }
      if (requestedByUser) this.breaker.recordFailedCheck(describeSourceError(failure));
      else this.breaker.recordFailure(failure.kind === 'contract' ? 'contract' : 'outage', describeSourceError(failure));
      this.logger.debug({ source: 'amazon', error: failure.message }, 'status probe failed; waiting longer');
      this.report();
    }
  }

  private setPhase(phase: WorkerPhase): void {
    this.phase = phase;
    this.report();
  }

  private report(): void {
    const client = this.client;
    this.link.reportState({
      phase: this.phase,
      outage: this.breaker.outage(),
      rateLimit: this.rateLimit.info(),
      currentItem: this.current ? { entityType: this.current.entityType, id: this.current.id, name: this.current.name } : null,
      requests: this.requestTotals(client),
      breaker: this.breaker.persisted(),
    });
  }

  private requestTotals(client: SourceClient | null): { total: number; byEndpoint: Record<string, number> } {
    const current = client ? client.requestCounts() : { total: 0, byEndpoint: {} };
    const byEndpoint = { ...this.retiredRequests.byEndpoint };
    for (const [endpoint, count] of Object.entries(current.byEndpoint)) byEndpoint[endpoint] = (byEndpoint[endpoint] ?? 0) + count;
    return { total: this.retiredRequests.total + current.total, byEndpoint };
  }

  private requireClient(): SourceClient {
    if (!this.client) throw new Error('the enrichment loop ran before it was configured');
    return this.client;
  }

  private requirePacer(): RequestPacer {
    if (!this.pacer) throw new Error('the enrichment loop ran before it was configured');
    return this.pacer;
  }
}

function keyOf(item: WorkItem): ItemKey {
  return { entityType: item.entityType, id: item.id };
}

function failedResult(item: WorkItem, reason: string): ItemResult {
  return {
    entityType: item.entityType,
    id: item.id,
    status: 'error',
    sourceId: null,
    catalogName: null,
    imageUrl: null,
    label: null,
    trackCount: null,
    reason,
  };
}
