import type { TFunction } from 'i18next';
import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnalysedSeries } from '../../../shared/api/operations/analysis';
import type { PatientFile } from '../../../shared/api/operations/clinical';
import type { Clinic, PaperSize } from '../../../shared/domain/clinic';
import type { Therapist } from '../../../shared/domain/therapist';
import { badgeOf } from '../clinical/VerdictBadge';
import { PrintChart, PrintChartLegend, type PrintChartData } from '../charts/PrintChart';
import { langAttribute } from '../i18n/document-language';
import { useDisplayLanguage } from '../i18n/use-language';
import { profileWords } from '../profile/profile-words';
import { therapistLine } from '../report/ReportDocument';
import { Letterhead } from '../report/Letterhead';
import { seriesNames } from '../report/series-name';
import { useFormatter } from '../session/session-context';

export interface LetterChart {
  model: PrintChartData & { series: AnalysedSeries[] };
  from: string;
  to: string;
}

export interface ReferralDocumentProps {
  paper: PaperSize;
  clinic: Clinic | null;
  date: string;
  addressee: string;
  regarding: string;
  body: string;
  chart: LetterChart | null;
  chartWidth: number;
  therapist: Therapist | null;
  file: PatientFile;
}

/** "Right elbow flexion, 1 Mar 2026 to 1 Jun 2026 (active: Losing motion; passive: Holding)": the chart named in words (and in the log). */
export function chartCaption(t: TFunction, series: readonly AnalysedSeries[], from: string, to: string, fd: (d: string) => string): string {
  const first = series[0]!;
  const verdicts = series.map((s) => `${t(`mode.${s.mode}`).toLowerCase()}: ${t(`verdict.${badgeOf(s.verdict).name}`)}`).join('; ');
  return t('referral.chartCaption', { series: seriesNames(t, profileWords(t)).sideMotion(first.side, first.motion), from: fd(from), to: fd(to), verdicts });
}

/**
 * The letter as it prints, in its own language (the nearest i18next provider): the clinic's letterhead (the
 * report's), the date and addressee, who it is about, the body as typed (paragraphs split at blank lines), one
 * chart of the series the loss is in, and the signature. Sized by the page's @page rule (report/page-style.ts),
 * in black only, meant for one page.
 */
export const ReferralDocument = forwardRef<HTMLElement, ReferralDocumentProps>(function ReferralDocument(props, ref) {
  const { clinic, chart } = props;
  const { t } = useTranslation();
  const fd = useFormatter().date;
  const language = useDisplayLanguage();
  const paragraphs = props.body
    .split(/\n\s*\n/)
    .map((s) => s.trim())
    .filter(Boolean);
  const caption = chart ? chartCaption(t, chart.model.series, chart.from, chart.to, fd) : '';
  return (
    <article ref={ref} className={`report-document referral-document paper-${props.paper.toLowerCase()}`} aria-label={t('referral.previewLabel')} lang={langAttribute(language)}>
      <Letterhead clinic={clinic} />
      <div className="referral-head">
        <p className="referral-date">{fd(props.date)}</p>
        <p>
          <strong>{t('referral.to')}</strong> {props.addressee || t('referral.theAddressee')}
        </p>
        <p>
          <strong>{t('referral.re')}</strong> {props.regarding}
        </p>
      </div>
      <div className="referral-body">
        {paragraphs.map((p, i) => (
          <p key={i} className="report-typed">
            {p}
          </p>
        ))}
      </div>
      {chart ? (
        <figure className="report-chart report-keep referral-chart">
          <figcaption className="report-small">
            <strong>{caption}</strong>
          </figcaption>
          <div role="img" aria-label={t('referral.chartLabel', { chart: caption })}>
            <PrintChart chart={chart.model} from={chart.from} to={chart.to} width={props.chartWidth} height={190} />
          </div>
          <PrintChartLegend chart={chart.model} />
        </figure>
      ) : null}
      <section className="referral-signature report-keep" aria-label={t('report.signature')}>
        <p>{t('referral.closing')}</p>
        <span className="report-sign-line" />
        <p>{therapistLine(t, props.therapist)}</p>
      </section>
    </article>
  );
});
