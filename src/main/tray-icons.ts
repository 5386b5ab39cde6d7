import type { TrayIconState } from './tray-model.ts';

/** Side of the tray bitmap in pixels; it is drawn at scale factor 2, so 16 points on screen. */
export const TRAY_ICON_SIZE = 32;

/** Fill colour of each state as [red, green, blue]. */
const COLOURS: Record<TrayIconState, [number, number, number]> = {
  idle: [0x8e, 0x8e, 0x93],
  enriching: [0x30, 0xa4, 0x6c],
  paused: [0xe0, 0x9b, 0x1a],
  unavailable: [0xd9, 0x3b, 0x3b],
};

/** Coverage of a pixel by the disc, from 0 to 1, with one pixel of soft edge. */
function discCoverage(x: number, y: number, radius: number): number {
  const centre = TRAY_ICON_SIZE / 2;
  const distance = Math.hypot(x + 0.5 - centre, y + 0.5 - centre);
  return Math.max(0, Math.min(1, radius + 0.5 - distance));
}

/** True for the pixels the state's mark cuts out of the disc. */
function isCutOut(state: TrayIconState, x: number, y: number): boolean {
  const size = TRAY_ICON_SIZE;
  if (state === 'paused') {
    // Two vertical bars: the usual pause sign.
    const inRows = y >= size * 0.3 && y < size * 0.7;
    const inBars = (x >= size * 0.34 && x < size * 0.44) || (x >= size * 0.56 && x < size * 0.66);
    return inRows && inBars;
  }
  if (state === 'unavailable') {
    // A horizontal bar: the "no entry" sign.
    return y >= size * 0.44 && y < size * 0.56 && x >= size * 0.25 && x < size * 0.75;
  }
  return false;
}

/**
 * Draws the tray icon of a state as raw BGRA pixels, the format
 * `nativeImage.createFromBitmap` takes: a coloured disc, with a pause sign
 * or a bar cut out for the paused and unavailable states.
 */
export function trayIconBitmap(state: TrayIconState): Buffer {
  const size = TRAY_ICON_SIZE;
  const [red, green, blue] = COLOURS[state];
  const pixels = Buffer.alloc(size * size * 4);

  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const coverage = isCutOut(state, x, y) ? 0 : discCoverage(x, y, size / 2 - 1);
      const offset = (y * size + x) * 4;
      pixels[offset] = blue;
      pixels[offset + 1] = green;
      pixels[offset + 2] = red;
      pixels[offset + 3] = Math.round(coverage * 255);
    }
  }
  return pixels;
}
