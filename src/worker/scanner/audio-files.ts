import path from 'node:path';

/**
 * Extensions read as audio, in lower case. These are the containers
 * music-metadata 11 parses: MPEG audio, FLAC, Ogg (Vorbis, Opus, Speex, FLAC),
 * MP4/M4A, ADTS AAC, RIFF WAVE, AIFF, ASF/WMA, Monkey's Audio, WavPack, DSF,
 * DSDIFF, Musepack and Matroska audio.
 */
const AUDIO_EXTENSIONS = new Set([
  'mp3', 'mp2', 'mp1', 'mpa',
  'flac',
  'ogg', 'oga', 'opus', 'spx',
  'm4a', 'm4b', 'm4p', 'mp4', 'aac',
  'wav', 'wave', 'bwf',
  'aif', 'aiff', 'aifc',
  'wma', 'asf',
  'ape', 'wv', 'dsf', 'dff', 'mpc', 'mka',
]);

/**
 * Files that sit next to music and are never audio: cover art, rip logs,
 * cue sheets, playlists, notes. They are reported without being opened.
 */
const SIDECAR_EXTENSIONS = new Set([
  'jpg', 'jpeg', 'png', 'gif', 'bmp', 'webp', 'tif', 'tiff',
  'txt', 'nfo', 'log', 'cue', 'm3u', 'm3u8', 'pls', 'sfv', 'md5', 'ffp', 'accurip',
  'pdf', 'html', 'htm', 'xml', 'json', 'ini', 'db', 'ds_store', 'lrc',
]);

/**
 * How the scanner treats a file by its name:
 * - `audio`: parse it;
 * - `sidecar`: report it as not audio without opening it;
 * - `unknown`: parse it anyway, letting music-metadata detect the format from
 *   the content (an MP3 saved as `.id3v23` is still a track).
 */
export type FileKind = 'audio' | 'sidecar' | 'unknown';

export function classifyFile(filePath: string): FileKind {
  const name = path.basename(filePath).toLowerCase();
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot + 1) : name === '.ds_store' ? 'ds_store' : '';

  if (AUDIO_EXTENSIONS.has(extension)) return 'audio';
  if (SIDECAR_EXTENSIONS.has(extension)) return 'sidecar';
  return 'unknown';
}

/** The reason given for every file that is not audio. */
export const NOT_AUDIO_REASON = 'not an audio file';
