import fs from 'node:fs';
import path from 'node:path';

import Database from 'better-sqlite3';

import type { Logger } from '../logging.ts';
import { DatabaseOpenError } from './errors.ts';
import { runMigrations, schemaVersion } from './migrate.ts';
import { LATEST_SCHEMA_VERSION } from './migrations/index.ts';

/** The 16-byte header every SQLite 3 database file starts with. */
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** How long a write waits for another connection's lock before failing, in ms. */
export const BUSY_TIMEOUT_MS = 10_000;

export interface OpenDatabaseOptions {
  logger?: Logger;
  /** Skips migrations and pragmas that write; for read-only tools. */
  readonly?: boolean;
}

/**
 * Opens (or creates) a Liner database, refuses files it must not touch, and
 * migrates it to the latest schema. A refused file is never written: every
 * check runs before the first statement that could change it.
 */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Database.Database {
  const resolved = path.resolve(file);
  const exists = fs.existsSync(resolved);

  if (exists) checkExistingFile(resolved, options.readonly ?? false);
  else fs.mkdirSync(path.dirname(resolved), { recursive: true });

  let db: Database.Database;
  try {
    db = new Database(resolved, { readonly: options.readonly ?? false, timeout: BUSY_TIMEOUT_MS });
  } catch (error) {
    throwIfNotWritable(error, resolved);
    throw error;
  }
  try {
    checkSchemaVersion(db, resolved);
    if (!options.readonly) configureConnection(db);
    if (!options.readonly) runMigrations(db, options.logger);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

function checkExistingFile(file: string, readonly: boolean): void {
  const stat = fs.statSync(file);
  if (stat.isDirectory()) {
    throw new DatabaseOpenError('not_sqlite', file, `Cannot open database ${file}: it is a folder. Pass a file path with --db.`);
  }

  // Mode bits, not access(2): root passes access checks on a file the user
  // marked read-only, and Liner must still leave that file alone.
  if (!readonly && (stat.mode & 0o222) === 0) {
    throw new DatabaseOpenError(
      'read_only',
      file,
      `Cannot open database ${file}: the file is read-only. Make it writable (chmod u+w) or choose another file with --db.`,
    );
  }

  if (stat.size === 0) return;
  const header = readHeader(file);
  if (!header.equals(SQLITE_HEADER)) {
    throw new DatabaseOpenError(
      'not_sqlite',
      file,
      `Cannot open database ${file}: it is not an SQLite database. Liner left it untouched; choose another file with --db.`,
    );
  }
}

function readHeader(file: string): Buffer {
  const handle = fs.openSync(file, 'r');
  try {
    const header = Buffer.alloc(SQLITE_HEADER.length);
    fs.readSync(handle, header, 0, header.length, 0);
    return header;
  } finally {
    fs.closeSync(handle);
  }
}

function checkSchemaVersion(db: Database.Database, file: string): void {
  let version: number;
  try {
    version = schemaVersion(db);
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
  } catch (error) {
    throwIfNotWritable(error, file);
    throw new DatabaseOpenError(
      'corrupt',
      file,
      `Cannot open database ${file}: it is damaged (${(error as Error).message}). Liner left it untouched; restore a backup or choose another file with --db.`,
      error,
    );
  }

  if (version > LATEST_SCHEMA_VERSION) {
    throw new DatabaseOpenError(
      'newer_version',
      file,
      `Cannot open database ${file}: its schema version ${version} is newer than this Liner supports (${LATEST_SCHEMA_VERSION}). Update Liner; the file was left untouched.`,
    );
  }
}

/**
 * Turns SQLite's "read-only" and "cannot open" errors into a permissions
 * message: a WAL database whose folder or `-shm` file this user cannot write
 * fails on the first read, and calling it damaged would send the user to a
 * backup for a healthy file.
 */
function throwIfNotWritable(error: unknown, file: string): void {
  const code = (error as { code?: string } | null)?.code ?? '';
  if (!code.startsWith('SQLITE_READONLY') && !code.startsWith('SQLITE_CANTOPEN')) return;
  throw new DatabaseOpenError(
    'read_only',
    file,
    `Cannot open database ${file}: this user cannot write it or its folder (${(error as Error).message}). Check the permissions of the file and its folder, or choose another file with --db.`,
    error,
  );
}

function configureConnection(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
}
