import type { Verdict } from '../../../shared/analysis/verdict';
import './verdicts.css';

// Text first, a shape second, colour last: the badge reads the same printed in black and white.
const BADGES = {
  losing: { text: 'Losing motion', icon: '▼', className: 'verdict-losing' },
  confirm: { text: 'Re-measure to confirm', icon: '?', className: 'verdict-confirm' },
  holding: { text: 'Holding', icon: '■', className: 'verdict-holding' },
  improving: { text: 'Improving', icon: '▲', className: 'verdict-improving' },
  insufficient: { text: 'Too few measurements', icon: '○', className: 'verdict-insufficient' },
} as const;

export function badgeOf(verdict: Pick<Verdict, 'kind' | 'needsConfirmation'>): (typeof BADGES)[keyof typeof BADGES] {
  if (verdict.kind === 'holding' && verdict.needsConfirmation) return BADGES.confirm;
  return BADGES[verdict.kind];
}

export function VerdictBadge({ verdict }: { verdict: Pick<Verdict, 'kind' | 'needsConfirmation'> }) {
  const b = badgeOf(verdict);
  return (
    <span className={`verdict ${b.className}`}>
      <span className="verdict-icon" aria-hidden="true">
        {b.icon}
      </span>{' '}
      {b.text}
    </span>
  );
}
