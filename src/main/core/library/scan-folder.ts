import fs from 'node:fs';
import path from 'node:path';

/** The reason a folder cannot be scanned. */
export type ScanFolderProblem = 'not_found' | 'not_a_folder' | 'unreadable';

/** A library folder that cannot be scanned; the message names the path and the fix. */
export class ScanFolderError extends Error {
  readonly problem: ScanFolderProblem;
  readonly folder: string;

  constructor(problem: ScanFolderProblem, folder: string, message: string, cause?: unknown) {
    super(message, { cause });
    this.name = 'ScanFolderError';
    this.problem = problem;
    this.folder = folder;
  }
}

/**
 * Resolves a folder to scan to its real absolute path, the key of its
 * library row, so `./music`, `/home/me/music` and a link to it share one
 * library. Throws ScanFolderError when it is missing or not a folder.
 */
export function resolveScanFolder(folder: string): string {
  const absolute = path.resolve(folder);

  let stats: fs.Stats;
  try {
    stats = fs.statSync(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new ScanFolderError('not_found', absolute, `Folder not found: ${absolute}. Check the path and try again.`, error);
    }
    throw new ScanFolderError('unreadable', absolute, `Cannot read folder ${absolute}: ${(error as Error).message}`, error);
  }

  if (!stats.isDirectory()) {
    throw new ScanFolderError('not_a_folder', absolute, `Not a folder: ${absolute}. Pass the folder that contains the music files.`);
  }
  return fs.realpathSync(absolute);
}
