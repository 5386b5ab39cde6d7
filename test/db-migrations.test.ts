import fs from 'node:fs';
import path from 'node:path';

import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { openDatabase } from '../src/main/core/db/connection.ts';
import { DatabaseOpenError } from '../src/main/core/db/errors.ts';
import { columnNames } from '../src/main/core/db/migration.ts';
import { runMigrations, schemaVersion } from '../src/main/core/db/migrate.ts';
import { AMAZON_COLUMNS } from '../src/main/core/db/migrations/002-amazon-columns.ts';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../src/main/core/db/migrations/index.ts';
import { ensureSourceSchema } from '../src/main/core/db/schema-guard.ts';
import { makeTempDir, removeTempDir } from './support/temp.ts';

let dir: string;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => {
  removeTempDir(dir);
});

/** Writes a database the way the first release did: core tables only, user_version 1. */
function createOldLayout(file: string): void {
  const db = new Database(file);
  runMigrations(db, undefined, MIGRATIONS.slice(0, 1));
  db.exec(`
    INSERT INTO libraries (id, name, root_path) VALUES (1, 'Music', '/music');
    INSERT INTO artists (id, library_id, name, thumb_url) VALUES (1, 1, 'Nirvana', 'file:///nirvana.jpg');
    INSERT INTO albums (id, library_id, artist_id, title, label) VALUES (1, 1, 1, 'Nevermind', 'DGC');
    INSERT INTO tracks (id, library_id, album_id, artist_id, title, path) VALUES (1, 1, 1, 1, 'In Bloom', '/music/in-bloom.flac');
  `);
  db.close();
}

describe('migrations', () => {
  it('create every table on an empty file', () => {
    const db = openDatabase(path.join(dir, 'new.db'));
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    for (const table of ['libraries', 'artists', 'albums', 'tracks', 'settings', 'amazon_counts', 'source_state']) {
      expect(columnNames(db, table).size, table).toBeGreaterThan(0);
    }
    db.close();
  });

  it('run each step from its predecessor', () => {
    const file = path.join(dir, 'steps.db');
    const db = new Database(file);
    for (const migration of MIGRATIONS) {
      runMigrations(db, undefined, MIGRATIONS.filter((step) => step.version <= migration.version));
      expect(schemaVersion(db)).toBe(migration.version);
    }
    db.close();
  });

  it('upgrade the old layout with rows kept', () => {
    const file = path.join(dir, 'old.db');
    createOldLayout(file);

    const db = openDatabase(file);
    const artist = db.prepare('SELECT * FROM artists WHERE id = 1').get() as Record<string, unknown>;
    expect(artist.name).toBe('Nirvana');
    expect(artist.thumb_url).toBe('file:///nirvana.jpg');
    expect(artist.amazon_match_status).toBeNull();
    expect(artist.amazon_attempts).toBe(0);

    const album = db.prepare('SELECT label FROM albums WHERE id = 1').get() as { label: string };
    expect(album.label).toBe('DGC');
    const track = db.prepare('SELECT title, path FROM tracks WHERE id = 1').get() as { title: string; path: string };
    expect(track).toEqual({ title: 'In Bloom', path: '/music/in-bloom.flac' });
    db.close();
  });

  it('seed status counters from existing rows', () => {
    const file = path.join(dir, 'old.db');
    createOldLayout(file);
    const db = openDatabase(file);

    const rows = db.prepare('SELECT entity_type, status, count FROM amazon_counts ORDER BY entity_type').all();
    expect(rows).toEqual([
      { entity_type: 'album', status: 'pending', count: 1 },
      { entity_type: 'artist', status: 'pending', count: 1 },
      { entity_type: 'track', status: 'pending', count: 1 },
    ]);

    db.prepare("UPDATE tracks SET amazon_match_status = 'matched' WHERE id = 1").run();
    const track = db.prepare("SELECT status, count FROM amazon_counts WHERE entity_type = 'track' AND count > 0").all();
    expect(track).toEqual([{ status: 'matched', count: 1 }]);
    db.close();
  });

  it('add only the missing columns of a foreign database', () => {
    const file = path.join(dir, 'foreign.db');
    const foreign = new Database(file);
    runMigrations(foreign, undefined, MIGRATIONS.slice(0, 1));
    foreign.exec('ALTER TABLE artists ADD COLUMN amazon_id TEXT');
    foreign.exec("INSERT INTO libraries (id, name, root_path) VALUES (1, 'x', '/x')");
    foreign.exec("INSERT INTO artists (library_id, name, amazon_id) VALUES (1, 'Kept', 'kept_id')");
    foreign.pragma('user_version = 0');
    foreign.close();

    const db = openDatabase(file);
    for (const column of AMAZON_COLUMNS) expect(columnNames(db, 'artists').has(column.name), column.name).toBe(true);
    const row = db.prepare('SELECT amazon_id FROM artists').get() as { amazon_id: string };
    expect(row.amazon_id).toBe('kept_id');
    db.close();
  });

  it('reopen idempotently', () => {
    const file = path.join(dir, 'again.db');
    openDatabase(file).close();
    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(runMigrations(db)).toEqual([]);
    db.close();
  });
});

describe('schema guard', () => {
  it('restores columns missing at the current version', () => {
    const file = path.join(dir, 'guard.db');
    const raw = new Database(file);
    runMigrations(raw, undefined, MIGRATIONS.slice(0, 1));
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION}`);

    ensureSourceSchema(raw, 'amazon');
    for (const table of ['artists', 'albums', 'tracks']) {
      expect(columnNames(raw, table).has('amazon_match_status'), table).toBe(true);
    }
    expect(() => raw.prepare('SELECT amazon_next_retry_at FROM tracks').all()).not.toThrow();
    raw.close();
  });
});

describe('refused files', () => {
  function expectRefused(file: string, reason: DatabaseOpenError['reason']): void {
    const before = fs.readFileSync(file);
    let caught: unknown;
    try {
      openDatabase(file).close();
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DatabaseOpenError);
    expect((caught as DatabaseOpenError).reason).toBe(reason);
    expect((caught as Error).message).toContain(file);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  }

  it('rejects a file that is not SQLite', () => {
    const file = path.join(dir, 'notes.db');
    fs.writeFileSync(file, 'these are my notes, not a database\n'.repeat(200));
    expectRefused(file, 'not_sqlite');
  });

  it('rejects a damaged database', () => {
    const file = path.join(dir, 'damaged.db');
    openDatabase(file).close();
    const bytes = fs.readFileSync(file);
    bytes.fill(0xff, 100, Math.min(bytes.length, 4096));
    fs.writeFileSync(file, bytes);
    expectRefused(file, 'corrupt');
  });

  it('rejects a newer schema version', () => {
    const file = path.join(dir, 'future.db');
    const db = new Database(file);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    db.close();
    expectRefused(file, 'newer_version');
  });

  it('rejects a read-only file', () => {
    const file = path.join(dir, 'locked.db');
    openDatabase(file).close();
    fs.chmodSync(file, 0o444);
    expectRefused(file, 'read_only');
  });
});
