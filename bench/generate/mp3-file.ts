/**
 * Builds tiny but valid MP3 files by hand: an ID3v2.3 tag followed by a few
 * silent MPEG-1 Layer III frames. music-metadata reads the tags and computes
 * the duration from the frames, as it does for a real file.
 */

export interface Mp3Tags {
  title: string | null;
  artist: string;
  albumArtist: string;
  album: string;
  trackNumber: number;
  trackTotal: number;
  discNumber: number | null;
  discTotal: number | null;
  year: number;
  label: string | null;
}

/**
 * The 4-byte header of an MPEG-1 Layer III frame at 128 kbit/s and 44.1 kHz,
 * joint stereo, no CRC, no padding. Each such frame is 417 bytes long
 * (144 × 128 000 / 44 100, rounded down) and plays 1152 samples (26 ms).
 */
const FRAME_HEADER = Buffer.from([0xff, 0xfb, 0x90, 0x64]);
const FRAME_BYTES = 417;
/** Frames per file: enough for a stable frame sync, small enough for 100,000 files. */
const FRAMES_PER_FILE = 6;

const AUDIO = buildAudio();

function buildAudio(): Buffer {
  const frame = Buffer.alloc(FRAME_BYTES);
  FRAME_HEADER.copy(frame, 0);
  return Buffer.concat(Array.from({ length: FRAMES_PER_FILE }, () => frame));
}

/** Encodes text as ISO-8859-1 when every character fits, else as UTF-16 with a byte order mark. */
function encodeText(text: string): Buffer {
  const latin1 = [...text].every((character) => (character.codePointAt(0) ?? 0) <= 0xff);
  if (latin1) return Buffer.concat([Buffer.from([0x00]), Buffer.from(text, 'latin1')]);
  return Buffer.concat([Buffer.from([0x01, 0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}

/** Encodes one ID3v2.3 text frame: id, a plain 32-bit size (v2.3 frames do not use syncsafe sizes), no flags. */
function textFrame(id: string, text: string): Buffer {
  const body = encodeText(text);
  const header = Buffer.alloc(10);
  header.write(id, 0, 'latin1');
  header.writeUInt32BE(body.length, 4);
  return Buffer.concat([header, body]);
}

/** Encodes the tag size as four 7-bit bytes, as the ID3v2 header requires. */
function syncsafe(size: number): Buffer {
  return Buffer.from([(size >> 21) & 0x7f, (size >> 14) & 0x7f, (size >> 7) & 0x7f, size & 0x7f]);
}

function id3Tag(tags: Mp3Tags): Buffer {
  const frames = [
    tags.title === null ? null : textFrame('TIT2', tags.title),
    textFrame('TPE1', tags.artist),
    textFrame('TPE2', tags.albumArtist),
    textFrame('TALB', tags.album),
    textFrame('TRCK', `${tags.trackNumber}/${tags.trackTotal}`),
    tags.discNumber === null ? null : textFrame('TPOS', `${tags.discNumber}/${tags.discTotal ?? tags.discNumber}`),
    textFrame('TYER', String(tags.year)),
    tags.label === null ? null : textFrame('TPUB', tags.label),
  ].filter((frame): frame is Buffer => frame !== null);

  const body = Buffer.concat(frames);
  const header = Buffer.concat([Buffer.from('ID3', 'latin1'), Buffer.from([0x03, 0x00, 0x00]), syncsafe(body.length)]);
  return Buffer.concat([header, body]);
}

/** Returns the bytes of one MP3 file with these tags. */
export function mp3File(tags: Mp3Tags): Buffer {
  return Buffer.concat([id3Tag(tags), AUDIO]);
}
