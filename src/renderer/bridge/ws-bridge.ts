import { createLinerApi, type LinerApi, type LinerCallName, type LinerEventName } from '../../shared/ipc-contract.ts';
import {
  BRIDGE_PATH,
  TOKEN_PARAMETER,
  type BridgeCallMessage,
  type BridgeServerMessage,
} from '../../shared/ws-bridge-protocol.ts';

/** An error thrown by main, re-thrown in the page with the same code and message. */
export class BridgeCallError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = 'IpcError';
    this.code = code;
  }
}

interface PendingCall {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

const RECONNECT_DELAY_MS = 1_000;

/** The window event the bridge fires when its socket opens or drops; `detail` is `{ connected: boolean }`. */
export const CONNECTION_EVENT = 'liner-connection';

function announceConnection(connected: boolean): void {
  window.dispatchEvent(new CustomEvent(CONNECTION_EVENT, { detail: { connected } }));
}

function disconnectedError(): BridgeCallError {
  return new BridgeCallError('disconnected', 'Lost the connection to liner serve. Check that it is still running, then reload the page.');
}

/**
 * Builds `window.liner` over the `liner serve` WebSocket. Calls made while the
 * socket connects wait for it. Calls in flight when it drops fail with code
 * `disconnected`, and the bridge reconnects after a second.
 */
export function connectWebSocketBridge(pageUrl: URL): LinerApi {
  const listeners = new Map<LinerEventName, Set<(payload: unknown) => void>>();
  const pending = new Map<number, PendingCall>();
  let nextId = 1;
  let socket = openSocket();
  let opened = waitForOpen(socket);

  function openSocket(): WebSocket {
    const url = new URL(BRIDGE_PATH, pageUrl);
    url.protocol = pageUrl.protocol === 'https:' ? 'wss:' : 'ws:';
    const token = pageUrl.searchParams.get(TOKEN_PARAMETER);
    if (token) url.searchParams.set(TOKEN_PARAMETER, token);

    const created = new WebSocket(url);
    created.addEventListener('open', () => announceConnection(true));
    created.addEventListener('message', (event) => handleMessage(String(event.data)));
    created.addEventListener('close', () => handleClose(created));
    return created;
  }

  function waitForOpen(target: WebSocket): Promise<void> {
    return new Promise((resolve, reject) => {
      target.addEventListener('open', () => resolve(), { once: true });
      target.addEventListener('close', () => reject(disconnectedError()), { once: true });
    });
  }

  function handleMessage(text: string): void {
    const message = JSON.parse(text) as BridgeServerMessage;
    if (message.type === 'event') {
      for (const listener of listeners.get(message.event) ?? []) listener(message.payload);
      return;
    }

    const call = pending.get(message.id);
    if (!call) return;
    pending.delete(message.id);
    if (message.type === 'result') call.resolve(message.result);
    else call.reject(new BridgeCallError(message.error.code, message.error.message));
  }

  function handleClose(closed: WebSocket): void {
    if (closed !== socket) return;
    announceConnection(false);
    for (const call of pending.values()) {
      call.reject(disconnectedError());
    }
    pending.clear();

    setTimeout(() => {
      socket = openSocket();
      opened = waitForOpen(socket);
      opened.catch(() => undefined);
    }, RECONNECT_DELAY_MS);
  }

  async function invoke(name: LinerCallName, args: unknown[]): Promise<unknown> {
    await opened;
    if (socket.readyState !== WebSocket.OPEN) throw disconnectedError();

    const id = nextId++;
    const message: BridgeCallMessage = { type: 'call', id, name, args };
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      socket.send(JSON.stringify(message));
    });
  }

  function subscribe(event: LinerEventName, listener: (payload: unknown) => void): () => void {
    const set = listeners.get(event) ?? new Set();
    set.add(listener);
    listeners.set(event, set);
    return () => set.delete(listener);
  }

  opened.catch(() => undefined);
  const api = createLinerApi(invoke, subscribe);

  // Main validates the link; the browser the page runs in is the one to open it.
  const validateLink = api.openExternal;
  api.openExternal = async (link) => {
    await validateLink(link);
    window.open(link, '_blank', 'noopener,noreferrer');
    return null;
  };
  return api;
}

/** Installs the WebSocket bridge as `window.liner` unless a preload already exposed it. */
export function installWebSocketBridge(): void {
  if (window.liner) return;
  window.liner = connectWebSocketBridge(new URL(window.location.href));
}
