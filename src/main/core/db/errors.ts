/** Reason a database file could not be opened; each error message names the path and a fix. */
export type DatabaseOpenFailure = 'not_sqlite' | 'corrupt' | 'newer_version' | 'read_only' | 'missing_folder';

/** A database file Liner refuses to open; the file is left exactly as it was. */
export class DatabaseOpenError extends Error {
  readonly reason: DatabaseOpenFailure;
  readonly path: string;

  constructor(reason: DatabaseOpenFailure, path: string, message: string, cause?: unknown) {
    super(message, { cause });
    this.name = 'DatabaseOpenError';
    this.reason = reason;
    this.path = path;
  }
}
