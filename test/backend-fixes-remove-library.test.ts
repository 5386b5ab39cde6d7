import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';

import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { CommandContext } from '../src/cli/command.ts';
import { main } from '../src/cli/main.ts';
import { createAppService, dispatchCall, type AppService, type ScanRequest } from '../src/main/core/app-service.ts';
import { openDatabase } from '../src/main/core/db/connection.ts';
import { EnrichmentController } from '../src/main/core/enrichment/controller.ts';
import { listLibraries } from '../src/main/core/items/library-queries.ts';
import { removeLibraryRows } from '../src/main/core/library/library-removal.ts';
import { silentLogger } from '../src/main/core/logging.ts';
import type { ChildLauncher } from '../src/main/core/process/child.ts';
import { SettingsStore } from '../src/main/core/settings-store.ts';
import type { EnrichmentStatus } from '../src/shared/enrichment-state.ts';
import { createLinerApi, LINER_CALL_NAMES } from '../src/shared/ipc-contract.ts';
import { IpcError } from '../src/shared/ipc-error.ts';
import { validateCallArgs } from '../src/shared/ipc-validate.ts';
import { openTempDatabase, seedLibrary, type SeededLibrary, type TempDatabase } from './support/app-service-db.ts';
import { copyFixtureLibrary, scanFolder } from './support/scan-library.ts';

let temp: TempDatabase;
let kept: SeededLibrary;
let doomed: SeededLibrary;

beforeEach(() => {
  temp = openTempDatabase();
  kept = seedLibrary(temp.db, '/music/kept');
  doomed = seedLibrary(temp.db, '/music/doomed');
});

afterEach(() => temp.remove());

/** The trigger-kept counts of one library, by entity type and status. */
function storedCounts(db: Database.Database, libraryId: number): Record<string, number> {
  const rows = db
    .prepare('SELECT entity_type, status, count FROM amazon_counts WHERE library_id = ? AND count <> 0 ORDER BY 1, 2')
    .all(libraryId) as { entity_type: string; status: string; count: number }[];
  return Object.fromEntries(rows.map((row) => [`${row.entity_type}:${row.status}`, row.count]));
}

/** The same counts taken from the entity tables themselves. */
function actualCounts(db: Database.Database, libraryId: number): Record<string, number> {
  const rows = db
    .prepare(
      `SELECT entity_type, status, COUNT(*) AS count FROM (
         SELECT 'artist' AS entity_type, COALESCE(amazon_match_status, 'pending') AS status FROM artists WHERE library_id = @id
         UNION ALL SELECT 'album', COALESCE(amazon_match_status, 'pending') FROM albums WHERE library_id = @id
         UNION ALL SELECT 'track', COALESCE(amazon_match_status, 'pending') FROM tracks WHERE library_id = @id)
       GROUP BY 1, 2 ORDER BY 1, 2`,
    )
    .all({ id: libraryId }) as { entity_type: string; status: string; count: number }[];
  return Object.fromEntries(rows.map((row) => [`${row.entity_type}:${row.status}`, row.count]));
}

function rowCount(db: Database.Database, table: string, libraryId: number): number {
  return (db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE library_id = ?`).get(libraryId) as { n: number }).n;
}

describe('cascaded delete of a library row', () => {
  it('fires the count triggers', () => {
    expect(storedCounts(temp.db, doomed.libraryId)).not.toEqual({});
    temp.db.prepare('DELETE FROM libraries WHERE id = ?').run(doomed.libraryId);

    expect(storedCounts(temp.db, doomed.libraryId)).toEqual({});
  });

  it('deletes every child row', () => {
    temp.db.prepare('DELETE FROM libraries WHERE id = ?').run(doomed.libraryId);

    for (const table of ['artists', 'albums', 'tracks']) expect(rowCount(temp.db, table, doomed.libraryId), table).toBe(0);
  });

  it('keeps the counts of other libraries', () => {
    temp.db.prepare('DELETE FROM libraries WHERE id = ?').run(doomed.libraryId);

    expect(storedCounts(temp.db, kept.libraryId)).toEqual(actualCounts(temp.db, kept.libraryId));
  });
});

describe('removeLibraryRows', () => {
  it('returns the rows it removed', async () => {
    expect(await removeLibraryRows(temp.db, doomed.libraryId)).toEqual({ artists: 1, albums: 1, tracks: 4 });
  });

  it('deletes the library row', async () => {
    await removeLibraryRows(temp.db, doomed.libraryId);
    expect(listLibraries(temp.db).map((library) => library.id)).toEqual([kept.libraryId]);
  });

  it('drops the library count rows', async () => {
    await removeLibraryRows(temp.db, doomed.libraryId);
    expect(temp.db.prepare('SELECT COUNT(*) AS n FROM amazon_counts WHERE library_id = ?').get(doomed.libraryId)).toEqual({ n: 0 });
  });

  it('keeps other libraries whole', async () => {
    await removeLibraryRows(temp.db, doomed.libraryId);
    expect(listLibraries(temp.db)[0]?.totals).toEqual({ artists: 1, albums: 1, tracks: 4 });
  });

  it('removes more rows than one chunk', async () => {
    const insert = temp.db.prepare('INSERT INTO tracks (library_id, album_id, title, path, amazon_match_status) VALUES (?, ?, ?, ?, ?)');
    temp.db.transaction(() => {
      for (let index = 0; index < 4_500; index++) {
        insert.run(doomed.libraryId, doomed.albumId, `Bulk ${index}`, `/music/doomed/bulk/${index}.flac`, index % 2 ? 'matched' : null);
      }
    })();

    const removed = await removeLibraryRows(temp.db, doomed.libraryId);
    expect(removed.tracks).toBe(4_504);
    expect(rowCount(temp.db, 'tracks', doomed.libraryId)).toBe(0);
    expect(storedCounts(temp.db, kept.libraryId)).toEqual(actualCounts(temp.db, kept.libraryId));
  });
});

describe('removeLibrary call contract', () => {
  it('is a call name', () => {
    expect(LINER_CALL_NAMES).toContain('removeLibrary');
  });

  it('is on window.liner', () => {
    const api = createLinerApi(async () => null, () => () => undefined);
    expect(typeof api.removeLibrary).toBe('function');
  });

  it('accepts a library id', () => {
    expect(validateCallArgs('removeLibrary', [3])).toEqual([3]);
  });

  it.each([['3'], [0], [-1], [1.5], [null]])('rejects %j', (id) => {
    expect(() => validateCallArgs('removeLibrary', [id])).toThrow(IpcError);
  });
});

// Amazon stays disabled in these tests, so the controller never starts a worker.
const noWorkerLauncher: ChildLauncher = () => {
  throw new Error('these tests start no worker');
};

describe('removeLibrary call', () => {
  let controller: EnrichmentController;
  let service: AppService;
  let scanRequests: ScanRequest[];
  let finishScans: (() => void)[];
  let statuses: EnrichmentStatus[];

  beforeEach(async () => {
    const settings = new SettingsStore(temp.db);
    controller = new EnrichmentController({ db: temp.db, settings, logger: silentLogger(), launcher: noWorkerLauncher });
    await controller.start();
    scanRequests = [];
    finishScans = [];
    statuses = [];
    service = createAppService({
      db: temp.db,
      settings,
      logger: silentLogger(),
      controller,
      launcher: noWorkerLauncher,
      version: '0.1.0',
      runScan: (request) => {
        scanRequests.push(request);
        return new Promise<void>((resolve) => finishScans.push(resolve));
      },
    });
    service.events.on('status', (status) => statuses.push(status));
  });

  afterEach(async () => {
    finishScans.forEach((finish) => finish());
    await service.close();
    await controller.stop();
  });

  async function callError(name: string, args: unknown[]): Promise<IpcError> {
    try {
      await dispatchCall(service, name, args);
    } catch (error) {
      if (error instanceof IpcError) return error;
      throw error;
    }
    throw new Error(`expected ${name} to fail`);
  }

  it('returns null', async () => {
    expect(await dispatchCall(service, 'removeLibrary', [doomed.libraryId])).toBeNull();
  });

  it('drops the library from the list', async () => {
    await dispatchCall(service, 'removeLibrary', [doomed.libraryId]);
    const libraries = (await dispatchCall(service, 'listLibraries', [])) as { id: number }[];
    expect(libraries.map((library) => library.id)).toEqual([kept.libraryId]);
  });

  it('sends a status with lower totals', async () => {
    const before = controller.status().sources.amazon.progress.tracks.total;
    await dispatchCall(service, 'removeLibrary', [doomed.libraryId]);
    expect(statuses.at(-1)?.sources.amazon.progress.tracks.total).toBe(before - 4);
  });

  it('rejects a missing library', async () => {
    expect((await callError('removeLibrary', [999])).code).toBe('not_found');
  });

  it('rejects a library being scanned', async () => {
    await dispatchCall(service, 'rescanLibrary', [doomed.libraryId]);
    const error = await callError('removeLibrary', [doomed.libraryId]);

    expect(error.message).toContain('is being scanned; remove it after the scan has finished');
    expect(listLibraries(temp.db).map((library) => library.id)).toContain(doomed.libraryId);
  });

  it('rejects a rescan during the removal', async () => {
    const insert = temp.db.prepare('INSERT INTO tracks (library_id, title, path) VALUES (?, ?, ?)');
    temp.db.transaction(() => {
      for (let index = 0; index < 4_500; index++) insert.run(doomed.libraryId, `Bulk ${index}`, `/music/doomed/bulk/${index}.flac`);
    })();

    const removal = dispatchCall(service, 'removeLibrary', [doomed.libraryId]);
    const error = await callError('rescanLibrary', [doomed.libraryId]);
    await removal;

    expect(error.message).toContain('is being removed');
    expect(scanRequests).toEqual([]);
  });
});

describe('liner library', () => {
  async function runLiner(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    const output = { stdout: '', stderr: '' };
    const stream = (key: 'stdout' | 'stderr') =>
      new Writable({
        write(chunk: Buffer, _encoding, callback) {
          output[key] += chunk.toString('utf8');
          callback();
        },
      });
    const context: CommandContext = {
      stdout: stream('stdout'),
      stderr: stream('stderr'),
      env: { ...process.env, LINER_LOG_FILE: path.join(temp.folder, 'liner.log'), LINER_DB: path.join(temp.folder, 'cli.db') },
      interactive: false,
      signal: new AbortController().signal,
    };
    const code = await main(args, context);
    return { code, ...output };
  }

  /** Scans a copy of the sample library into the CLI's database; returns its folder. */
  async function scannedFolder(): Promise<string> {
    const music = copyFixtureLibrary(temp.folder);
    const db = openDatabase(path.join(temp.folder, 'cli.db'));
    try {
      return (await scanFolder(db, music)).rootPath;
    } finally {
      db.close();
    }
  }

  /** Every file under a folder with its bytes, to show a removal left them alone. */
  function snapshot(folder: string): Map<string, string> {
    const files = new Map<string, string>();
    for (const entry of fs.readdirSync(folder, { withFileTypes: true, recursive: true })) {
      if (!entry.isFile()) continue;
      const file = path.join(entry.parentPath, entry.name);
      files.set(file, fs.readFileSync(file).toString('base64'));
    }
    return files;
  }

  it('lists a scanned library', async () => {
    const root = await scannedFolder();
    const run = await runLiner(['library', 'list']);

    expect(run.stdout).toMatch(new RegExp(`^1 .* ${root.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'));
    expect(run.code).toBe(0);
  });

  it('lists libraries as JSON', async () => {
    const root = await scannedFolder();
    const run = await runLiner(['library', 'list', '--json']);
    expect((JSON.parse(run.stdout) as { rootPath: string }[]).map((library) => library.rootPath)).toEqual([root]);
  });

  it('removes a library by folder', async () => {
    const root = await scannedFolder();
    const run = await runLiner(['library', 'remove', root]);

    expect(run.stdout).toMatch(/^Removed library 1 \(.*\) from the database: \d+ tracks, \d+ albums, \d+ artists\.$/m);
    expect(run.stdout).toContain('The audio files were not touched');
    expect((await runLiner(['library', 'list', '--json'])).stdout.trim()).toBe('[]');
  });

  it('leaves the audio files alone', async () => {
    const root = await scannedFolder();
    const before = snapshot(root);
    await runLiner(['library', 'remove', '1']);

    expect(snapshot(root)).toEqual(before);
  });

  it('removes a library whose folder is gone', async () => {
    const root = await scannedFolder();
    fs.rmSync(root, { recursive: true, force: true });

    expect((await runLiner(['library', 'remove', root])).code).toBe(0);
  });

  it('rejects an unknown library', async () => {
    await scannedFolder();
    const run = await runLiner(['library', 'remove', '7']);

    expect(run.code).toBe(1);
    expect(run.stderr).toContain('no library has the id or folder "7"');
  });

  it('requires a library to remove', async () => {
    expect((await runLiner(['library', 'remove'])).code).toBe(2);
  });
});
