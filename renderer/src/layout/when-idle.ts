/**
 * Runs `run` once the browser is idle, or after `timeoutMs` at the latest, so work ahead of need does not compete
 * with the screen being drawn. Where a browser has no idle callback, a short timer stands in. Returns the cancel.
 */
export function whenIdle(run: () => void, timeoutMs: number): () => void {
  if (typeof requestIdleCallback === 'undefined') {
    const timer = setTimeout(run, 100);
    return () => clearTimeout(timer);
  }
  const idle = requestIdleCallback(run, { timeout: timeoutMs });
  return () => cancelIdleCallback(idle);
}
