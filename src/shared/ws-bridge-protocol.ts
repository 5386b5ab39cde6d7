import type { LinerCallName, LinerEventName } from './ipc-contract.ts';

/**
 * Messages of the `liner serve` WebSocket bridge, which carries the same
 * calls and events as the desktop app's IPC. Every frame is one JSON object.
 */

/** Browser to server: one call; `id` pairs it with its reply. */
export interface BridgeCallMessage {
  type: 'call';
  id: number;
  name: LinerCallName;
  args: unknown[];
}

/** Server to browser: the result of a call, or its error with the code main threw. */
export type BridgeReplyMessage =
  | { type: 'result'; id: number; result: unknown }
  | { type: 'error'; id: number; error: { code: string; message: string } };

/** Server to browser: an event, pushed to every connected page. */
export interface BridgeEventMessage {
  type: 'event';
  event: LinerEventName;
  payload: unknown;
}

export type BridgeServerMessage = BridgeReplyMessage | BridgeEventMessage;

/** The path the bridge's WebSocket connects to, next to the page. */
export const BRIDGE_PATH = '/bridge';

/** The query parameter and cookie that carry the serve token. */
export const TOKEN_PARAMETER = 'token';
export const TOKEN_COOKIE = 'liner_token';
