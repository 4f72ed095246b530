// A confirmation carried across a change of screen: "Visit of 1 Dec 2026 saved: 6 measurements" is decided by
// the visit form, shown by the patient page it goes back to. Kept until the person goes to another screen.

let pending: { hash: string; text: string } | null = null;

const normal = (hash: string): string => (hash.startsWith('#') ? hash : `#${hash}`);

/** Shows `text` in the status line of the screen at `hash`, which the person is about to be taken to. */
export function flashOn(hash: string, text: string): void {
  pending = { hash: normal(hash), text };
}

/** The confirmation waiting for the screen at `hash`, if any. Reading it does not use it up (a re-render reads again). */
export function flashFor(hash: string): string | null {
  return pending && pending.hash === normal(hash) ? pending.text : null;
}

/** Called at every change of screen: a confirmation for another screen is dropped. */
export function dropFlashUnlessFor(hash: string): void {
  if (pending && pending.hash !== normal(hash)) pending = null;
}
