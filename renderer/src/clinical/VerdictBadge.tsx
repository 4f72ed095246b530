import { useTranslation } from 'react-i18next';
import type { Verdict } from '../../../shared/analysis/verdict';
import './verdicts.css';

export const BADGE_NAMES = ['losing', 'confirm', 'holding', 'improving', 'insufficient'] as const;
export type BadgeName = (typeof BADGE_NAMES)[number];

// Text first, a shape second, colour last: the badge reads the same printed in black and white.
const BADGES: Record<BadgeName, { icon: string; className: string }> = {
  losing: { icon: '▼', className: 'verdict-losing' },
  confirm: { icon: '?', className: 'verdict-confirm' },
  holding: { icon: '■', className: 'verdict-holding' },
  improving: { icon: '▲', className: 'verdict-improving' },
  insufficient: { icon: '○', className: 'verdict-insufficient' },
};

/** The verdict's badge; its word is the message `verdict.<name>`, written where it shows (t(`verdict.${name}`)). */
export function badgeOf(verdict: Pick<Verdict, 'kind' | 'needsConfirmation'>): { name: BadgeName; icon: string; className: string } {
  const name: BadgeName = verdict.kind === 'holding' && verdict.needsConfirmation ? 'confirm' : verdict.kind;
  return { name, ...BADGES[name] };
}

export function VerdictBadge({ verdict }: { verdict: Pick<Verdict, 'kind' | 'needsConfirmation'> }) {
  const { t } = useTranslation();
  const b = badgeOf(verdict);
  return (
    <span className={`verdict ${b.className}`}>
      <span className="verdict-icon" aria-hidden="true">
        {b.icon}
      </span>{' '}
      {t(`verdict.${b.name}`)}
    </span>
  );
}
