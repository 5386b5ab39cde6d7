import path from 'node:path';

import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { openDatabase } from '../src/main/core/db/connection.ts';
import { itemPageSql, listItems } from '../src/main/core/items/item-list.ts';
import { foldSearchText, registerFoldFunction } from '../src/main/core/items/search-fold.ts';
import type { EntityType } from '../src/shared/entities.ts';
import type { ItemQuery } from '../src/shared/ipc-contract.ts';
import { IpcError } from '../src/shared/ipc-error.ts';
import { validateCallArgs } from '../src/shared/ipc-validate.ts';
import { insertLibrary } from './support/library-rows.ts';
import { openTempDatabase, type TempDatabase } from './support/app-service-db.ts';

let temp: TempDatabase;

beforeEach(() => {
  temp = openTempDatabase();
  insertLibrary(temp.db, { artist: 'Ünïcödé Ensemble', album: 'Çafé Society', trackTitles: ['Über Alles', 'Plain Song'] });
  insertLibrary(temp.db, { artist: 'Daft Punk', album: 'Discovery', trackTitles: ['100% Pure', 'snake_case', 'back\\slash', 'Straße'] });
  insertLibrary(temp.db, { artist: 'Ελληνικά', album: 'Σοφία', trackTitles: ['Ωδή'] });
});

afterEach(() => temp.remove());

function names(entityType: EntityType, search: string, db: Database.Database = temp.db): string[] {
  const query: ItemQuery = { libraryId: 1, entityType, filter: 'all', search, offset: 0, limit: 100 };
  return listItems(db, query).rows.map((row) => row.name);
}

function total(entityType: EntityType, search: string): number {
  return listItems(temp.db, { libraryId: 1, entityType, filter: 'all', search, offset: 0, limit: 100 }).total;
}

describe('foldSearchText', () => {
  it.each([
    ['Ünïcödé', 'unicode'],
    ['Çafé', 'cafe'],
    ['Straße', 'strasse'],
    ['ΣΟΦΊΑ', 'σοφια'],
    ['ﬁne', 'fine'],
    ['100% a_b \\', '100% a_b \\'],
  ])('folds %j to %j', (text, expected) => {
    expect(foldSearchText(text)).toBe(expected);
  });
});

describe('library search folding', () => {
  it('finds an upper-case umlaut', () => {
    expect(names('artist', 'ü')).toContain('Ünïcödé Ensemble');
  });

  it('finds an accented artist by accented text', () => {
    expect(names('artist', 'ünïcödé')).toEqual(['Ünïcödé Ensemble']);
  });

  it('finds an accented artist by plain text', () => {
    expect(names('artist', 'UNICODE')).toEqual(['Ünïcödé Ensemble']);
  });

  it('finds a cedilla and an accent by plain text', () => {
    expect(names('album', 'cafe')).toEqual(['Çafé Society']);
  });

  it('finds ß by ss', () => {
    expect(names('track', 'strasse')).toEqual(['Straße']);
  });

  it('finds Greek in any case', () => {
    expect(names('album', 'ΣΟΦΙΑ')).toEqual(['Σοφία']);
  });

  it('finds plain text by accented text', () => {
    expect(names('artist', 'PÜNK')).toEqual(['Daft Punk']);
  });

  it('counts folded matches', () => {
    expect(total('track', 'ÜBER')).toBe(1);
  });
});

describe('library search wildcards', () => {
  it('keeps % literal', () => {
    expect(names('track', '%')).toEqual(['100% Pure']);
  });

  it('keeps _ literal', () => {
    expect(names('track', '_')).toEqual(['snake_case']);
  });

  it('keeps a backslash literal', () => {
    expect(names('track', '\\')).toEqual(['back\\slash']);
  });

  it('returns no rows past the last match', () => {
    const page = listItems(temp.db, { libraryId: 1, entityType: 'track', filter: 'all', search: 'über', offset: 1, limit: 100 });
    expect(page).toEqual({ total: 1, offset: 1, rows: [] });
  });

  it('treats blank text as no search', () => {
    expect(total('track', '   ')).toBe(7);
  });
});

describe('library search columns', () => {
  it('finds albums by artist', () => {
    expect(names('album', 'daft')).toEqual(['Discovery']);
  });

  it('counts albums found by artist', () => {
    expect(total('album', 'daft')).toBe(1);
  });

  it('finds tracks by artist', () => {
    expect(names('track', 'ελληνικα')).toEqual(['Ωδή']);
  });

  it('finds tracks by album title', () => {
    expect(names('track', 'society')).toEqual(['Über Alles', 'Plain Song']);
  });

  it('counts tracks found by album title', () => {
    expect(total('track', 'discovery')).toBe(4);
  });

  it('keeps artists to their own name', () => {
    expect(names('artist', 'discovery')).toEqual([]);
  });

  it('keeps a track without album or artist', () => {
    temp.db.prepare("INSERT INTO tracks (library_id, title, path) VALUES (1, 'Lone Ünit', '/music/1/lone.flac')").run();
    expect(names('track', 'unit')).toEqual(['Lone Ünit']);
  });
});

describe('library search connections', () => {
  it('works on a second connection', () => {
    const second = openDatabase(path.join(temp.folder, 'liner.db'));
    try {
      expect(names('artist', 'unicode', second)).toEqual(['Ünïcödé Ensemble']);
    } finally {
      second.close();
    }
  });
});

describe('library search query plan', () => {
  function planOf(entityType: EntityType): string {
    registerFoldFunction(temp.db);
    const sql = itemPageSql({ libraryId: 1, entityType, filter: 'all', search: 'love', offset: 0, limit: 100 });
    const plan = temp.db.prepare(`EXPLAIN QUERY PLAN ${sql.pageSql}`).all(...sql.params, 100, 0) as { detail: string }[];
    return plan.map((step) => step.detail).join(' | ');
  }

  it.each(['album', 'track'] as const)('reads %ss in index order', (entityType) => {
    const plan = planOf(entityType);
    expect(plan, plan).not.toContain('TEMP B-TREE');
  });

  it('matches artists and albums once per query', () => {
    const plan = planOf('track');
    expect(plan.match(/LIST SUBQUERY/g), plan).toHaveLength(2);
    expect(plan, plan).not.toContain('CORRELATED');
  });
});

describe('search text length', () => {
  const query = { libraryId: 1, entityType: 'track', filter: 'all', offset: 0, limit: 50 };

  function searchError(search: string): unknown {
    try {
      validateCallArgs('listItems', [{ ...query, search }]);
      return null;
    } catch (error) {
      return error;
    }
  }

  it('accepts 200 characters', () => {
    expect(searchError('x'.repeat(200))).toBeNull();
  });

  it('counts an emoji as one character', () => {
    expect(searchError('🎵'.repeat(200))).toBeNull();
  });

  it('rejects 201 characters', () => {
    expect(searchError('x'.repeat(201))).toBeInstanceOf(IpcError);
  });

  it('names the limit and the fix', () => {
    expect((searchError('x'.repeat(201)) as Error).message).toMatch(/201 characters.*at most 200/);
  });
});
