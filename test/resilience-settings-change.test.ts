/**
 * Changing the base URL or country while an item is in flight must neither
 * fail that item nor look like an outage: the worker keeps the old client
 * until the item is done instead of aborting its request.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { startControllerHarness, waitFor, type ControllerHarness } from './support/controller-harness.ts';
import { insertLibrary } from './support/library-rows.ts';

let harness: ControllerHarness;
let db: ControllerHarness['db'];
let settings: ControllerHarness['settings'];
let server: ControllerHarness['server'];
let controller: ControllerHarness['controller'];

beforeEach(async () => {
  harness = await startControllerHarness(20);
  ({ db, settings, server, controller } = harness);
});

afterEach(async () => {
  await harness.close();
});

describe('settings change mid-item', () => {
  it('fails no item when the endpoint changes', async () => {
    // Real catalog entries, so each artist match needs a search and then an album lookup.
    insertLibrary(db, { artist: 'Nirvana', album: 'Nevermind', trackTitles: ['In Bloom'] });
    insertLibrary(db, { artist: 'Queen', album: 'A Kind of Magic', trackTitles: ['A Kind of Magic'] });
    insertLibrary(db, { artist: 'Jason Mraz', album: 'Yes!', trackTitles: ['Long Drive'] });
    insertLibrary(db, { artist: 'Yasmin Levy', album: 'Sentir', trackTitles: ['Mi Korasón'] });
    await server.setFault({ mode: { kind: 'slow', delayMs: 300 } });
    const states = new Set<string>();
    controller.onStatus((status) => states.add(status.sources.amazon.state));
    await controller.start();

    const hosts = [server.url, server.url.replace('127.0.0.1', 'localhost')];
    for (let change = 0; change < 6; change++) {
      await waitFor(() => server.requests().some((entry) => entry.status === null), 'a request in flight');
      settings.set('amazon.country', change % 2 === 0 ? 'GB' : 'US');
      settings.set('amazon.baseUrl', hosts[change % 2]);
      controller.applySettings();
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    await server.clearFaults();
    await waitFor(() => controller.status().sources.amazon.state === 'idle', 'idle');
    const failed = db.prepare("SELECT COUNT(*) AS count FROM artists WHERE amazon_match_status = 'error'").get() as { count: number };
    expect(failed.count).toBe(0);
    expect([...states]).not.toContain('outage');
  });
});
