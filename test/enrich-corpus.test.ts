/**
 * The main job end to end: `liner scan` reads the shared corpus into a real
 * SQLite file, `liner enrich` forks the real worker against a fake T2Tunes
 * on 127.0.0.1 serving the corpus catalog, and every stored id is checked
 * against the answer key. A wrong id fails the test; recall is reported.
 */
import fs from 'node:fs';
import path from 'node:path';

import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startFakeT2Tunes, type FakeT2Tunes } from './support/fake-t2tunes/server.ts';
import { runLiner } from './support/liner-cli.ts';
import { CORPUS_DIR, makeTempDir, removeTempDir } from './support/temp.ts';

interface ExpectedEntry {
  artist: string | null;
  album: string | null;
  track: string | null;
  albumAlternatives?: string[];
  trackAlternatives?: string[];
}

interface StoredIds {
  artist: string | null;
  album: string | null;
  track: string | null;
  /** Row ids, to find files that share one library album or artist. */
  albumRow: number | null;
  artistRow: number | null;
}

/**
 * Recall floors per entity type, as a share of the answer-key entries that
 * name an id. Set a little under what the matcher reached when this was
 * written, so broad regressions fail and one deliberate tightening does not.
 */
const RECALL_FLOOR = { artist: 0.9, album: 0.85, track: 0.85 };

const LIBRARY = path.join(CORPUS_DIR, 'library');
const EXPECTED = (JSON.parse(fs.readFileSync(path.join(CORPUS_DIR, 'expected.json'), 'utf8')) as { files: Record<string, ExpectedEntry> }).files;

let dir: string;
let server: FakeT2Tunes;
let stored: Map<string, StoredIds>;
let summary: { processed: number; matched: number; requests: { total: number } };

beforeAll(async () => {
  dir = makeTempDir();
  server = await startFakeT2Tunes({ catalogPath: path.join(CORPUS_DIR, 'catalog.json') });
  const env = { LINER_DB: path.join(dir, 'liner.db'), LINER_LOG_FILE: path.join(dir, 'liner.log') };

  const scan = await runLiner(['scan', LIBRARY, '--json'], env);
  expect(scan.code, scan.stderr).toBe(0);
  const enable = await runLiner(['enable', 'amazon'], env);
  expect(enable.code, enable.stderr).toBe(0);

  const enrich = await runLiner(['enrich', '--base-url', server.url, '--rate', '20', '--until-idle', '--json'], env);
  expect(enrich.code, enrich.stderr).toBe(0);
  summary = JSON.parse(enrich.stdout);

  stored = readStoredIds(path.join(dir, 'liner.db'));
}, 180_000);

afterAll(async () => {
  await server?.close();
  removeTempDir(dir);
});

function readStoredIds(file: string): Map<string, StoredIds> {
  const db = new Database(file, { readonly: true });
  const rows = db
    .prepare(`
      SELECT t.path, t.amazon_id AS track, al.amazon_id AS album, ar.amazon_id AS artist,
             t.album_id AS albumRow, t.artist_id AS artistRow
      FROM tracks t
      LEFT JOIN albums al ON al.id = t.album_id
      LEFT JOIN artists ar ON ar.id = t.artist_id`)
    .all() as ({ path: string } & StoredIds)[];
  db.close();

  return new Map(rows.map((row) => [path.relative(LIBRARY, row.path), { ...row }]));
}

type IdType = 'artist' | 'album' | 'track';

function accepted(entry: ExpectedEntry, type: IdType): string[] {
  let alternatives: string[] | undefined;
  if (type === 'album') alternatives = entry.albumAlternatives;
  if (type === 'track') alternatives = entry.trackAlternatives;
  return [entry[type], ...(alternatives ?? [])].filter((id): id is string => id !== null);
}

/**
 * The ids acceptable for a file. The answer key judges each file alone, but
 * the library keeps one album row per album artist and title (and one artist
 * row per name), so files that share a row share its id: an id right for any
 * of them is right for the row.
 */
function acceptedForRow(file: string, type: IdType): string[] {
  const own = accepted(EXPECTED[file] as ExpectedEntry, type);
  if (type === 'track') return own;

  const rowKey = type === 'album' ? 'albumRow' : 'artistRow';
  const row = stored.get(file)?.[rowKey];
  const sharers = [...stored.entries()].filter(([other, ids]) => other !== file && ids[rowKey] === row && EXPECTED[other]);
  return [...own, ...sharers.flatMap(([other]) => accepted(EXPECTED[other] as ExpectedEntry, type))];
}

describe('corpus enrichment', () => {
  it('scans every tagged file into a track', () => {
    for (const file of Object.keys(EXPECTED)) expect(stored.has(file), file).toBe(true);
  });

  for (const type of ['artist', 'album', 'track'] as const) {
    it(`stores no wrong ${type} id`, () => {
      for (const file of Object.keys(EXPECTED)) {
        const id = stored.get(file)?.[type] ?? null;
        if (id === null) continue;
        expect(acceptedForRow(file, type), `${file}: stored ${type} ${id}`).toContain(id);
      }
    });

    it(`reaches the ${type} recall floor`, () => {
      const named = Object.entries(EXPECTED).filter(([, entry]) => entry[type] !== null);
      const found = named.filter(([file, entry]) => {
        const id = stored.get(file)?.[type] ?? null;
        return id !== null && accepted(entry, type).includes(id);
      });
      const recall = found.length / named.length;
      console.info(`${type} recall: ${found.length}/${named.length} (${(recall * 100).toFixed(1)} %)`);
      expect(recall).toBeGreaterThanOrEqual(RECALL_FLOOR[type]);
    });
  }

  it('spends at most 1.5 requests per item', () => {
    const perItem = summary.requests.total / summary.processed;
    console.info(`requests per item: ${summary.requests.total}/${summary.processed} = ${perItem.toFixed(2)}`);
    expect(perItem).toBeLessThanOrEqual(1.5);
  });
});
