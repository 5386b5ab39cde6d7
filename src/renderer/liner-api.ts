import type { LinerApi } from '../shared/ipc-contract.ts';

declare global {
  interface Window {
    /** Exposed by the preload in the desktop app, or by the WebSocket bridge under `liner serve`. */
    liner?: LinerApi;
  }
}

/** Returns `window.liner`; throws when neither the preload nor the bridge installed it. */
export function linerApi(): LinerApi {
  if (!window.liner) throw new Error('window.liner is missing: the page was opened outside Liner.');
  return window.liner;
}

/** Returns the message of an error from a call, for showing to the user. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && 'message' in error) return String(error.message);
  return String(error);
}
