import { useEffect, useRef } from 'react';

// What counts as someone at the workstation. Not focus or visibility: a window left in front of an empty chair
// must lock all the same.
const INPUT_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

/**
 * Calls `onIdle` once after `minutes` without keyboard, mouse or touch input, while `watching`. The back end
 * locks the session on its own clock too (it sees requests, not keys), so the screen locks whichever notices first.
 * One timer, re-armed for the time left rather than at every key, so typing costs nothing.
 */
export function useIdleLock(minutes: number, watching: boolean, onIdle: () => void): void {
  const callback = useRef(onIdle);
  useEffect(() => {
    callback.current = onIdle;
  }, [onIdle]);

  useEffect(() => {
    if (!watching) return;
    const limit = minutes * 60_000;
    let last = Date.now();
    let timer: ReturnType<typeof setTimeout>;
    const check = (): void => {
      const idle = Date.now() - last;
      if (idle >= limit) callback.current();
      else timer = setTimeout(check, limit - idle);
    };
    const onInput = (): void => {
      last = Date.now();
    };
    timer = setTimeout(check, limit);
    for (const name of INPUT_EVENTS) window.addEventListener(name, onInput, { capture: true, passive: true });
    return () => {
      clearTimeout(timer);
      for (const name of INPUT_EVENTS) window.removeEventListener(name, onInput, { capture: true });
    };
  }, [minutes, watching]);
}
