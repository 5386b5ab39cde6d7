import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';

import { callChannel, eventChannel, LINER_CALL_NAMES, type LinerCallName } from '../shared/ipc-contract.ts';
import { IpcError, type IpcOutcome } from '../shared/ipc-error.ts';
import { dispatchCall, type AppService } from './core/app-service.ts';
import type { AppEvents } from './core/app/event-hub.ts';
import type { Logger } from './core/logging.ts';
import type { IpcSender } from './security.ts';

/** Reads the sender of a call. A frame that was disposed meanwhile reads as no frame. */
export function senderOf(event: IpcMainInvokeEvent): IpcSender {
  let frameUrl: string | null = null;
  let isMainFrame = false;
  try {
    const frame = event.senderFrame;
    if (frame) {
      frameUrl = frame.url;
      isMainFrame = frame.parent === null;
    }
  } catch {
    // Electron throws when the frame was disposed before main could read it.
  }
  return { webContentsId: event.sender.id, frameUrl, isMainFrame };
}

export interface IpcHandlerOptions {
  service: AppService;
  isTrusted(sender: IpcSender): boolean;
  logger: Logger;
}

/**
 * Runs one call from the renderer and returns its outcome. The sender is
 * checked first, then `dispatchCall` validates the name and the payload.
 */
export async function handleRendererCall(
  options: IpcHandlerOptions,
  name: LinerCallName,
  event: IpcMainInvokeEvent,
  args: unknown[],
): Promise<IpcOutcome> {
  const sender = senderOf(event);
  if (!options.isTrusted(sender)) {
    options.logger.warn({ call: name, webContentsId: sender.webContentsId, frameUrl: sender.frameUrl }, 'rejected a call from an untrusted sender');
    return { ok: false, error: { code: 'failed', message: `${name} rejected: the call did not come from the Liner window` } };
  }

  try {
    return { ok: true, value: await dispatchCall(options.service, name, args) };
  } catch (error) {
    const ipcError = error instanceof IpcError ? error : new IpcError('failed', String(error));
    return { ok: false, error: ipcError.toPayload() };
  }
}

/** Registers one `ipcMain.handle` per call of the contract; returns the function that removes them. */
export function registerIpcHandlers(options: IpcHandlerOptions): () => void {
  for (const name of LINER_CALL_NAMES) {
    ipcMain.handle(callChannel(name), (event, ...args: unknown[]) => handleRendererCall(options, name, event, args));
  }
  return () => {
    for (const name of LINER_CALL_NAMES) ipcMain.removeHandler(callChannel(name));
  };
}

/**
 * Sends the service's events to the window's web contents while it exists.
 * Returns the function that stops forwarding.
 */
export function forwardEvents(events: AppEvents, target: () => WebContents | null): () => void {
  const send = (channel: string, payload: unknown) => {
    const contents = target();
    if (contents && !contents.isDestroyed()) contents.send(channel, payload);
  };

  const stops = [
    events.on('status', (status) => send(eventChannel('status'), status)),
    events.on('scanProgress', (progress) => send(eventChannel('scanProgress'), progress)),
  ];
  return () => stops.forEach((stop) => stop());
}
