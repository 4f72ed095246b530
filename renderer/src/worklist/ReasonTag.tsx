import { useTranslation } from 'react-i18next';
import { REASON_LABELS, type ReasonCode, type Urgency } from '../../../shared/worklist/types';

// A reason as a word with a symbol, boxed: it reads the same on a black-and-white printout; colour is a third cue.
export function ReasonTag({ code, count }: { code: ReasonCode; count?: number }) {
  const { t } = useTranslation();
  return (
    <span className={`reason-tag reason-${code}`}>
      <span className="reason-symbol" aria-hidden="true">
        {REASON_LABELS[code].symbol}
      </span>{' '}
      {t(`reason.${code}`)}
      {count === undefined ? null : <span className="reason-count"> ({count})</span>}
    </span>
  );
}

export function UrgencyMark({ urgency }: { urgency: Urgency }) {
  const { t } = useTranslation();
  const word = { high: t('worklist.urgency.high'), medium: t('worklist.urgency.medium'), low: t('worklist.urgency.low') }[urgency];
  return <span className={`urgency urgency-${urgency}`}>{word}</span>;
}
