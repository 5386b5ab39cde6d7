/**
 * The logger the T2Tunes client writes to. The signatures match pino's
 * (object first, message second), so a pino child logger can be passed as is.
 */
export interface SourceLogger {
  warn(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  debug(obj: object, msg: string): void;
}

function ignore(): void {}

/** A logger that drops every record; the default when none is injected. */
export const silentLogger: SourceLogger = { warn: ignore, info: ignore, debug: ignore };
