import type { IpcRenderer, IpcRendererEvent } from 'electron';

import { callChannel, createLinerApi, eventChannel, type LinerApi, type LinerCallName, type LinerEventName } from '../shared/ipc-contract.ts';
import { IpcError, isIpcOutcome } from '../shared/ipc-error.ts';

/** The two `ipcRenderer` methods the bridge uses, plus removal of a listener. */
export type BridgeIpc = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

/**
 * Builds `window.liner` on Electron IPC. A call resolves to main's value or
 * rejects with main's error message. Only the message crosses into the page,
 * because the context bridge copies an Error's message and drops its other
 * fields. The page's listeners receive the payload alone, never the IPC event.
 */
export function createIpcLinerApi(ipc: BridgeIpc): LinerApi {
  const invoke = async (name: LinerCallName, args: unknown[]): Promise<unknown> => {
    const outcome: unknown = await ipc.invoke(callChannel(name), ...args);
    if (!isIpcOutcome(outcome)) throw new Error(`${name}: main sent a reply Liner cannot read`);
    if (outcome.ok) return outcome.value;
    throw new IpcError(outcome.error.code, outcome.error.message);
  };

  const subscribe = (event: LinerEventName, listener: (payload: unknown) => void) => {
    const channel = eventChannel(event);
    const handler = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipc.on(channel, handler);
    return () => {
      ipc.removeListener(channel, handler);
    };
  };

  return createLinerApi(invoke, subscribe);
}
