import path from 'node:path';

import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { columnNames } from '../src/main/core/db/migration.ts';
import { runMigrations } from '../src/main/core/db/migrate.ts';
import { MIGRATIONS } from '../src/main/core/db/migrations/index.ts';
import { migration005 } from '../src/main/core/db/migrations/005-track-artist-credit.ts';
import { makeTempDir, removeTempDir } from './support/temp.ts';

let dir: string;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => {
  removeTempDir(dir);
});

describe('migration 5', () => {
  it('adds tracks.artist_credit', () => {
    const db = new Database(path.join(dir, 'v4.db'));
    runMigrations(db, undefined, MIGRATIONS.slice(0, 4));
    db.exec("INSERT INTO libraries (id, name, root_path) VALUES (1, 'Music', '/music')");
    db.exec("INSERT INTO tracks (library_id, title, path) VALUES (1, 'In Bloom', '/music/in-bloom.flac')");

    runMigrations(db, undefined, MIGRATIONS.slice(0, 5));
    expect(columnNames(db, 'tracks').has('artist_credit')).toBe(true);
    expect(db.prepare('SELECT title, artist_credit FROM tracks').get()).toEqual({ title: 'In Bloom', artist_credit: null });
    db.close();
  });

  it('accepts a table that has the column', () => {
    const db = new Database(path.join(dir, 'other-tool.db'));
    runMigrations(db, undefined, MIGRATIONS.slice(0, 4));
    db.exec('ALTER TABLE tracks ADD COLUMN artist_credit TEXT');
    expect(() => migration005.up(db)).not.toThrow();
    db.close();
  });
});
