/**
 * The worker side of the parent link. A worker runs either as an Electron
 * utility process (`process.parentPort`) or as a Node child forked with an
 * IPC channel (`process.send`). Both carry structured-clone messages, so the
 * worker code above this adapter is the same in both.
 */
export interface ParentPort<Incoming, Outgoing> {
  send(message: Outgoing): void;
  onMessage(listener: (message: Incoming) => void): void;
}

interface ElectronParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

export function connectToParent<Incoming, Outgoing>(): ParentPort<Incoming, Outgoing> {
  const electronPort = (process as unknown as { parentPort?: ElectronParentPort }).parentPort;
  if (electronPort) {
    return {
      send: (message) => electronPort.postMessage(message),
      onMessage: (listener) => electronPort.on('message', (event) => listener(event.data as Incoming)),
    };
  }

  if (typeof process.send === 'function') {
    return {
      send: (message) => {
        // A parent that has gone away closes the channel; the exit handler
        // below ends this process, so a late message is dropped on purpose.
        if (process.connected) process.send?.(message);
      },
      onMessage: (listener) => process.on('message', (message) => listener(message as Incoming)),
    };
  }

  throw new Error('This worker must be started by Liner as a utility process or a forked child, not run directly.');
}

/**
 * Ends the worker when its parent disappears, so no orphan keeps running.
 * Ctrl+C in a terminal sends SIGINT to the whole process group. The worker
 * ignores it and lets the parent stop it in order, so a normal stop is not
 * mistaken for a crash and the write in flight is finished.
 */
export function exitWithParent(): void {
  process.on('disconnect', () => process.exit(0));
  process.on('SIGINT', () => undefined);
}
