/**
 * Worker crashes with the real forked worker, a real SQLite file and the
 * fake T2Tunes on 127.0.0.1: an item that crashes the worker twice is marked
 * failed, and a worker that keeps crashing stops being restarted until
 * "Check now".
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { CORPUS_CATALOG_PATH } from './support/fake-t2tunes/corpus.ts';
import { startFakeT2Tunes, type FakeT2Tunes } from './support/fake-t2tunes/server.ts';
import { isAlive } from './support/resilience/background-cli.ts';
import { openHarness, type Harness } from './support/resilience/controller-harness.ts';
import { countersAndTruth, statusCounts } from './support/resilience/db-snapshot.ts';
import { scanCorpusTemplate } from './support/resilience/library-template.ts';
import { makeTempDir, removeTempDir } from './support/temp.ts';

let templateDir: string;
let template: string;
let dir: string;
let server: FakeT2Tunes;
let harness: Harness;

beforeAll(async () => {
  templateDir = makeTempDir('liner-resilience-');
  template = await scanCorpusTemplate(templateDir);
}, 120_000);

afterAll(() => removeTempDir(templateDir));

afterEach(async () => {
  await harness?.close();
  await server?.close();
  removeTempDir(dir);
});

async function open(restartDelaysMs: number[]): Promise<Harness> {
  dir = makeTempDir('liner-crashes-');
  server = await startFakeT2Tunes({ catalogPath: CORPUS_CATALOG_PATH });
  harness = openHarness({ template, dir, server, restartDelaysMs });
  return harness;
}

function workerPids(h: Harness): number[] {
  return h
    .log()
    .filter((record) => record.msg === 'enrichment worker started')
    .map((record) => record.pid as number);
}

/** Kills the newest worker once it has started, and waits until it is gone. */
async function killWorker(h: Harness, count: number): Promise<void> {
  await h.until(() => workerPids(h).length >= count, `worker ${count} to start`);
  const pid = workerPids(h)[count - 1] as number;
  process.kill(pid, 'SIGKILL');
  await h.until(() => !isAlive(pid), `worker ${count} to exit`);
}

describe('worker crashes', () => {
  it('mark an item that crashed twice', async () => {
    const h = await open([200, 400, 800]);
    await h.controller.start();
    await h.until(() => h.controller.sessionStats().processed >= 10, 'items before the crash');
    await server.setFault({ mode: { kind: 'slow', delayMs: 10_000 }, endpoint: 'search', times: 2 });

    await h.until(() => server.requests().filter((entry) => entry.fault === 'slow').length === 1, 'the first held request');
    const held = h.amazon().currentItem;
    await killWorker(h, 1);
    await h.until(() => server.requests().filter((entry) => entry.fault === 'slow').length === 2, 'the retried item');
    const retried = h.amazon().currentItem;
    await killWorker(h, 2);
    await h.until(() => h.amazon().state === 'idle', 'the run to finish');

    const row = h.db
      .prepare(`SELECT amazon_match_status AS status, amazon_last_error AS error FROM ${held?.entityType}s WHERE id = ?`)
      .get(held?.id) as { status: string; error: string };
    const { counters, truth } = countersAndTruth(h.db);
    expect(retried).toEqual(held);
    expect(row.status).toBe('error');
    expect(row.error).toContain('crashed twice');
    expect(statusCounts(h.db).error).toBe(1);
    expect(statusCounts(h.db).pending ?? 0).toBe(0);
    expect(counters).toEqual(truth);
  }, 120_000);

  it('stop restarting after the delays run out', async () => {
    const h = await open([200, 400]);
    await h.controller.start();

    for (let count = 1; count <= 3; count++) await killWorker(h, count);
    await h.until(() => h.amazon().state === 'crashed', 'the crashed state');

    expect(h.amazon().problem).toContain('crashed 3 times');
    expect(workerPids(h)).toHaveLength(3);
  }, 120_000);

  it('restart on Check now after a crash loop', async () => {
    const h = await open([200]);
    await h.controller.start();
    for (let count = 1; count <= 2; count++) await killWorker(h, count);
    await h.until(() => h.amazon().state === 'crashed', 'the crashed state');

    h.controller.checkNow('amazon');
    await h.until(() => h.amazon().state === 'idle', 'the run to finish');

    expect(h.amazon().problem).toBeNull();
    expect(statusCounts(h.db).pending ?? 0).toBe(0);
  }, 120_000);
});
