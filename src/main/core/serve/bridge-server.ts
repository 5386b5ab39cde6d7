import type { WebSocket } from 'ws';

import type { LinerEventName } from '../../../shared/ipc-contract.ts';
import type { BridgeCallMessage, BridgeServerMessage } from '../../../shared/ws-bridge-protocol.ts';
import type { Logger } from '../logging.ts';

/** The part of the app service the bridge uses: validated dispatch and the event feed. */
export interface BridgeTarget {
  /** Validates the arguments and runs the call; throws an error with `code` and `message` on failure. */
  dispatch(name: string, args: unknown): Promise<unknown>;
  on(event: LinerEventName, listener: (payload: unknown) => void): () => void;
}

const EVENTS: readonly LinerEventName[] = ['status', 'scanProgress'];

/** Frames a page may have queued before the bridge stops sending it events, in bytes. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

function errorPayload(error: unknown): { code: string; message: string } {
  const record = (typeof error === 'object' && error !== null ? error : {}) as { code?: unknown; message?: unknown };
  const code = typeof record.code === 'string' ? record.code : 'failed';
  const message = typeof record.message === 'string' ? record.message : String(error);
  return { code, message };
}

function readCall(text: string): BridgeCallMessage | { id: number | null; problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { id: null, problem: 'the frame is not JSON' };
  }

  const record = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const id = typeof record.id === 'number' && Number.isSafeInteger(record.id) ? record.id : null;
  if (record.type !== 'call' || id === null) return { id, problem: 'expected {"type": "call", "id": <integer>, "name", "args"}' };
  if (typeof record.name !== 'string' || !Array.isArray(record.args)) return { id, problem: 'a call needs a string "name" and an "args" array' };
  return { type: 'call', id, name: record.name as BridgeCallMessage['name'], args: record.args };
}

/**
 * Serves one page's WebSocket: runs each call through the app service and
 * replies with its result or error, and pushes every event. The current
 * status goes out first, so a page that reconnects catches up.
 */
export function serveBridgeConnection(socket: WebSocket, target: BridgeTarget, logger: Logger): void {
  const send = (message: BridgeServerMessage) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  };

  const unsubscribers = EVENTS.map((event) =>
    target.on(event, (payload) => {
      if (socket.bufferedAmount > MAX_BUFFERED_BYTES) return;
      send({ type: 'event', event, payload });
    }),
  );

  socket.on('message', (data, isBinary) => {
    const call = readCall(isBinary ? '' : data.toString());
    if (!('type' in call)) {
      logger.warn({ problem: call.problem }, 'invalid bridge frame');
      if (call.id !== null) send({ type: 'error', id: call.id, error: { code: 'invalid_payload', message: call.problem } });
      return;
    }

    target.dispatch(call.name, call.args).then(
      (result) => send({ type: 'result', id: call.id, result: result ?? null }),
      (error: unknown) => send({ type: 'error', id: call.id, error: errorPayload(error) }),
    );
  });

  socket.on('close', () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
  });
  socket.on('error', (error) => logger.warn({ err: error }, 'bridge socket failed'));

  target.dispatch('getStatus', []).then(
    (status) => send({ type: 'event', event: 'status', payload: status }),
    (error: unknown) => logger.warn({ err: error }, 'could not send the first status'),
  );
}
