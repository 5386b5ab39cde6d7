import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';

import { openDatabase } from '../src/main/core/db/connection.ts';
import { itemPageSql } from '../src/main/core/items/item-list.ts';
import { ENTITY_TYPES } from '../src/shared/entities.ts';
import { ITEM_FILTERS } from '../src/shared/ipc-contract.ts';
import { makeTempDir, removeTempDir } from './support/temp.ts';

let dir: string;
let db: Database.Database;

beforeAll(() => {
  dir = makeTempDir();
  db = openDatabase(path.join(dir, 'plan.db'));
});
afterAll(() => {
  db.close();
  removeTempDir(dir);
});

describe('library page query plan', () => {
  for (const entityType of ENTITY_TYPES) {
    for (const filter of ITEM_FILTERS) {
      it(`reads ${entityType}s (${filter}) in index order`, () => {
        const sql = itemPageSql({ libraryId: 1, entityType, filter, search: '', offset: 0, limit: 100 });
        const plan = db.prepare(`EXPLAIN QUERY PLAN ${sql.pageSql}`).all(...sql.params, 100, 0) as { detail: string }[];
        const details = plan.map((step) => step.detail).join(' | ');

        expect(details, details).not.toContain('TEMP B-TREE');
        expect(details, details).not.toMatch(/SCAN e\b/);
      });
    }
  }
});
