import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type Database from 'better-sqlite3';

import { EnrichmentController } from '../../main/core/enrichment/controller.ts';
import { launchNodeChild } from '../../main/core/process/node-child.ts';
import { scanLibrary } from '../../main/core/scan-service.ts';
import { parseCommandArgs } from '../args.ts';
import { EXIT_FAILURE, EXIT_OK, type Command, type CommandContext } from '../command.ts';
import { startFakeUpstream } from '../fake-upstream.ts';
import { openHost } from '../host.ts';
import { REPOSITORY_ROOT } from '../repository.ts';

const DEMO_CATALOG = path.join(REPOSITORY_ROOT, 'demo/catalog.json');
const DEMO_LIBRARY = path.join(REPOSITORY_ROOT, 'test/fixtures/library');
/** The demo's fake upstream answers at once, so it may go faster than a public proxy allows. */
const DEMO_REQUESTS_PER_SECOND = 20;

export const demoCommand: Command = {
  name: 'demo',
  summary: 'Scan and enrich the bundled sample library against a local fake T2Tunes',
  usage: `Usage: liner demo [--keep]

Runs the whole main job offline: starts the fake T2Tunes server with the
bundled demo catalog on a free 127.0.0.1 port, scans the bundled sample
library into a temporary database, enables Amazon enrichment for it,
enriches until nothing is left, and prints what matched.

Options:
  --keep   keep the temporary database and log, and print their paths`,

  async run(args, context) {
    const { values } = parseCommandArgs(args, { keep: { type: 'boolean' } });
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'liner-demo-'));
    const env = { ...context.env, LINER_LOG_FILE: path.join(folder, 'liner.log') };

    context.stderr.write('Starting the fake T2Tunes server…\n');
    const upstream = await startFakeUpstream(DEMO_CATALOG);
    const host = openHost({ db: path.join(folder, 'liner.db'), env, stderrLevel: 'error' });
    try {
      context.stderr.write(`Scanning ${path.relative(process.cwd(), DEMO_LIBRARY) || DEMO_LIBRARY}…\n`);
      const scan = await scanLibrary({ db: host.db, launcher: launchNodeChild, folder: DEMO_LIBRARY, logger: host.logger, signal: context.signal });

      host.settings.set('amazon.baseUrl', upstream.url);
      host.settings.set('amazon.requestsPerSecond', DEMO_REQUESTS_PER_SECOND);
      const controller = new EnrichmentController({ db: host.db, settings: host.settings, logger: host.logger, launcher: launchNodeChild });
      controller.setEnabled('amazon', true);

      context.stderr.write(`Enriching ${scan.tracks} tracks against ${upstream.url}…\n`);
      const finished = await enrichUntilIdle(controller, context);
      context.stdout.write(formatMatchTable(host.db));

      const stats = controller.sessionStats();
      context.stdout.write(
        `\n${stats.processed} items: ${stats.matched} matched, ${stats.notFound} not found, ${stats.errors} failed, ` +
          `${stats.requests.total} requests to T2Tunes. Files skipped as not audio or unreadable: ${scan.unreadable.length}.\n`,
      );
      if (values.keep) context.stdout.write(`Database: ${host.dbPath}\nLog: ${env.LINER_LOG_FILE}\n`);
      return finished ? EXIT_OK : EXIT_FAILURE;
    } finally {
      host.close();
      await upstream.stop();
      if (!values.keep) fs.rmSync(folder, { recursive: true, force: true });
    }
  },
};

/** Resolves true once the queue is empty, false when enrichment stopped for another reason. */
async function enrichUntilIdle(controller: EnrichmentController, context: CommandContext): Promise<boolean> {
  let settle!: (idle: boolean) => void;
  const done = new Promise<boolean>((resolve) => (settle = resolve));
  const unsubscribe = controller.onStatus((status) => {
    const state = status.sources.amazon.state;
    if (state === 'idle') settle(true);
    if (state === 'crashed' || state === 'outage' || state === 'contract') {
      context.stderr.write(`Enrichment stopped: ${status.sources.amazon.problem ?? status.sources.amazon.outage?.lastError ?? state}\n`);
      settle(false);
    }
  });
  context.signal.addEventListener('abort', () => settle(false), { once: true });

  await controller.start();
  const idle = await done;
  unsubscribe();
  await controller.stop();
  return idle;
}

interface MatchRow {
  path: string;
  title: string;
  artist: string | null;
  artist_id: string | null;
  artist_status: string | null;
  album: string | null;
  album_id: string | null;
  album_status: string | null;
  track_id: string | null;
  track_status: string | null;
}

function cell(id: string | null, status: string | null): string {
  if (id) return id;
  if (status === 'not_found') return 'not found';
  if (status === 'error') return 'failed';
  return '—';
}

/** Renders one line per track: its file, then the stored artist, album and track ids. */
export function formatMatchTable(db: Database.Database): string {
  const rows = db
    .prepare(`
      SELECT t.path, t.title, ar.name AS artist, ar.amazon_id AS artist_id, ar.amazon_match_status AS artist_status,
             al.title AS album, al.amazon_id AS album_id, al.amazon_match_status AS album_status,
             t.amazon_id AS track_id, t.amazon_match_status AS track_status
      FROM tracks t LEFT JOIN artists ar ON ar.id = t.artist_id LEFT JOIN albums al ON al.id = t.album_id
      ORDER BY ar.name, al.title, t.disc_number, t.track_number, t.title`)
    .all() as MatchRow[];

  const table = rows.map((row) => [
    truncate(`${row.artist ?? '?'} — ${row.title}`, 48),
    cell(row.artist_id, row.artist_status),
    cell(row.album_id, row.album_status),
    cell(row.track_id, row.track_status),
  ]);
  const header = ['Artist — track', 'Amazon artist', 'Amazon album', 'Amazon track'];
  const widths = header.map((title, column) => Math.max(title.length, ...table.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]) => cells.map((text, column) => text.padEnd(widths[column] ?? 0)).join('  ').trimEnd();

  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...table.map(line)].join('\n') + '\n';
}

function truncate(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}
