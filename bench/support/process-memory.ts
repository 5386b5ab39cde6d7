import fs from 'node:fs';

/** Resident memory of one process, in bytes, from `/proc/PID/status` (Linux only). */
export interface ProcessMemory {
  /** `VmRSS`: resident now. */
  rss: number;
  /** `VmHWM`: the highest resident size so far. */
  peakRss: number;
}

function kilobytesField(status: string, name: string): number | null {
  const match = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status);
  return match ? Number(match[1]) * 1024 : null;
}

/** Reads a process's memory; null when it has exited or `/proc` is not there. */
export function readProcessMemory(pid: number): ProcessMemory | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const rss = kilobytesField(status, 'VmRSS');
    const peakRss = kilobytesField(status, 'VmHWM');
    return rss === null || peakRss === null ? null : { rss, peakRss };
  } catch {
    return null;
  }
}

/** Lists the direct children of a process, from every thread's `children` file. */
export function childPids(pid: number): number[] {
  const children = new Set<number>();
  let threads: string[];
  try {
    threads = fs.readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
  for (const thread of threads) {
    try {
      const text = fs.readFileSync(`/proc/${pid}/task/${thread}/children`, 'utf8').trim();
      for (const child of text.split(/\s+/).filter(Boolean)) children.add(Number(child));
    } catch {
      // The thread ended between the listing and the read.
    }
  }
  return [...children];
}

export interface WatchedMemory {
  /** The highest `VmHWM` seen. */
  peakRss: number;
  /** The last `VmRSS` read before the process ended or the watch stopped. */
  lastRss: number;
}

/**
 * Samples a process and its direct children every `intervalMs` until
 * stopped. A peak is the last `VmHWM` read, so a peak reached in the final
 * interval before a process exits can be missed.
 */
export class MemoryWatcher {
  private readonly root: WatchedMemory = { peakRss: 0, lastRss: 0 };
  private readonly children = new Map<number, WatchedMemory>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly pid: number,
    intervalMs = 50,
  ) {
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
  }

  /** Takes one more sample and stops; returns the root process and each child seen, by pid. */
  stop(): { root: WatchedMemory; children: Map<number, WatchedMemory> } {
    this.sample();
    clearInterval(this.timer);
    return { root: { ...this.root }, children: new Map(this.children) };
  }

  private sample(): void {
    record(this.root, readProcessMemory(this.pid));
    for (const child of childPids(this.pid)) {
      const entry = this.children.get(child) ?? { peakRss: 0, lastRss: 0 };
      record(entry, readProcessMemory(child));
      this.children.set(child, entry);
    }
  }
}

function record(entry: WatchedMemory, memory: ProcessMemory | null): void {
  if (!memory) return;
  entry.peakRss = Math.max(entry.peakRss, memory.peakRss);
  entry.lastRss = memory.rss;
}

/** Bytes to mebibytes, rounded to a tenth. */
export function toMiB(bytes: number): number {
  return Math.round((bytes / 2 ** 20) * 10) / 10;
}
