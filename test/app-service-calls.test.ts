import fs from 'node:fs';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createAppService, dispatchCall, type AppService, type ScanRequest } from '../src/main/core/app-service.ts';
import { EnrichmentController } from '../src/main/core/enrichment/controller.ts';
import { silentLogger } from '../src/main/core/logging.ts';
import type { ChildLauncher } from '../src/main/core/process/child.ts';
import { launchNodeChild } from '../src/main/core/process/node-child.ts';
import { SettingsStore } from '../src/main/core/settings-store.ts';
import type { ItemDetail, ScanProgress } from '../src/shared/ipc-contract.ts';
import { IpcError } from '../src/shared/ipc-error.ts';
import { openTempDatabase, seedLibrary, type SeededLibrary, type TempDatabase } from './support/app-service-db.ts';

// Amazon stays disabled in these tests, so the controller never starts a worker.
const noWorkerLauncher: ChildLauncher = () => {
  throw new Error('these tests start no worker');
};

/** A scan runner the test finishes by hand. */
class ManualScans {
  readonly requests: ScanRequest[] = [];
  private readonly finishers: (() => void)[] = [];
  private readonly failers: ((error: Error) => void)[] = [];

  run = (request: ScanRequest): Promise<void> => {
    this.requests.push(request);
    return new Promise<void>((resolve, reject) => {
      this.finishers.push(resolve);
      this.failers.push(reject);
    });
  };

  finish(index = 0): void {
    this.finishers[index]?.();
  }

  fail(error: Error, index = 0): void {
    this.failers[index]?.(error);
  }
}

let temp: TempDatabase;
let seeded: SeededLibrary;
let settings: SettingsStore;
let controller: EnrichmentController;
let scans: ManualScans;
let opened: string[];
let service: AppService;

beforeEach(async () => {
  temp = openTempDatabase();
  seeded = seedLibrary(temp.db);
  settings = new SettingsStore(temp.db);
  controller = new EnrichmentController({ db: temp.db, settings, logger: silentLogger(), launcher: noWorkerLauncher });
  await controller.start();
  scans = new ManualScans();
  opened = [];
  service = createAppService({
    db: temp.db,
    settings,
    logger: silentLogger(),
    controller,
    launcher: noWorkerLauncher,
    version: '0.1.0',
    runScan: scans.run,
    openExternal: (url) => {
      opened.push(url);
    },
  });
});

afterEach(async () => {
  scans.requests.forEach((_request, index) => scans.finish(index));
  await service.close();
  await controller.stop();
  temp.remove();
});

async function callError(name: string, args: unknown): Promise<IpcError> {
  try {
    await dispatchCall(service, name, args);
  } catch (error) {
    if (error instanceof IpcError) return error;
    throw new Error(`expected an IpcError, got ${String(error)}`);
  }
  throw new Error(`expected ${name} to fail`);
}

describe('dispatchCall', () => {
  it('rejects an unknown call', async () => {
    expect((await callError('dropDatabase', [])).code).toBe('invalid_payload');
  });

  it('rejects an invalid payload before the handler runs', async () => {
    expect((await callError('setMatch', ['track', seeded.trackIds[0], 'not an asin'])).code).toBe('invalid_payload');
  });

  it('reports a missing item as not_found', async () => {
    expect((await callError('getItem', ['album', 424242])).code).toBe('not_found');
  });

  it('reports a missing library as not_found', async () => {
    expect((await callError('rescanLibrary', [424242])).code).toBe('not_found');
  });

  it('reports a handler failure as failed', async () => {
    const failing = createAppService({
      db: temp.db,
      settings,
      logger: silentLogger(),
      controller,
      launcher: noWorkerLauncher,
      version: '0.1.0',
      runScan: scans.run,
      openExternal: () => {
        throw new Error('no browser');
      },
    });
    const error = await dispatchCall(failing, 'openExternal', ['https://music.amazon.com/albums/B000059MEK']).catch((caught: unknown) => caught);
    await failing.close();
    expect(error).toMatchObject({ code: 'failed', message: 'openExternal failed: no browser' });
  });

  it('returns the handler result', async () => {
    const libraries = (await dispatchCall(service, 'listLibraries', [])) as { id: number }[];
    expect(libraries.map((library) => library.id)).toEqual([seeded.libraryId]);
  });
});

describe('source calls', () => {
  it('stores a settings change', async () => {
    await dispatchCall(service, 'updateSourceSettings', ['amazon', { baseUrl: 'http://127.0.0.1:9/', requestsPerSecond: 1 }]);
    expect(settings.amazon()).toMatchObject({ baseUrl: 'http://127.0.0.1:9', requestsPerSecond: 1 });
  });

  it('returns the changed settings', async () => {
    const view = await dispatchCall(service, 'updateSourceSettings', ['amazon', { country: 'de' }]);
    expect(view).toEqual({ source: 'amazon', enabled: false, baseUrl: 'https://t2tunes.site', country: 'DE', requestsPerSecond: 2 });
  });

  it('keeps settings when one value is invalid', async () => {
    await callError('updateSourceSettings', ['amazon', { country: 'DE', requestsPerSecond: 0 }]);
    expect(settings.get('amazon.country')).toBe('US');
  });

  it('pauses the source', async () => {
    const status = (await dispatchCall(service, 'pause', ['amazon'])) as { sources: { amazon: { paused: boolean } } };
    expect(status.sources.amazon.paused).toBe(true);
  });

  it('pins an entity type', async () => {
    await dispatchCall(service, 'pinEntityType', ['amazon', 'album']);
    expect(settings.get('amazon.pinnedEntityType')).toBe('album');
  });

  it('opens a validated Amazon Music link', async () => {
    await dispatchCall(service, 'openExternal', ['https://music.amazon.com/albums/B000059MEK']);
    expect(opened).toEqual(['https://music.amazon.com/albums/B000059MEK']);
  });
});

describe('item actions', () => {
  it('retries a failed track', async () => {
    const item = (await dispatchCall(service, 'retryItem', ['track', seeded.trackIds[2]])) as ItemDetail;
    expect(item).toMatchObject({ status: null, attempts: 0, nextRetryAt: null });
  });

  it('clears a match', async () => {
    const item = (await dispatchCall(service, 'clearMatch', ['album', seeded.albumId])) as ItemDetail;
    expect(item.amazonId).toBeNull();
  });

  it('sets an ASIN by hand', async () => {
    const item = (await dispatchCall(service, 'setMatch', ['track', seeded.trackIds[1], 'b0000aaaa1'])) as ItemDetail;
    expect(item).toMatchObject({ amazonId: 'B0000AAAA1', manual: true, status: null });
  });

  it('rejects an action on a missing item', async () => {
    expect((await callError('retryItem', ['track', 424242])).code).toBe('not_found');
  });
});

describe('libraries', () => {
  function musicFolder(name = 'music'): string {
    const folder = path.join(temp.folder, name);
    fs.mkdirSync(folder, { recursive: true });
    return folder;
  }

  it('adds a folder as a library', async () => {
    const folder = musicFolder();
    const library = (await dispatchCall(service, 'addLibrary', [folder])) as { rootPath: string };
    expect(library.rootPath).toBe(fs.realpathSync(folder));
  });

  it('starts a scan of a new library', async () => {
    const folder = musicFolder();
    const library = (await dispatchCall(service, 'addLibrary', [folder])) as { id: number };
    expect(scans.requests.map((request) => [request.libraryId, request.folder])).toEqual([[library.id, fs.realpathSync(folder)]]);
  });

  it('reuses the library of a known folder', async () => {
    const folder = musicFolder();
    const first = (await dispatchCall(service, 'addLibrary', [folder])) as { id: number };
    const second = (await dispatchCall(service, 'addLibrary', [`${folder}/`])) as { id: number };
    expect(second.id).toBe(first.id);
  });

  it('starts one scan per library at a time', async () => {
    const folder = musicFolder();
    await dispatchCall(service, 'addLibrary', [folder]);
    await dispatchCall(service, 'addLibrary', [folder]);
    expect(scans.requests).toHaveLength(1);
  });

  it('rejects a missing folder by name', async () => {
    const missing = path.join(temp.folder, 'nowhere');
    expect((await callError('addLibrary', [missing])).message).toContain(missing);
  });

  it('rejects a file', async () => {
    const file = path.join(temp.folder, 'song.flac');
    fs.writeFileSync(file, '');
    expect((await callError('addLibrary', [file])).message).toContain('Not a folder');
  });

  it('holds enrichment while a scan runs', async () => {
    await dispatchCall(service, 'rescanLibrary', [seeded.libraryId]);
    expect(controller.status().sources.amazon.pausedBy).toBe('scan');
  });

  it('releases enrichment after the scan', async () => {
    await dispatchCall(service, 'rescanLibrary', [seeded.libraryId]);
    const ended = new Promise<void>((resolve) => service.events.on('scanProgress', () => resolve()));
    scans.finish();
    await ended;
    expect(controller.status().sources.amazon.pausedBy).toBeNull();
  });

  it('forwards scan progress', async () => {
    const events: ScanProgress[] = [];
    service.events.on('scanProgress', (progress) => events.push(progress));
    await dispatchCall(service, 'rescanLibrary', [seeded.libraryId]);
    scans.requests[0]?.onProgress({ libraryId: seeded.libraryId, phase: 'started', filesSeen: 0, parsed: 0, filesPerSecond: 0, error: null });
    expect(events.map((event) => event.phase)).toEqual(['started']);
  });

  it('ends a failed scan with a failed event', async () => {
    const ended = new Promise<ScanProgress>((resolve) => service.events.on('scanProgress', resolve));
    await dispatchCall(service, 'rescanLibrary', [seeded.libraryId]);
    scans.fail(new Error('folder vanished'));
    expect(await ended).toMatchObject({ phase: 'failed', error: 'folder vanished' });
  });
});

describe('default scan runner', () => {
  it('scans a folder with the real scanner', async () => {
    const scanning = createAppService({
      db: temp.db,
      settings,
      logger: silentLogger(),
      controller,
      launcher: launchNodeChild,
      version: '0.1.0',
    });
    const folder = path.join(temp.folder, 'empty-library');
    fs.mkdirSync(folder);

    const ended = new Promise<ScanProgress>((resolve) =>
      scanning.events.on('scanProgress', (progress) => {
        if (progress.phase === 'finished' || progress.phase === 'failed') resolve(progress);
      }),
    );
    await dispatchCall(scanning, 'addLibrary', [folder]);
    const outcome = await ended;
    await scanning.close();
    expect(outcome).toMatchObject({ phase: 'finished', error: null });
  });
});

describe("what's new", () => {
  it('shows on a new database', async () => {
    expect(await dispatchCall(service, 'getWhatsNew', [])).toMatchObject({ version: '0.1.0', show: true });
  });

  it('mentions that Amazon enrichment is opt-in', async () => {
    const notes = (await dispatchCall(service, 'getWhatsNew', [])) as { items: string[] };
    expect(notes.items.some((item) => item.includes('opt-in'))).toBe(true);
  });

  it('hides after dismissal', async () => {
    await dispatchCall(service, 'dismissWhatsNew', []);
    expect(await dispatchCall(service, 'getWhatsNew', [])).toMatchObject({ show: false });
  });

  it('shows again for a newer version', async () => {
    await dispatchCall(service, 'dismissWhatsNew', []);
    settings.set('app.lastSeenVersion', '0.0.9');
    expect(await dispatchCall(service, 'getWhatsNew', [])).toMatchObject({ show: true });
  });
});
