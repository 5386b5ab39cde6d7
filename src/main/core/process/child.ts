/**
 * The main side of a worker process, whatever hosts it: a Node child forked
 * by the CLI, or an Electron utility process in the desktop app. Messages are
 * structured clones in both.
 */
export interface ChildProcessHandle<Outgoing, Incoming> {
  readonly pid: number | undefined;
  send(message: Outgoing): void;
  onMessage(listener: (message: Incoming) => void): void;
  /** Called once when the process ends, with its exit code (null when killed by a signal). */
  onExit(listener: (code: number | null, signal: string | null) => void): void;
  kill(): void;
}

/** Starts a worker entry module and returns its handle. */
export type ChildLauncher = <Outgoing, Incoming>(entry: WorkerEntry) => ChildProcessHandle<Outgoing, Incoming>;

/** The worker entries Liner ships, by name; each host maps a name to its own file. */
export type WorkerEntry = 'enrichment' | 'scanner';
