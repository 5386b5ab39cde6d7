import { IpcError } from '../../../shared/ipc-error.ts';
import { resolveScanFolder, ScanFolderError } from '../library/scan-folder.ts';

/**
 * Checks that a folder chosen as a library exists and is a folder, and
 * returns its real path, so the same folder reached through a link maps to
 * the same library. Throws `invalid_payload` naming the path and the fix.
 */
export function resolveLibraryFolder(folder: string): string {
  try {
    return resolveScanFolder(folder);
  } catch (error) {
    if (error instanceof ScanFolderError) throw new IpcError('invalid_payload', error.message);
    throw error;
  }
}
