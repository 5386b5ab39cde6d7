import type { UnreadableFile } from '../../shared/scan-protocol.ts';
import { NOT_AUDIO_REASON } from './audio-files.ts';

/** File-system error codes that may pass: the file is still there, just out of reach now. */
const TRANSIENT_CODES: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EBUSY: 'file is busy',
  EIO: 'input/output error',
  ETIMEDOUT: 'timed out reading the file',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
};

/** File-system error codes that describe the entry itself. */
const ENTRY_CODES: Record<string, string> = {
  ELOOP: 'symbolic link loop',
  ENAMETOOLONG: 'path too long',
  ENOTDIR: 'not a folder',
};

/** music-metadata and strtok3 errors raised by a file whose content ends early or is damaged. */
const DAMAGED_ERRORS = new Set(['UnexpectedFileContentError', 'EndOfStreamError', 'FieldDecodingError', 'InternalParserError', 'RangeError']);

/** music-metadata errors raised for content in no format it supports. */
const NOT_AUDIO_ERRORS = new Set(['CouldNotDetermineFileTypeError', 'UnsupportedFileTypeError']);

/**
 * Describes why a path could not be listed, read or parsed. Pass `link` true
 * for a symbolic link, so a missing target reads as a broken link rather than
 * as a file removed during the scan.
 */
export function unreadableFrom(filePath: string, error: unknown, link = false): UnreadableFile {
  const { name, message, code } = errorParts(error);

  if (code && TRANSIENT_CODES[code]) return { path: filePath, reason: TRANSIENT_CODES[code], transient: true };
  if (code && ENTRY_CODES[code]) return { path: filePath, reason: ENTRY_CODES[code], transient: false };
  if (code === 'ENOENT') {
    // A broken link may point at a drive that is not mounted, so its track
    // (if any) is kept. A plain file that vanished is gone for good.
    return link
      ? { path: filePath, reason: 'broken symbolic link', transient: true }
      : { path: filePath, reason: 'file removed during the scan', transient: false };
  }

  if (NOT_AUDIO_ERRORS.has(name)) return { path: filePath, reason: NOT_AUDIO_REASON, transient: false };
  if (DAMAGED_ERRORS.has(name)) return { path: filePath, reason: `truncated or damaged file (${firstLine(message)})`, transient: false };
  return { path: filePath, reason: `could not read tags (${firstLine(message)})`, transient: false };
}

function errorParts(error: unknown): { name: string; message: string; code: string | undefined } {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { name: error.name, message: error.message, code: typeof code === 'string' ? code : undefined };
  }
  return { name: 'Error', message: String(error), code: undefined };
}

function firstLine(message: string): string {
  return message.split('\n')[0]?.trim() || 'unknown error';
}
