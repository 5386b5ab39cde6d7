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

/** Wait before the first reconnect attempt, in ms; it doubles after each failed attempt up to `MAX_RECONNECT_DELAY_MS`. */
const FIRST_RECONNECT_DELAY_MS = 1_000;
const MAX_RECONNECT_DELAY_MS = 30_000;

/** The bridge's link to `liner serve`, as the page shows it. */
export type ConnectionState =
  | { kind: 'connected' }
  /** The socket dropped; the next attempt starts at `nextAttemptAt` (epoch ms). */
  | { kind: 'reconnecting'; nextAttemptAt: number }
  /**
   * The server responded 401 or 403 for the page's token: it was restarted
   * and printed a new URL. The bridge stops retrying, because no retry with
   * this token can succeed.
   */
  | { kind: 'token_rejected' };

/** The window event the bridge fires when its connection state changes; `detail` is a `ConnectionState`. */
export const CONNECTION_EVENT = 'liner-connection';

let lastAnnounced: ConnectionState = { kind: 'connected' };

function announceConnection(state: ConnectionState): void {
  lastAnnounced = state;
  window.dispatchEvent(new CustomEvent<ConnectionState>(CONNECTION_EVENT, { detail: state }));
}

/** Returns the state of the last `CONNECTION_EVENT`, for a listener that subscribes after it fired. */
export function lastConnectionState(): ConnectionState {
  return lastAnnounced;
}

/** Returns the next reconnect delay after `delayMs`: doubled, at most `MAX_RECONNECT_DELAY_MS`. */
export function nextReconnectDelay(delayMs: number): number {
  return Math.min(delayMs * 2, MAX_RECONNECT_DELAY_MS);
}

/**
 * Asks the server whether it still takes the page's token. A browser does
 * not show a page the HTTP status of a refused WebSocket handshake, so this
 * requests the page itself. Returns false when the server is unreachable.
 */
async function tokenRejected(pageUrl: URL): Promise<boolean> {
  try {
    const response = await fetch(pageUrl, { method: 'HEAD', cache: 'no-store' });
    return response.status === 401 || response.status === 403;
  } catch {
    return false;
  }
}

function disconnectedError(): BridgeCallError {
  return new BridgeCallError('disconnected', 'Lost the connection to liner serve. Check that it is still running, then reload the page.');
}

/**
 * Builds `window.liner` over the `liner serve` WebSocket. Calls made while the
 * socket connects wait for it. Calls in flight when it drops fail with code
 * `disconnected`. The bridge then reconnects with a back-off (1 s doubling to
 * 30 s), and stops when the server rejects the page's token.
 */
export function connectWebSocketBridge(pageUrl: URL): LinerApi {
  const listeners = new Map<LinerEventName, Set<(payload: unknown) => void>>();
  const pending = new Map<number, PendingCall>();
  let nextId = 1;
  let reconnectDelayMs = FIRST_RECONNECT_DELAY_MS;
  let socket = openSocket();
  let opened = waitForOpen(socket);

  function openSocket(): WebSocket {
    const url = new URL(BRIDGE_PATH, pageUrl);
    url.protocol = pageUrl.protocol === 'https:' ? 'wss:' : 'ws:';
    const token = pageUrl.searchParams.get(TOKEN_PARAMETER);
    if (token) url.searchParams.set(TOKEN_PARAMETER, token);

    const created = new WebSocket(url);
    created.addEventListener('open', () => {
      reconnectDelayMs = FIRST_RECONNECT_DELAY_MS;
      announceConnection({ kind: 'connected' });
    });
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
    for (const call of pending.values()) {
      call.reject(disconnectedError());
    }
    pending.clear();
    void scheduleReconnect();
  }

  async function scheduleReconnect(): Promise<void> {
    if (await tokenRejected(pageUrl)) {
      announceConnection({ kind: 'token_rejected' });
      return;
    }

    const delayMs = reconnectDelayMs;
    reconnectDelayMs = nextReconnectDelay(delayMs);
    announceConnection({ kind: 'reconnecting', nextAttemptAt: Date.now() + delayMs });
    setTimeout(() => {
      socket = openSocket();
      opened = waitForOpen(socket);
      opened.catch(() => undefined);
    }, delayMs);
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

let bridgeInstalled = false;

/** Installs the WebSocket bridge as `window.liner` unless a preload already exposed it. */
export function installWebSocketBridge(): void {
  if (window.liner) return;
  window.liner = connectWebSocketBridge(new URL(window.location.href));
  bridgeInstalled = true;
}

/**
 * True when the page runs in a browser under `liner serve`. The desktop app
 * hides its window on close instead of unloading the page, and there a
 * `beforeunload` veto would block quitting without a prompt.
 */
export function runsInBrowser(): boolean {
  return bridgeInstalled;
}
