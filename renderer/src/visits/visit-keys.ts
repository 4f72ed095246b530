// The visit form's keys, spreadsheet-like: Enter moves on and never saves; Ctrl+Enter saves; Escape cancels.
import type { KeyboardEvent } from 'react';

const FOCUSABLE = 'input:not([type=hidden]), select, textarea, button, summary, a[href], [tabindex]:not([tabindex="-1"])';

/** The next place Tab would go from `from` inside `root` (Enter moves like Tab, never saves). */
export function focusNextAfter(root: HTMLElement, from: Element, step: 1 | -1 = 1): void {
  const all = [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !el.matches(':disabled') && el.getClientRects().length > 0);
  const at = all.findIndex((el) => el === from);
  all[at + step]?.focus();
}

/** The form-wide keys; the grid's boxes handle their own Enter first (confirming a far value, then moving). */
export function visitFormKeyDown(e: KeyboardEvent<HTMLFormElement>, cancel: () => void): void {
  const form = e.currentTarget;
  const t = e.target;
  if (e.key === 'Escape') {
    e.preventDefault();
    cancel();
  } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
    // Ctrl+Enter saves from anywhere in the form, a textarea included.
    e.preventDefault();
    form.requestSubmit();
  } else if (e.key === 'Enter' && !e.altKey && (t instanceof HTMLSelectElement || (t instanceof HTMLInputElement && t.type !== 'submit' && t.type !== 'button'))) {
    // Enter in a field moves on like Tab: a spreadsheet habit must never save a half-typed visit.
    e.preventDefault();
    focusNextAfter(form, t, e.shiftKey ? -1 : 1);
  }
}
