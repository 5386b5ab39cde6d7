import type { IAudioMetadata } from 'music-metadata';

/** The artist frame of each ID3 version whose text music-metadata splits at "/". */
const SLASH_SPLIT_FRAMES: Readonly<Record<string, string>> = { 'ID3v2.3': 'TPE1', 'ID3v2.2': 'TP1' };

/** The display artist and artist values of a file, as `toScannedTrack` reads them. */
export interface ArtistTags {
  artist: string | undefined;
  artists: string[];
}

/**
 * Returns the artist tags with an ID3v2.3 or v2.2 artist frame kept whole.
 *
 * music-metadata 11.16 splits those frames at "/", because ID3v2.3 names "/"
 * as the separator of several performers, so "AC/DC" arrives as "AC" and
 * "DC". The parts are joined back only when every part is a single word
 * ("AC/DC", "Au/Ra"). A part of several words ("Janelle Monáe/Roman
 * Gianarthur", "Explosions In The Sky/Another") marks a list of artists,
 * because that is how taggers write one. A frame split at NUL (music-metadata warns "uses non standard
 * null-separator") contains separate values and stays split, as do ID3v2.4
 * NUL values and repeated Vorbis fields, which music-metadata never splits
 * at "/".
 *
 * NOTE: the one-word rule is a guess, so "Beyoncé/Shakira" stays one
 * artist. music-metadata trims each part, so "AC / DC" comes back as "AC/DC".
 */
export function keepSlashArtistWhole(metadata: IAudioMetadata): ArtistTags {
  const tags: ArtistTags = { artist: metadata.common.artist, artists: metadata.common.artists ?? [] };

  for (const [tagType, frameId] of Object.entries(SLASH_SPLIT_FRAMES)) {
    const parts = (metadata.native[tagType] ?? []).filter((tag) => tag.id === frameId).map((tag) => String(tag.value));
    if (parts.length < 2 || parts[0] !== tags.artist) continue;
    if (splitAtNul(metadata, tagType, frameId)) continue;
    if (parts.some((part) => /\s/.test(part))) continue;

    const whole = parts.join('/');
    return { artist: whole, artists: [whole, ...tags.artists.filter((name) => !parts.includes(name))] };
  }
  return tags;
}

/** True when music-metadata split the frame at NUL characters rather than at "/". */
function splitAtNul(metadata: IAudioMetadata, tagType: string, frameId: string): boolean {
  const warning = `${tagType} ${frameId} uses non standard null-separator`;
  return metadata.quality.warnings.some((entry) => entry.message.includes(warning));
}
