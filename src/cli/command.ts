import type { Writable } from 'node:stream';

/** Exit codes of every `liner` command. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** A usage mistake: printed with the command's usage and exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface CommandContext {
  stdout: Writable;
  stderr: Writable;
  env: NodeJS.ProcessEnv;
  /** True when stderr is a terminal, so progress lines may redraw in place. */
  interactive: boolean;
  /** Aborted on SIGINT or SIGTERM; long-running commands stop cleanly. */
  signal: AbortSignal;
}

export interface Command {
  name: string;
  /** One line for `liner help`. */
  summary: string;
  /** The synopsis and options, printed by `liner help NAME` and on usage errors. */
  usage: string;
  /** Runs the command and resolves to its exit code. */
  run(args: string[], context: CommandContext): Promise<number>;
}
