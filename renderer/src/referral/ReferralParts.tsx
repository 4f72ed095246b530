import { useTranslation } from 'react-i18next';
import type { ReferralRecord } from '../../../shared/api/operations/referrals';
import { PAPER_SIZES, type PaperSize } from '../../../shared/domain/clinic';
import type { DisplayLanguage } from '../../../shared/i18n';
import { useFormatInstant } from '../clinical/format';
import { DocumentLanguageField } from '../i18n/document-language';
import { useProfileWords } from '../profile/profile-words';

export interface LetterControlsProps {
  language: DisplayLanguage;
  onLanguage(language: DisplayLanguage): void;
  paper: PaperSize;
  onPaper(paper: PaperSize): void;
  addressee: string;
  onAddressee(text: string): void;
  body: string;
  onBody(text: string): void;
  onRedraft(): void;
}

/** What the therapist can change before printing: the language, the paper, to whom, and every word of the body. */
export function LetterControls(p: LetterControlsProps) {
  const { t } = useTranslation();
  const paperLabels: Record<PaperSize, string> = { A4: t('report.controls.paperA4'), Letter: t('report.controls.paperLetter') };
  return (
    <form className="report-form referral-form" onSubmit={(e) => e.preventDefault()} aria-label={t('referral.controls.label')}>
      <DocumentLanguageField value={p.language} onChange={p.onLanguage} />
      <p className="field-hint">{t('referral.controls.languageRedrafts')}</p>
      <fieldset>
        <legend>{t('report.controls.paper')}</legend>
        {PAPER_SIZES.map((size) => (
          <label key={size} className="choice">
            <input type="radio" name="referral-paper" value={size} checked={p.paper === size} onChange={() => p.onPaper(size)} />
            {paperLabels[size]}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="referral-addressee">{t('referral.controls.to')}</label>
        <input id="referral-addressee" value={p.addressee} maxLength={300} onChange={(e) => p.onAddressee(e.target.value)} aria-describedby="referral-addressee-hint" />
        <p id="referral-addressee-hint" className="field-hint">
          {t('referral.controls.toHint')}
        </p>
      </div>
      <div className={`field${p.body.trim() ? '' : ' field-invalid'}`}>
        <label htmlFor="referral-body">{t('referral.controls.letter')}</label>
        <textarea id="referral-body" rows={16} value={p.body} onChange={(e) => p.onBody(e.target.value)} aria-describedby="referral-body-hint" aria-invalid={p.body.trim() ? undefined : true} />
        <p id="referral-body-hint" className={p.body.trim() ? 'field-hint' : 'field-error'}>
          {p.body.trim() ? t('referral.controls.letterHint') : t('referral.controls.empty')}
        </p>
      </div>
      <div className="form-actions">
        <button type="button" onClick={p.onRedraft}>
          {t('referral.controls.redraft')}
        </button>
      </div>
    </form>
  );
}

/** Letters printed before for this patient, newest first, each with the text as it was sent. */
export function SentBefore({ letters }: { letters: readonly ReferralRecord[] }) {
  const { t } = useTranslation();
  const formatInstant = useFormatInstant();
  const profile = useProfileWords();
  const site = (l: ReferralRecord) => profile.site(l.joint, l.side).toLowerCase();
  return (
    <section aria-labelledby="sent-before-heading" className="report-printed-before referral-sent">
      <h2 id="sent-before-heading">{t('referral.sent.heading')}</h2>
      {letters.length === 0 ? (
        <p className="muted">{t('referral.sent.none')}</p>
      ) : (
        <ul>
          {letters.map((l) => (
            <li key={l.id}>
              <details>
                <summary>{t('referral.sent.line', { at: formatInstant(l.recordedAt), who: l.recordedByName ?? t('referral.sent.someone'), addressee: l.addressee, site: site(l), paper: l.paper })}</summary>
                <pre className="referral-sent-text">{l.text}</pre>
              </details>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
