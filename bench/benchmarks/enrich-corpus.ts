import path from 'node:path';

import Database from 'better-sqlite3';

import { ENTITY_TYPES, type EntityType } from '../../src/shared/entities.ts';
import { startFakeT2Tunes } from '../../test/support/fake-t2tunes/server.ts';
import type { Benchmark, BenchContext } from '../support/benchmark.ts';
import { runLiner } from '../support/liner-process.ts';
import { CORPUS_CATALOG, CORPUS_LIBRARY, makeWorkDir, removeWorkDir } from '../support/paths.ts';
import { figure, type Figure } from '../support/results.ts';
import { attributeRequests, type Attribution, type LoggedRequest, type WrittenItem } from './request-attribution.ts';

/** The request budget the throughput figure is measured at: the app's default pace, in requests per second. */
const REQUESTS_PER_SECOND = 2;
const REQUESTS_PER_ITEM_TARGET = 1.5;
/** Upper bound on the enrich run, in ms; the corpus takes well under a minute at 2 requests per second. */
const ENRICH_TIMEOUT_MS = 10 * 60_000;
const HOUR_MS = 3_600_000;

interface EnrichSummary {
  processed: number;
  matched: number;
  notFound: number;
  errors: number;
  requests: { total: number; byEndpoint: Record<string, number> };
  durationMs: number;
}

const TABLE: Record<EntityType, string> = { artist: 'artists', album: 'albums', track: 'tracks' };

function readWrittenItems(file: string): WrittenItem[] {
  const db = new Database(file, { readonly: true });
  try {
    return ENTITY_TYPES.flatMap((entityType) =>
      (db.prepare(`SELECT id, amazon_last_attempted AS writtenAt FROM ${TABLE[entityType]} WHERE amazon_last_attempted IS NOT NULL`).all() as {
        id: number;
        writtenAt: number;
      }[]).map((row) => ({ entityType, ...row })),
    );
  } finally {
    db.close();
  }
}

/** Scans the corpus with `liner scan`, then enriches it with `liner enrich --until-idle --json` at 2 requests per second. */
async function enrichCorpus(context: BenchContext) {
  const server = await startFakeT2Tunes({ catalogPath: CORPUS_CATALOG });
  const dir = makeWorkDir('enrich');
  try {
    const env = { LINER_DB: path.join(dir, 'liner.db'), LINER_LOG_FILE: path.join(dir, 'liner.log') };
    await runLiner(['scan', CORPUS_LIBRARY, '--json'], env, ENRICH_TIMEOUT_MS);
    await runLiner(['enable', 'amazon'], env, ENRICH_TIMEOUT_MS);
    server.resetLog();

    context.log(`  enriching the corpus at ${REQUESTS_PER_SECOND} requests/s against the fake T2Tunes at ${server.url}`);
    const args = ['enrich', '--base-url', server.url, '--rate', String(REQUESTS_PER_SECOND), '--until-idle', '--json'];
    const summary = JSON.parse(await runLiner(args, env, ENRICH_TIMEOUT_MS)) as EnrichSummary;

    const requests: LoggedRequest[] = server
      .requests()
      .filter((entry) => entry.endpoint !== null)
      .map((entry) => ({ endpoint: entry.endpoint as string, arrivedAt: Date.parse(entry.time) }));
    return { summary, requests, items: readWrittenItems(env.LINER_DB) };
  } finally {
    await server.close();
    removeWorkDir(dir);
  }
}

function endpointText(byEndpoint: Record<string, number>): string {
  return Object.entries(byEndpoint)
    .map(([endpoint, count]) => `${endpoint} ${count}`)
    .join(', ');
}

function histogramText(histogram: Record<string, number>): string {
  const parts = Object.entries(histogram)
    .filter(([, items]) => items > 0)
    .map(([spent, items]) => `${items} cost ${spent}`);
  return `items by requests: ${parts.join(', ')}`;
}

function requestFigures(summary: EnrichSummary, attribution: Attribution): Figure[] {
  const figures = [
    figure({
      id: 'requests.per-item',
      label: 'Requests per processed item, corpus',
      value: summary.requests.total / summary.processed,
      unit: 'requests',
      target: { max: REQUESTS_PER_ITEM_TARGET },
      note: `${summary.requests.total} requests (${endpointText(summary.requests.byEndpoint)}) for ${summary.processed} items, from the enrich summary`,
    }),
  ];

  for (const entityType of ENTITY_TYPES) {
    const cost = attribution.byType[entityType];
    figures.push(
      figure({
        id: `requests.per-item.${entityType}`,
        label: `Requests per ${entityType}, corpus`,
        value: cost.items > 0 ? cost.requests / cost.items : null,
        unit: 'requests',
        note: `${cost.requests} requests (${endpointText(cost.byEndpoint) || 'none'}) for ${cost.items} ${entityType}s; ${histogramText(cost.histogram)}`,
      }),
    );
  }
  return figures;
}

/**
 * Items per hour over the window from the first request (or first write) to
 * the last write: the steady rate, without the worker's start-up.
 */
function throughputFigures(summary: EnrichSummary, items: readonly WrittenItem[], requests: readonly LoggedRequest[]): Figure[] {
  const firstEvent = Math.min(...items.map((item) => item.writtenAt), ...requests.map((request) => request.arrivedAt));
  const lastWrite = Math.max(...items.map((item) => item.writtenAt));
  const windowMs = lastWrite - firstEvent;
  const arrivals = requests.map((request) => request.arrivedAt);
  const paceMs = arrivals.length > 1 ? (Math.max(...arrivals) - Math.min(...arrivals)) / (arrivals.length - 1) : Number.NaN;

  return [
    figure({
      id: 'throughput.items-per-hour',
      label: `Items per hour at ${REQUESTS_PER_SECOND} requests/s`,
      value: Math.round((items.length / windowMs) * HOUR_MS),
      unit: 'items/h',
      note: `extrapolated from ${items.length} corpus items in ${(windowMs / 1000).toFixed(1)} s (first request to last write); the whole command took ${(summary.durationMs / 1000).toFixed(1)} s`,
    }),
    figure({
      id: 'throughput.items-per-request',
      label: `Items per request at ${REQUESTS_PER_SECOND} requests/s`,
      value: summary.processed / summary.requests.total,
      unit: 'items',
      note: `${summary.processed} items, ${summary.requests.total} requests; one request every ${Math.round(paceMs)} ms on average`,
    }),
  ];
}

async function run(context: BenchContext) {
  const { summary, requests, items } = await enrichCorpus(context);
  const attribution = attributeRequests(items, requests);

  if (requests.length !== summary.requests.total) {
    context.log(`  NOTE: the fake server logged ${requests.length} requests, the enrich summary counted ${summary.requests.total}`);
  }
  return {
    figures: [...requestFigures(summary, attribution), ...throughputFigures(summary, items, requests)],
    details: { summary, attribution, loggedRequests: requests.length, items: items.length },
  };
}

export const enrichCorpusBenchmark: Benchmark = {
  id: 'enrich',
  title: `Enrich the corpus against the fake T2Tunes at ${REQUESTS_PER_SECOND} requests/s (requests per item, throughput)`,
  run,
};
