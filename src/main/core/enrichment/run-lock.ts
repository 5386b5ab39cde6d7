import fs from 'node:fs';

/** A held enrichment lock; `release` removes it. */
export interface RunLock {
  release(): void;
}

/** Reports whether a process id belongs to a running process on this machine. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the enrichment lock of a database: a file `<database>.enrich.lock`
 * with the owner's process id. Two processes enriching one database would
 * process every item twice and double the load on the source, so the second
 * gets the first one's pid instead of a lock. A lock left by a process that
 * no longer runs is taken over. In-memory databases need no lock.
 */
export function acquireRunLock(databasePath: string): RunLock | { heldBy: number } {
  if (databasePath === '' || databasePath === ':memory:') return { release: () => undefined };
  const file = `${databasePath}.enrich.lock`;

  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      return { release: () => releaseIfOwned(file) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }

    const holder = Number.parseInt(fs.readFileSync(file, 'utf8'), 10);
    if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder)) return { heldBy: holder };
    fs.rmSync(file, { force: true });
  }
  return { heldBy: Number.parseInt(fs.readFileSync(file, 'utf8'), 10) };
}

function releaseIfOwned(file: string): void {
  try {
    if (fs.readFileSync(file, 'utf8') === String(process.pid)) fs.rmSync(file, { force: true });
  } catch {
    // Already gone: nothing to release.
  }
}

/** Returns the pid of the live process holding a database's enrichment lock, or null. */
export function runLockHolder(databasePath: string): number | null {
  try {
    const holder = Number.parseInt(fs.readFileSync(`${databasePath}.enrich.lock`, 'utf8'), 10);
    return Number.isInteger(holder) && isAlive(holder) ? holder : null;
  } catch {
    return null;
  }
}
