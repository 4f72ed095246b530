import { useCallback, useRef } from 'react';

/** Where focus goes when the record it was on is gone (voided): the page's status message. */
export const STATUS_ID = 'record-status';

/**
 * An inline form takes the focus when it opens; when it closes, the focus goes back to the button that
 * opened it, so a keyboard user carries on where they were instead of starting again from the top.
 * When that button went with its record (a void), the page's status message takes it, without scrolling.
 */
export function useReturnFocus(): { remember(): void; restore(recordGone?: boolean): void } {
  const opener = useRef<HTMLElement | null>(null);
  const remember = useCallback(() => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  }, []);
  const restore = useCallback((recordGone = false) => {
    requestAnimationFrame(() => {
      const target = !recordGone && opener.current?.isConnected ? opener.current : document.getElementById(STATUS_ID);
      target?.focus({ preventScroll: recordGone });
    });
  }, []);
  return { remember, restore };
}
