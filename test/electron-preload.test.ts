import { EventEmitter } from 'node:events';

import { describe, expect, it, vi } from 'vitest';

import { createIpcLinerApi, type BridgeIpc } from '../src/preload/bridge.ts';
import { callChannel, eventChannel, LINER_CALL_NAMES } from '../src/shared/ipc-contract.ts';
import type { IpcOutcome } from '../src/shared/ipc-error.ts';

const bridge = vi.hoisted(() => ({ exposed: [] as [string, unknown][] }));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => bridge.exposed.push([key, api]) },
  ipcRenderer: { invoke: async () => ({ ok: true, value: null }), on: () => undefined, removeListener: () => undefined },
}));

/** Builds an ipcRenderer stand-in that replies with `reply` and records each invoke. */
function fakeIpc(reply: unknown) {
  const emitter = new EventEmitter();
  const invoked: unknown[][] = [];
  const ipc = {
    invoke: async (...args: unknown[]) => {
      invoked.push(args);
      return reply;
    },
    on: (channel: string, listener: (...args: unknown[]) => void) => emitter.on(channel, listener),
    removeListener: (channel: string, listener: (...args: unknown[]) => void) => emitter.removeListener(channel, listener),
  };
  return { ipc: ipc as unknown as BridgeIpc, emitter, invoked };
}

describe('preload entry', () => {
  it('exposes only window.liner', async () => {
    await import('../src/preload/index.ts');
    expect(bridge.exposed.map(([key]) => key)).toEqual(['liner']);
  });

  it('exposes every call and on', async () => {
    await import('../src/preload/index.ts');
    const api = bridge.exposed[0]?.[1] as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual([...LINER_CALL_NAMES, 'on'].sort());
  });
});

describe('createIpcLinerApi', () => {
  it('invokes the call channel with the arguments', async () => {
    const { ipc, invoked } = fakeIpc({ ok: true, value: null });
    await createIpcLinerApi(ipc).getItem('album', 4);
    expect(invoked).toEqual([[callChannel('getItem'), 'album', 4]]);
  });

  it('resolves to the value', async () => {
    const { ipc } = fakeIpc({ ok: true, value: [{ id: 1 }] } satisfies IpcOutcome);
    expect(await createIpcLinerApi(ipc).listLibraries()).toEqual([{ id: 1 }]);
  });

  it("rejects with main's message", async () => {
    const { ipc } = fakeIpc({ ok: false, error: { code: 'not_found', message: 'album 4 not found' } } satisfies IpcOutcome);
    await expect(createIpcLinerApi(ipc).getItem('album', 4)).rejects.toThrow('album 4 not found');
  });

  it('rejects a reply it cannot read', async () => {
    const { ipc } = fakeIpc('surprise');
    await expect(createIpcLinerApi(ipc).getStatus()).rejects.toThrow(/cannot read/);
  });

  it('passes the event payload alone', () => {
    const { ipc, emitter } = fakeIpc(null);
    const received: unknown[] = [];
    createIpcLinerApi(ipc).on('scanProgress', (payload) => received.push(payload));
    emitter.emit(eventChannel('scanProgress'), { sender: 'ipc event' }, { libraryId: 1 });
    expect(received).toEqual([{ libraryId: 1 }]);
  });

  it('unsubscribes', () => {
    const { ipc, emitter } = fakeIpc(null);
    const stop = createIpcLinerApi(ipc).on('status', () => undefined);
    stop();
    expect(emitter.listenerCount(eventChannel('status'))).toBe(0);
  });
});
