/**
 * Two hosts on one database, as the desktop app and the CLI are: a pause or
 * a setting saved by one reaches the other's running worker, and only one of
 * them enriches at a time.
 */
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { startControllerHarness, waitFor, type ControllerHarness } from './support/controller-harness.ts';
import { insertLibrary } from './support/library-rows.ts';
import { runLiner } from './support/liner-cli.ts';

let harness: ControllerHarness;
let db: ControllerHarness['db'];
let settings: ControllerHarness['settings'];
let server: ControllerHarness['server'];
let controller: ControllerHarness['controller'];
let dir: string;
let dbPath: string;

beforeEach(async () => {
  harness = await startControllerHarness(20);
  ({ db, settings, server, controller } = harness);
  ({ dir, dbPath } = harness);
});

afterEach(async () => {
  await harness.close();
});

/** Waits until the fake server has seen no request for `quietMs`; throws after `timeoutMs`. */
async function waitForQuiet(quietMs: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = server.counts().total;
  let lastChange = Date.now();
  while (Date.now() - lastChange < quietMs) {
    if (Date.now() > deadline) throw new Error(`requests did not stop within ${timeoutMs} ms of the pause`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const total = server.counts().total;
    if (total !== last) {
      last = total;
      lastChange = Date.now();
    }
  }
}

describe('second host on one database', () => {
  it('pauses a running worker through the CLI', async () => {
    for (let index = 0; index < 100; index++) insertLibrary(db, { artist: `Unknown Act ${index}`, album: `Album ${index}` });
    settings.set('amazon.requestsPerSecond', 2);
    await controller.start();
    await waitFor(() => server.counts().total > 0, 'the first request');

    const pause = await runLiner(['pause', '--db', dbPath], { LINER_LOG_FILE: path.join(dir, 'cli.log') });
    expect(pause.code, pause.stderr).toBe(0);
    await waitFor(() => controller.status().sources.amazon.state === 'paused', 'the paused state');

    // The running worker learns of the pause at its next settings poll and
    // finishes the item in hand, so wait for the requests to stop. At 2
    // requests per second, only a pause gives a quiet spell of 2.5 s.
    await waitForQuiet(2_500, 20_000);
    const before = server.counts().total;
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(server.counts().total).toBe(before);
  });

  it('refuses a second enrich run', async () => {
    insertLibrary(db);
    await controller.start();

    const second = await runLiner(['enrich', '--db', dbPath, '--until-idle'], { LINER_LOG_FILE: path.join(dir, 'cli.log') });
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`pid ${process.pid}`);
  });

  it('takes over once the other host stops', async () => {
    insertLibrary(db, { artist: 'Nirvana', album: 'Nevermind', trackTitles: ['In Bloom'] });
    await server.setFault({ mode: { kind: 'slow', delayMs: 300 } });
    const cli = runLiner(['enrich', '--db', dbPath, '--until-idle'], { LINER_LOG_FILE: path.join(dir, 'cli.log') });
    await waitFor(() => server.counts().total > 0, 'the CLI run to start');

    await controller.start();
    expect(controller.status().sources.amazon.problem ?? '').toMatch(/pid \d+/);

    expect((await cli).code).toBe(0);
    await server.clearFaults();
    insertLibrary(db, { artist: 'Queen', album: 'A Kind of Magic', trackTitles: ['A Kind of Magic'] });
    await waitFor(() => controller.status().sources.amazon.counts.pending === 0 && controller.lockHolder() === null, 'the takeover');
    expect(controller.status().sources.amazon.problem).toBeNull();
  });
});
