import type { ReactNode } from 'react';

/**
 * A wide table's own scrolling box (at 200% zoom it scrolls sideways instead of widening the page). It takes
 * the focus, so keyboard users can scroll it with the arrow keys (WCAG 2.1.1; axe: scrollable-region-focusable).
 */
export function ScrollBox({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
