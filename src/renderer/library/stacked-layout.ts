/**
 * The media query under which the detail panel stacks below the table
 * instead of beside it; styles.css uses the same breakpoint. 1280 px at
 * 200 % zoom is 640 CSS px wide and matches it.
 */
export const STACKED_LAYOUT_QUERY = '(max-width: 56rem)';

export function isStackedLayout(): boolean {
  return window.matchMedia(STACKED_LAYOUT_QUERY).matches;
}
