/**
 * Scripts the UI benchmark runs inside the page. They are strings because
 * the bench code is typed for Node, without the DOM library.
 */

/** A `.item-row` is a placeholder ("…") until its page has arrived. */
const ROWS_IN_VIEW = `
  const rowsInView = () => {
    const scroller = document.querySelector('[data-testid="item-scroll"]');
    if (!scroller) return null;
    const box = scroller.getBoundingClientRect();
    return [...scroller.querySelectorAll('.item-row')].filter((row) => {
      const rect = row.getBoundingClientRect();
      return rect.bottom > box.top && rect.top < box.bottom;
    });
  };
`;

/**
 * Arms a timer for the next click on the "Tracks" button: resolves with the
 * ms from that click to the first animation frame in which the view shows
 * `expectedCount` and every row in view has its content.
 */
export function armFirstPageTimer(expectedCount: string): string {
  return `(() => {
    ${ROWS_IN_VIEW}
    window.__linerFirstPage = new Promise((resolve) => {
      const onClick = (event) => {
        if (!(event.target instanceof Element) || event.target.closest('button')?.textContent?.trim() !== 'Tracks') return;
        document.removeEventListener('click', onClick, true);
        const clickedAt = performance.now();
        const check = (frameTime) => {
          const count = document.querySelector('.result-count')?.textContent?.trim();
          const rows = rowsInView();
          const ready = count === ${JSON.stringify(expectedCount)} && rows && rows.length > 0 && rows.every((row) => !row.classList.contains('placeholder'));
          if (ready) resolve(frameTime - clickedAt);
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      };
      document.addEventListener('click', onClick, true);
    });
  })()`;
}

export const AWAIT_FIRST_PAGE = 'window.__linerFirstPage';

/**
 * Scrolls the item table by \`step\` pixels in every animation frame for
 * \`frames\` frames and returns, per frame, the time since the previous frame
 * (ms) and how many rows in view were still placeholders.
 */
export function scrollFrames(step: number, frames: number): string {
  return `new Promise((resolve) => {
    ${ROWS_IN_VIEW}
    const scroller = document.querySelector('[data-testid="item-scroll"]');
    const deltas = [];
    const placeholders = [];
    let last = null;
    const tick = (now) => {
      if (last !== null) {
        deltas.push(now - last);
        placeholders.push(rowsInView().filter((row) => row.classList.contains('placeholder')).length);
      }
      last = now;
      if (deltas.length >= ${frames} || scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight) {
        resolve({ deltas, placeholders });
        return;
      }
      scroller.scrollTop += ${step};
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })`;
}
