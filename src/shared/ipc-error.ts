/**
 * Why a renderer call failed:
 * - `invalid_payload`: an unknown call, or arguments that do not fit it; the message names the value and the fix.
 * - `not_found`: the library or item the call names does not exist.
 * - `failed`: a valid call that failed while main carried it out.
 */
export const IPC_ERROR_CODES = ['invalid_payload', 'not_found', 'failed'] as const;
export type IpcErrorCode = (typeof IPC_ERROR_CODES)[number];

/** The form an error travels in over any transport. */
export interface IpcErrorPayload {
  code: IpcErrorCode;
  message: string;
}

/** An error main returns to the renderer for one call. */
export class IpcError extends Error {
  readonly code: IpcErrorCode;

  constructor(code: IpcErrorCode, message: string) {
    super(message);
    this.name = 'IpcError';
    this.code = code;
  }

  toPayload(): IpcErrorPayload {
    return { code: this.code, message: this.message };
  }
}

export function isIpcErrorCode(value: unknown): value is IpcErrorCode {
  return typeof value === 'string' && (IPC_ERROR_CODES as readonly string[]).includes(value);
}

/**
 * The reply of one Electron IPC call. Electron turns an error thrown in
 * `ipcMain.handle` into a generic "Error invoking remote method" and drops its
 * fields, so main returns the outcome and the preload throws the error itself.
 */
export type IpcOutcome = { ok: true; value: unknown } | { ok: false; error: IpcErrorPayload };

export function isIpcOutcome(value: unknown): value is IpcOutcome {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  if (record.ok === true) return 'value' in record;
  if (record.ok !== false || typeof record.error !== 'object' || record.error === null) return false;

  const error = record.error as Record<string, unknown>;
  return isIpcErrorCode(error.code) && typeof error.message === 'string';
}
