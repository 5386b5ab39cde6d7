/**
 * Entry of the enrichment worker process (an Electron utility process in the
 * app, a forked Node child under the CLI). It owns the source client, the
 * circuit breaker and the rate limiter, and talks to main only through typed
 * messages; it never opens the database.
 */
import type { ItemResult, WorkerCommand, WorkerEvent, WorkItem } from '../../shared/worker-protocol.ts';
import { createForwardingLogger } from '../logging.ts';
import { connectToParent, exitWithParent } from '../port.ts';
import { T2TunesClient } from '../sources/amazon/index.ts';
import { timeoutsFromEnv } from './client-timeouts.ts';
import { systemClock } from './clock.ts';
import { EnrichmentLoop, type WorkLink } from './loop.ts';

const port = connectToParent<WorkerCommand, WorkerEvent>();
exitWithParent();

const logger = createForwardingLogger((record) => port.send({ type: 'log', record }));

let nextRequestId = 1;
const pendingItems = new Map<number, (item: WorkItem | null) => void>();
const pendingAcks = new Map<number, () => void>();

const link: WorkLink = {
  requestItem() {
    const requestId = nextRequestId++;
    return new Promise((resolve) => {
      pendingItems.set(requestId, resolve);
      port.send({ type: 'request-item', requestId });
    });
  },
  submit(result: ItemResult) {
    const requestId = nextRequestId++;
    return new Promise((resolve) => {
      pendingAcks.set(requestId, resolve);
      port.send({ type: 'result', requestId, result });
    });
  },
  release(key, reason) {
    port.send({ type: 'release', key: { entityType: key.entityType, id: key.id }, reason });
  },
  reportState(state) {
    port.send({ type: 'state', state });
  },
};

const clientTimeouts = timeoutsFromEnv(process.env);
if (clientTimeouts.problem) logger.warn({ source: 'amazon' }, clientTimeouts.problem);

const loop = new EnrichmentLoop({
  link,
  clock: systemClock,
  logger,
  createClient: (settings) =>
    new T2TunesClient({
      baseUrl: settings.baseUrl,
      country: settings.country,
      timeouts: clientTimeouts.timeouts,
      logger: logger.child({ scope: 't2tunes' }),
    }),
});

let running: Promise<void> | null = null;

port.onMessage((command) => {
  switch (command.type) {
    case 'configure':
      loop.configure(command.settings, command.active, command.breaker, command.rateLimitedUntilMs ?? null);
      running ??= loop.run().then(finish, crash);
      break;
    case 'set-active':
      loop.setActive(command.active);
      break;
    case 'item':
      pendingItems.get(command.requestId)?.(command.item);
      pendingItems.delete(command.requestId);
      break;
    case 'ack':
      pendingAcks.get(command.requestId)?.();
      pendingAcks.delete(command.requestId);
      break;
    case 'wake':
      loop.wake();
      break;
    case 'check-now':
      loop.checkNow();
      break;
    case 'shutdown':
      loop.stop();
      if (!running) finish();
      break;
  }
});

function finish(): void {
  port.send({ type: 'stopped' });
  logger.flush();
  setImmediate(() => process.exit(0));
}

function crash(error: unknown): void {
  logger.fatal({ err: error }, 'enrichment loop failed');
  setImmediate(() => process.exit(1));
}

process.on('uncaughtException', crash);
process.on('unhandledRejection', crash);

port.send({ type: 'ready' });
