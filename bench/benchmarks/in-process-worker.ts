import type { ChildLauncher, ChildProcessHandle } from '../../src/main/core/process/child.ts';
import type { ItemResult, WorkerCommand, WorkerEvent, WorkItem } from '../../src/shared/worker-protocol.ts';
import type { Clock } from '../../src/worker/enrichment/clock.ts';
import { EnrichmentLoop, type WorkLink } from '../../src/worker/enrichment/loop.ts';
import { createForwardingLogger } from '../../src/worker/logging.ts';
import { T2TunesClient } from '../../src/worker/sources/amazon/index.ts';

/**
 * Creates a launcher that runs the enrichment worker inside this process,
 * on an injected clock, so hours of back-off can be simulated in seconds. It wires
 * the real `EnrichmentLoop` and `T2TunesClient` the way the worker entry
 * (src/worker/enrichment/entry.ts) does. Messages are structured clones,
 * delivered on a later turn of the event loop as over a process channel.
 * `onRequest` is called before every HTTP request the client sends.
 */
export function inProcessLauncher(clock: Clock, onRequest: (endpoint: string) => void = () => {}): ChildLauncher {
  return <Outgoing, Incoming>(entry: string) => {
    if (entry !== 'enrichment') throw new Error(`the in-process launcher runs only the enrichment worker, not "${entry}"`);
    return startInProcessWorker(clock, onRequest) as unknown as ChildProcessHandle<Outgoing, Incoming>;
  };
}

function startInProcessWorker(clock: Clock, onRequest: (endpoint: string) => void): ChildProcessHandle<WorkerCommand, WorkerEvent> {
  const mainListeners: ((event: WorkerEvent) => void)[] = [];
  const exitListeners: ((code: number | null, signal: string | null) => void)[] = [];
  let exited = false;

  const toMain = (event: WorkerEvent) => {
    const copy = structuredClone(event);
    setImmediate(() => {
      if (!exited) for (const listener of mainListeners) listener(copy);
    });
  };
  const exit = (code: number | null, signal: string | null) => {
    if (exited) return;
    exited = true;
    for (const listener of exitListeners) listener(code, signal);
  };

  const worker = new WorkerSide(clock, onRequest, toMain, () => exit(0, null));
  toMain({ type: 'ready' });

  return {
    pid: undefined,
    send(command) {
      const copy = structuredClone(command);
      setImmediate(() => {
        if (!exited) worker.receive(copy);
      });
    },
    onMessage: (listener) => void mainListeners.push(listener),
    onExit: (listener) => void exitListeners.push(listener),
    kill() {
      worker.stop();
      exit(null, 'SIGKILL');
    },
  };
}

/** The worker's half: the loop, its link to main, and the command switch of the worker entry. */
class WorkerSide {
  private readonly loop: EnrichmentLoop;
  private readonly pendingItems = new Map<number, (item: WorkItem | null) => void>();
  private readonly pendingAcks = new Map<number, () => void>();
  private nextRequestId = 1;
  private running: Promise<void> | null = null;

  constructor(
    clock: Clock,
    onRequest: (endpoint: string) => void,
    private readonly toMain: (event: WorkerEvent) => void,
    private readonly onStopped: () => void,
  ) {
    const logger = createForwardingLogger((record) => toMain({ type: 'log', record }));
    this.loop = new EnrichmentLoop({
      link: this.link(),
      clock,
      logger,
      createClient: (settings) =>
        new T2TunesClient({ baseUrl: settings.baseUrl, country: settings.country, logger: logger.child({ scope: 't2tunes' }), onRequest }),
    });
  }

  receive(command: WorkerCommand): void {
    switch (command.type) {
      case 'configure':
        this.loop.configure(command.settings, command.active, command.breaker);
        this.running ??= this.loop.run().then(() => this.finish());
        break;
      case 'set-active':
        this.loop.setActive(command.active);
        break;
      case 'item':
        this.pendingItems.get(command.requestId)?.(command.item);
        this.pendingItems.delete(command.requestId);
        break;
      case 'ack':
        this.pendingAcks.get(command.requestId)?.();
        this.pendingAcks.delete(command.requestId);
        break;
      case 'wake':
        this.loop.wake();
        break;
      case 'check-now':
        this.loop.checkNow();
        break;
      case 'shutdown':
        this.loop.stop();
        if (!this.running) this.finish();
        break;
    }
  }

  stop(): void {
    this.loop.stop();
  }

  private finish(): void {
    this.toMain({ type: 'stopped' });
    setImmediate(this.onStopped);
  }

  private link(): WorkLink {
    return {
      requestItem: () => {
        const requestId = this.nextRequestId++;
        return new Promise((resolve) => {
          this.pendingItems.set(requestId, resolve);
          this.toMain({ type: 'request-item', requestId });
        });
      },
      submit: (result: ItemResult) => {
        const requestId = this.nextRequestId++;
        return new Promise((resolve) => {
          this.pendingAcks.set(requestId, resolve);
          this.toMain({ type: 'result', requestId, result });
        });
      },
      release: (key, reason) => this.toMain({ type: 'release', key: { entityType: key.entityType, id: key.id }, reason }),
      reportState: (state) => this.toMain({ type: 'state', state }),
    };
  }
}
