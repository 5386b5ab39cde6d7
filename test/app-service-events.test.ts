import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createAppService, type AppController, type AppService } from '../src/main/core/app-service.ts';
import { EnrichmentController } from '../src/main/core/enrichment/controller.ts';
import { silentLogger } from '../src/main/core/logging.ts';
import type { ChildLauncher } from '../src/main/core/process/child.ts';
import { SettingsStore } from '../src/main/core/settings-store.ts';
import type { EnrichmentStatus } from '../src/shared/enrichment-state.ts';
import { openTempDatabase, type TempDatabase } from './support/app-service-db.ts';
import { ManualTimers } from './support/manual-timers.ts';

const noWorkerLauncher: ChildLauncher = () => {
  throw new Error('these tests start no worker');
};

let temp: TempDatabase;
let controller: EnrichmentController;
let timers: ManualTimers;
let service: AppService;
let received: EnrichmentStatus[];
let push: (status: EnrichmentStatus) => void;

function withState(base: EnrichmentStatus, state: 'running' | 'idle', matched: number): EnrichmentStatus {
  const amazon = base.sources.amazon;
  return { sources: { amazon: { ...amazon, state, counts: { ...amazon.counts, matched } } } };
}

beforeEach(async () => {
  temp = openTempDatabase();
  const settings = new SettingsStore(temp.db);
  controller = new EnrichmentController({ db: temp.db, settings, logger: silentLogger(), launcher: noWorkerLauncher });
  await controller.start();

  // The real controller's listener list, fed by hand so the test controls
  // which statuses arrive and when.
  const listeners = new Set<(status: EnrichmentStatus) => void>();
  const feeder: AppController = {
    ...bindAll(controller),
    onStatus: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  push = (status) => listeners.forEach((listener) => listener(status));

  timers = new ManualTimers();
  service = createAppService({
    db: temp.db,
    settings,
    logger: silentLogger(),
    controller: feeder,
    launcher: noWorkerLauncher,
    version: '0.1.0',
    runScan: async () => undefined,
    timers,
  });
  received = [];
  service.events.on('status', (status) => received.push(status));
});

afterEach(async () => {
  await service.close();
  await controller.stop();
  temp.remove();
});

/** Copies the controller's methods into a plain object, so the test can replace one. */
function bindAll(target: EnrichmentController): AppController {
  return {
    status: () => target.status(),
    onStatus: (listener) => target.onStatus(listener),
    setEnabled: (source, enabled) => target.setEnabled(source, enabled),
    pause: (source) => target.pause(source),
    resume: (source) => target.resume(source),
    checkNow: (source) => target.checkNow(source),
    pin: (source, type) => target.pin(source, type),
    holdForScan: () => target.holdForScan(),
    wake: () => target.wake(),
    applySettings: () => target.applySettings(),
    retryItem: (type, id) => target.retryItem(type, id),
    clearMatch: (type, id) => target.clearMatch(type, id),
    setManualMatch: (type, id, amazonId) => target.setManualMatch(type, id, amazonId),
  };
}

describe('status events', () => {
  it('forwards the first status at once', () => {
    push(withState(controller.status(), 'running', 1));
    expect(received.map((status) => status.sources.amazon.counts.matched)).toEqual([1]);
  });

  it('skips a status that did not change', () => {
    const status = withState(controller.status(), 'running', 1);
    push(status);
    timers.advance(1_000);
    push(structuredClone(status));
    expect(received).toHaveLength(1);
  });

  it('sends at most one status per 250 ms', () => {
    const base = controller.status();
    for (let matched = 1; matched <= 40; matched++) {
      push(withState(base, 'running', matched));
      timers.advance(25);
    }
    timers.advance(250);
    // 40 changes over 1 s: the first at once, then the latest of each 250 ms.
    expect(received.map((status) => status.sources.amazon.counts.matched)).toEqual([1, 10, 20, 30, 40]);
  });

  it('stops sending after close', async () => {
    await service.close();
    push(withState(controller.status(), 'idle', 3));
    expect(received).toHaveLength(0);
  });
});
