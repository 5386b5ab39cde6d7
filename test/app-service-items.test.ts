import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { migration001 } from '../src/main/core/db/migrations/001-core-tables.ts';
import { getItem } from '../src/main/core/items/item-detail.ts';
import { itemPageSql, listItems } from '../src/main/core/items/item-list.ts';
import { listLibraries } from '../src/main/core/items/library-queries.ts';
import type { ItemFilter, ItemQuery } from '../src/shared/ipc-contract.ts';
import { openTempDatabase, seedLibrary, type SeededLibrary, type TempDatabase } from './support/app-service-db.ts';

let temp: TempDatabase;
let seeded: SeededLibrary;

beforeEach(() => {
  temp = openTempDatabase();
  seeded = seedLibrary(temp.db);
});

afterEach(() => temp.remove());

function trackQuery(overrides: Partial<ItemQuery> = {}): ItemQuery {
  return { libraryId: seeded.libraryId, entityType: 'track', filter: 'all', search: '', offset: 0, limit: 100, ...overrides };
}

describe('listItems', () => {
  it.each([
    ['all', 4],
    ['unmatched', 3],
    ['matched', 1],
    ['not_found', 1],
    ['failed', 1],
    ['pending', 1],
  ] as const)('filter %s counts %i tracks', (filter, expected) => {
    expect(listItems(temp.db, trackQuery({ filter })).total).toBe(expected);
  });

  it('returns one row per counted track', () => {
    const page = listItems(temp.db, trackQuery({ filter: 'unmatched' }));
    expect(page.rows.map((row) => row.name)).toEqual(['Aerodynamic', 'Digital Love', 'Harder, Better, Faster, Stronger']);
  });

  it('searches titles ignoring case', () => {
    const page = listItems(temp.db, trackQuery({ search: 'DIGITAL' }));
    expect(page.rows.map((row) => row.name)).toEqual(['Digital Love']);
  });

  it('treats % in the search as text', () => {
    expect(listItems(temp.db, trackQuery({ search: '%' })).total).toBe(0);
  });

  it('pages with offset and limit', () => {
    const page = listItems(temp.db, trackQuery({ offset: 1, limit: 2 }));
    expect(page.rows.map((row) => row.id)).toEqual(seeded.trackIds.slice(1, 3));
  });

  it('counts every row when paging', () => {
    expect(listItems(temp.db, trackQuery({ offset: 1, limit: 2 })).total).toBe(4);
  });

  it('fills artist and album of a track row', () => {
    const [row] = listItems(temp.db, trackQuery({ limit: 1 })).rows;
    expect(row).toMatchObject({ artistName: 'Daft Punk', albumTitle: 'Discovery', year: 2001, trackNumber: 1, status: 'matched' });
  });

  it('fills the artist of an album row', () => {
    const [row] = listItems(temp.db, trackQuery({ entityType: 'album' })).rows;
    expect(row).toMatchObject({ name: 'Discovery', artistName: 'Daft Punk', amazonId: 'B000059MEK', manual: false });
  });

  it('keeps other libraries out', () => {
    const other = seedLibrary(temp.db, '/music/other');
    expect(listItems(temp.db, trackQuery({ libraryId: other.libraryId })).rows.map((row) => row.id)).toEqual(other.trackIds);
  });

  it('adds missing source columns to an older database', () => {
    const db = new Database(`${temp.folder}/older.db`);
    migration001.up(db);
    db.prepare("INSERT INTO libraries (name, root_path) VALUES ('old', '/old')").run();
    db.prepare("INSERT INTO artists (library_id, name) VALUES (1, 'Air')").run();

    const page = listItems(db, { ...trackQuery({ entityType: 'artist', filter: 'pending' }), libraryId: 1 });
    db.close();
    expect(page.total).toBe(1);
  });
});

describe('listItems on 100 000 rows', () => {
  // `unmatched` is left to the planner: with statistics it may walk the table
  // in id order instead, which already yields rows in page order.
  const equalityFilters: ItemFilter[] = ['matched', 'not_found', 'failed', 'pending'];
  const filters: ItemFilter[] = [...equalityFilters, 'unmatched'];
  let large: TempDatabase;
  let largeSeed: SeededLibrary;

  beforeAll(() => {
    large = openTempDatabase();
    largeSeed = seedLibrary(large.db);
    const insert = large.db.prepare('INSERT INTO tracks (library_id, title, path, amazon_match_status) VALUES (?, ?, ?, ?)');
    const statuses = [null, 'matched', 'not_found', 'error'];
    large.db.transaction(() => {
      for (let index = 0; index < 100_000; index++) {
        insert.run(largeSeed.libraryId, `Song ${index}`, `/music/seed/bulk/${index}.flac`, statuses[index % 4]);
      }
    })();
  });

  afterAll(() => large.remove());

  const largeQuery = (overrides: Partial<ItemQuery>) => ({ ...trackQuery(overrides), libraryId: largeSeed.libraryId });

  it.each(equalityFilters)('filter %s uses the library status index', (filter) => {
    const sql = itemPageSql(largeQuery({ filter }));
    const plan = large.db.prepare(`EXPLAIN QUERY PLAN ${sql.pageSql}`).all(...sql.params, 100, 0) as { detail: string }[];
    expect(plan.map((step) => step.detail).join('\n')).toContain('idx_tracks_library_amazon_status');
  });

  it.each(filters)('count of filter %s uses the library status index', (filter) => {
    const sql = itemPageSql(largeQuery({ filter }));
    const plan = large.db.prepare(`EXPLAIN QUERY PLAN ${sql.countSql}`).all(...sql.params) as { detail: string }[];
    expect(plan.map((step) => step.detail).join('\n')).toContain('idx_tracks_library_amazon_status');
  });

  it('returns the last page', () => {
    const page = listItems(large.db, largeQuery({ filter: 'failed', offset: 25_000, limit: 500 }));
    expect(page.rows.map((row) => row.name)).toEqual(['Song 99999']);
  });
});

describe('getItem', () => {
  it('returns a failed track with its retry details', () => {
    const item = getItem(temp.db, 'track', seeded.trackIds[2]!, 'US');
    expect(item).toMatchObject({
      status: 'error',
      attempts: 2,
      lastError: 'HTTP 400: bad query',
      nextRetryAt: new Date(1_900_000_000_000).toISOString(),
      path: '/music/seed/03 Digital Love.flac',
    });
  });

  it('shows the album cover on a track', () => {
    expect(getItem(temp.db, 'track', seeded.trackIds[0]!, 'US')?.thumbUrl).toBe('https://m.media-amazon.com/images/I/cover.jpg');
  });

  it('links a matched track through its album', () => {
    expect(getItem(temp.db, 'track', seeded.trackIds[0]!, 'US')?.amazonUrl).toBe(
      'https://music.amazon.com/albums/B000059MEK?trackAsin=B000059MF1',
    );
  });

  it('links an album on the storefront of the country', () => {
    expect(getItem(temp.db, 'album', seeded.albumId, 'DE')?.amazonUrl).toBe('https://music.amazon.de/albums/B000059MEK');
  });

  it('has no link without an id', () => {
    expect(getItem(temp.db, 'track', seeded.trackIds[1]!, 'US')?.amazonUrl).toBeNull();
  });

  it('returns album label and track count', () => {
    expect(getItem(temp.db, 'album', seeded.albumId, 'US')).toMatchObject({ label: 'Virgin', apiTrackCount: 14, libraryId: seeded.libraryId });
  });

  it('returns undefined for a missing id', () => {
    expect(getItem(temp.db, 'artist', 999_999, 'US')).toBeUndefined();
  });
});

describe('libraries', () => {
  it('lists totals per library', () => {
    const [library] = listLibraries(temp.db);
    expect(library?.totals).toEqual({ artists: 1, albums: 1, tracks: 4 });
  });
});
