import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { resolveAppLocation } from '../src/main/app-location.ts';
import { createAppService, type AppService } from '../src/main/core/app-service.ts';
import { EnrichmentController } from '../src/main/core/enrichment/controller.ts';
import { silentLogger } from '../src/main/core/logging.ts';
import type { ChildLauncher } from '../src/main/core/process/child.ts';
import { SettingsStore } from '../src/main/core/settings-store.ts';
import { isTrustedSender } from '../src/main/security.ts';
import { callChannel, eventChannel, LINER_CALL_NAMES } from '../src/shared/ipc-contract.ts';
import type { IpcOutcome } from '../src/shared/ipc-error.ts';
import { openTempDatabase, seedLibrary, type TempDatabase } from './support/app-service-db.ts';

type Handler = (event: unknown, ...args: unknown[]) => Promise<IpcOutcome>;

const ipcMain = vi.hoisted(() => ({
  handlers: new Map<string, Handler>(),
  handle(channel: string, handler: Handler) {
    this.handlers.set(channel, handler);
  },
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  },
}));

vi.mock('electron', () => ({ ipcMain }));

const { forwardEvents, registerIpcHandlers } = await import('../src/main/ipc.ts');

const noWorkerLauncher: ChildLauncher = () => {
  throw new Error('these tests start no worker');
};

const WINDOW_ID = 7;
const app = resolveAppLocation('/opt/liner/out/renderer/index.html', undefined);
const APP_URL = 'file:///opt/liner/out/renderer/index.html';

/** A fake IPC event with the sender fields main reads. */
function event(options: { id?: number; url?: string | null; subframe?: boolean; disposed?: boolean } = {}) {
  const frame = options.url === null ? null : { url: options.url ?? APP_URL, parent: options.subframe ? {} : null };
  return {
    sender: { id: options.id ?? WINDOW_ID },
    get senderFrame() {
      if (options.disposed) throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      return frame;
    },
  };
}

let temp: TempDatabase;
let controller: EnrichmentController;
let service: AppService;
let unregister: () => void;

beforeEach(async () => {
  temp = openTempDatabase();
  seedLibrary(temp.db);
  const settings = new SettingsStore(temp.db);
  controller = new EnrichmentController({ db: temp.db, settings, logger: silentLogger(), launcher: noWorkerLauncher });
  await controller.start();
  service = createAppService({
    db: temp.db,
    settings,
    logger: silentLogger(),
    controller,
    launcher: noWorkerLauncher,
    version: '0.1.0',
    runScan: async () => undefined,
  });
  unregister = registerIpcHandlers({
    service,
    logger: silentLogger(),
    isTrusted: (sender) => isTrustedSender(sender, WINDOW_ID, app),
  });
});

afterEach(async () => {
  unregister();
  await service.close();
  await controller.stop();
  temp.remove();
});

function call(name: string, sender: ReturnType<typeof event>, ...args: unknown[]): Promise<IpcOutcome> {
  const handler = ipcMain.handlers.get(callChannel(name as never));
  if (!handler) throw new Error(`no handler for ${name}`);
  return handler(sender, ...args);
}

describe('registerIpcHandlers', () => {
  it('registers one handler per call', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual(LINER_CALL_NAMES.map((name) => callChannel(name)).sort());
  });

  it('answers the app window', async () => {
    const outcome = await call('listLibraries', event());
    expect(outcome.ok).toBe(true);
  });

  it.each([
    ['another web contents', { id: 99 }],
    ['another page', { url: 'https://example.com/' }],
    ['another file', { url: 'file:///tmp/evil.html' }],
    ['a subframe', { subframe: true }],
    ['a frame that is gone', { url: null }],
    ['a disposed frame', { disposed: true }],
  ])('rejects %s', async (_case, sender) => {
    const outcome = await call('listLibraries', event(sender));
    expect(outcome).toMatchObject({ ok: false, error: { code: 'failed' } });
  });

  it('validates the payload', async () => {
    const outcome = await call('getItem', event(), 'album', -1);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
  });

  it('reports a missing item', async () => {
    const outcome = await call('getItem', event(), 'album', 4242);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('accepts the app page with a hash', async () => {
    const outcome = await call('listLibraries', event({ url: `${APP_URL}#/library/1` }));
    expect(outcome.ok).toBe(true);
  });

  it('removes its handlers', () => {
    unregister();
    expect(ipcMain.handlers.size).toBe(0);
  });
});

describe('forwardEvents', () => {
  it('sends scan progress to the window', async () => {
    const sent: [string, unknown][] = [];
    const contents = { isDestroyed: () => false, send: (channel: string, payload: unknown) => sent.push([channel, payload]) };
    forwardEvents(service.events, () => contents as never);

    const scan = new Promise<void>((resolve) => service.events.on('scanProgress', (progress) => progress.phase === 'finished' && resolve()));
    await call('rescanLibrary', event(), 1);
    await scan;
    expect(sent.map(([channel]) => channel)).toContain(eventChannel('scanProgress'));
  });

  it('skips a destroyed window', async () => {
    const send = vi.fn();
    forwardEvents(service.events, () => ({ isDestroyed: () => true, send }) as never);

    const scan = new Promise<void>((resolve) => service.events.on('scanProgress', (progress) => progress.phase === 'finished' && resolve()));
    await call('rescanLibrary', event(), 1);
    await scan;
    expect(send).not.toHaveBeenCalled();
  });
});
