import { useCallback, useRef, type KeyboardEvent } from 'react';

// A table whose rows each open something through one link (the patient's name): Tab reaches one stop per row,
// and ↑ ↓ Home End move between the rows' links, as in a list. Shared by the patient list and the worklist.

export function useRowLinks<T extends HTMLElement>(selector: string, onAboveFirst?: () => void) {
  const ref = useRef<T>(null);
  const links = useCallback(() => [...(ref.current?.querySelectorAll<HTMLAnchorElement>(selector) ?? [])], [selector]);
  const onKeyDown = (e: KeyboardEvent<T>) => {
    const all = links();
    const at = all.findIndex((a) => a === document.activeElement);
    if (at < 0 || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    const to = e.key === 'ArrowDown' ? at + 1 : e.key === 'ArrowUp' ? at - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? all.length - 1 : null;
    if (to === null) return;
    e.preventDefault();
    if (to < 0 && onAboveFirst) onAboveFirst();
    else all[Math.max(0, Math.min(all.length - 1, to))]?.focus();
  };
  /** Focus the first row's link, e.g. ↓ from a search box above the table; false when there is none. */
  const focusFirst = () => {
    const first = links()[0];
    first?.focus();
    return first !== undefined;
  };
  return { ref, onKeyDown, focusFirst };
}
