import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { REPORT_TEXT_MAX } from '../../../shared/api/operations/reports';
import type { MotionKey } from '../../../shared/domain/catalogue';
import { PAPER_SIZES, type PaperSize } from '../../../shared/domain/clinic';
import type { DisplayLanguage } from '../../../shared/i18n';
import { DocumentLanguageField } from '../i18n/document-language';
import { useSeriesName } from './series-name';

export interface ControlsProps {
  draft: { from: string; to: string };
  problems: Partial<Record<'from' | 'to', string>>;
  onPeriod(field: 'from' | 'to', value: string): void;
  paper: PaperSize;
  onPaper(paper: PaperSize): void;
  available: readonly MotionKey[];
  chosen: readonly MotionKey[] | null;
  onMotions(motions: MotionKey[] | null): void;
  assessment: string;
  onAssessment(text: string): void;
  recommendations: string;
  onRecommendations(text: string): void;
  /** How to write a date in the clinic's format. */
  dateHint: string;
  sites: 'watched' | 'all';
  hasWatchedSites: boolean;
  onSites(sites: 'watched' | 'all'): void;
  /** The language the report prints in, whatever the screen's. */
  language: DisplayLanguage;
  onLanguage(language: DisplayLanguage): void;
}

/** A text box in the clinic's date format: a browser date picker shows the workstation's locale instead. */
function DateField({ id, label, value, hint, problem, onChange }: { id: string; label: string; value: string; hint: string; problem?: string | undefined; onChange(v: string): void }) {
  return (
    <div className={`field${problem ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        size={12}
        autoComplete="off"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-error` : `${id}-hint`}
      />
      {!problem && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {problem && (
        <p id={`${id}-error`} className="field-error">
          {problem}
        </p>
      )}
    </div>
  );
}

/** The report's options: period, paper, which charts, and the text typed for this printing. */
export function ReportControls(p: ControlsProps) {
  const id = useId();
  const { t } = useTranslation();
  const name = useSeriesName();
  const paperLabels: Record<PaperSize, string> = { A4: t('report.controls.paperA4'), Letter: t('report.controls.paperLetter') };
  const all = p.chosen === null;
  const isChosen = (m: MotionKey) => all || p.chosen!.includes(m);
  const toggle = (m: MotionKey) => {
    const current = all ? [...p.available] : [...p.chosen!];
    p.onMotions(current.includes(m) ? current.filter((x) => x !== m) : p.available.filter((x) => x === m || current.includes(x)));
  };
  return (
    <form className="report-form" onSubmit={(e) => e.preventDefault()} aria-label={t('report.controls.label')}>
      <DocumentLanguageField value={p.language} onChange={p.onLanguage} />
      <fieldset>
        <legend>{t('report.controls.period')}</legend>
        <div className="field-row">
          <DateField id={`${id}-from`} label={t('report.controls.from')} value={p.draft.from} hint={p.dateHint} problem={p.problems.from} onChange={(v) => p.onPeriod('from', v)} />
          <DateField id={`${id}-to`} label={t('report.controls.to')} value={p.draft.to} hint={p.dateHint} problem={p.problems.to} onChange={(v) => p.onPeriod('to', v)} />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('report.controls.paper')}</legend>
        {PAPER_SIZES.map((size) => (
          <label key={size} className="choice">
            <input type="radio" name={`${id}-paper`} value={size} checked={p.paper === size} onChange={() => p.onPaper(size)} />
            {paperLabels[size]}
          </label>
        ))}
      </fieldset>
      {p.hasWatchedSites && (
        <fieldset>
          <legend>{t('report.controls.joints')}</legend>
          <label className="choice">
            <input type="radio" name={`${id}-sites`} checked={p.sites === 'watched'} onChange={() => p.onSites('watched')} />
            {t('report.controls.watchedOnly')}
          </label>
          <label className="choice">
            <input type="radio" name={`${id}-sites`} checked={p.sites === 'all'} onChange={() => p.onSites('all')} />
            {t('report.controls.allJoints')}
          </label>
        </fieldset>
      )}
      <fieldset>
        <legend>{t('report.charts')}</legend>
        {p.available.length === 0 ? (
          <p className="muted">{t('report.controls.noChartToChoose')}</p>
        ) : (
          <>
            <div className="row-actions start">
              <button type="button" onClick={() => p.onMotions(null)} disabled={all}>
                {t('report.controls.allMotions')}
              </button>
              <button type="button" onClick={() => p.onMotions([])} disabled={p.chosen !== null && p.chosen.length === 0}>
                {t('report.controls.noCharts')}
              </button>
            </div>
            <div className="report-motion-choices">
              {p.available.map((m) => (
                <label key={m} className="choice">
                  <input type="checkbox" checked={isChosen(m)} onChange={() => toggle(m)} />
                  {name.motion(m)}
                </label>
              ))}
            </div>
          </>
        )}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-assessment`}>{t('report.assessment')}</label>
        <textarea id={`${id}-assessment`} rows={4} maxLength={REPORT_TEXT_MAX} value={p.assessment} onChange={(e) => p.onAssessment(e.target.value)} />
        <p className="field-hint">{t('report.controls.assessmentHint')}</p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-recommendations`}>{t('report.recommendations')}</label>
        <textarea id={`${id}-recommendations`} rows={4} maxLength={REPORT_TEXT_MAX} value={p.recommendations} onChange={(e) => p.onRecommendations(e.target.value)} />
      </div>
    </form>
  );
}
