import type { ReferralRecord } from '../../../shared/api/operations/referrals';
import { PAPER_SIZES, type PaperSize } from '../../../shared/domain/clinic';
import { useFormatInstant } from '../clinical/format';

const PAPER_LABELS: Record<PaperSize, string> = { A4: 'A4 (210 × 297 mm)', Letter: 'US Letter (8.5 × 11 in)' };

export interface LetterControlsProps {
  paper: PaperSize;
  onPaper(paper: PaperSize): void;
  addressee: string;
  onAddressee(text: string): void;
  body: string;
  onBody(text: string): void;
  onRedraft(): void;
}

/** What the therapist can change before printing: the paper, to whom, and every word of the body. */
export function LetterControls(p: LetterControlsProps) {
  return (
    <form className="report-form referral-form" onSubmit={(e) => e.preventDefault()} aria-label="Letter options">
      <fieldset>
        <legend>Paper</legend>
        {PAPER_SIZES.map((size) => (
          <label key={size} className="choice">
            <input type="radio" name="referral-paper" value={size} checked={p.paper === size} onChange={() => p.onPaper(size)} />
            {PAPER_LABELS[size]}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="referral-addressee">To</label>
        <input id="referral-addressee" value={p.addressee} maxLength={300} onChange={(e) => p.onAddressee(e.target.value)} aria-describedby="referral-addressee-hint" />
        <p id="referral-addressee-hint" className="field-hint">
          The referring doctor’s name and service, for example “Dr A. Mensah, Rehabilitation Medicine”.
        </p>
      </div>
      <div className={`field${p.body.trim() ? '' : ' field-invalid'}`}>
        <label htmlFor="referral-body">Letter</label>
        <textarea id="referral-body" rows={16} value={p.body} onChange={(e) => p.onBody(e.target.value)} aria-describedby="referral-body-hint" aria-invalid={p.body.trim() ? undefined : true} />
        <p id="referral-body-hint" className={p.body.trim() ? 'field-hint' : 'field-error'}>
          {p.body.trim()
            ? 'Drafted from the record; change any word. A blank line starts a new paragraph. The chart and your signature are added below it.'
            : 'The letter is empty: type it, or start again from the draft.'}
        </p>
      </div>
      <div className="form-actions">
        <button type="button" onClick={p.onRedraft}>
          Start again from the draft
        </button>
      </div>
    </form>
  );
}

/** Letters printed before for this patient, newest first, each with the text as it was sent. */
export function SentBefore({ letters }: { letters: readonly ReferralRecord[] }) {
  const formatInstant = useFormatInstant();
  return (
    <section aria-labelledby="sent-before-heading" className="report-printed-before referral-sent">
      <h2 id="sent-before-heading">Sent before</h2>
      {letters.length === 0 ? (
        <p className="muted">No referral letter has been printed for this patient yet.</p>
      ) : (
        <ul>
          {letters.map((l) => (
            <li key={l.id}>
              <details>
                <summary>
                  {formatInstant(l.recordedAt)}, by {l.recordedByName ?? 'someone not recorded'}: to {l.addressee}, {l.side} {l.joint}, {l.paper}
                </summary>
                <pre className="referral-sent-text">{l.text}</pre>
              </details>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
