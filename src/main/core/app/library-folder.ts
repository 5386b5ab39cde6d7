import fs from 'node:fs/promises';

import { IpcError } from '../../../shared/ipc-error.ts';

/**
 * Checks that a folder chosen as a library exists and is a folder, and
 * returns its real path, so the same folder reached through a link maps to
 * the same library. Throws `invalid_payload` naming the path and the fix.
 */
export async function resolveLibraryFolder(folder: string): Promise<string> {
  let stat;
  try {
    stat = await fs.stat(folder);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new IpcError('invalid_payload', `folder ${JSON.stringify(folder)} does not exist: choose an existing music folder`);
    }
    if (code === 'EACCES' || code === 'EPERM') {
      throw new IpcError('invalid_payload', `cannot read folder ${JSON.stringify(folder)}: permission denied; choose a folder you can read`);
    }
    throw error;
  }

  if (!stat.isDirectory()) {
    throw new IpcError('invalid_payload', `${JSON.stringify(folder)} is a file, not a folder: choose the folder that contains your music`);
  }
  return fs.realpath(folder);
}
