import { REASON_LABELS, type ReasonCode, type Urgency } from '../../../shared/worklist/types';

// A reason as a word with a symbol, boxed: it reads the same on a black-and-white printout; colour is a third cue.
export function ReasonTag({ code, count }: { code: ReasonCode; count?: number }) {
  const label = REASON_LABELS[code];
  return (
    <span className={`reason-tag reason-${code}`}>
      <span className="reason-symbol" aria-hidden="true">
        {label.symbol}
      </span>{' '}
      {label.word}
      {count === undefined ? null : <span className="reason-count"> ({count})</span>}
    </span>
  );
}

export const URGENCY_WORDS: Record<Urgency, string> = { high: 'High', medium: 'Medium', low: 'Low' };

export function UrgencyMark({ urgency }: { urgency: Urgency }) {
  return <span className={`urgency urgency-${urgency}`}>{URGENCY_WORDS[urgency]}</span>;
}
