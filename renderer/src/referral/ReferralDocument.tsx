import { forwardRef } from 'react';
import type { AnalysedSeries } from '../../../shared/api/operations/analysis';
import type { PatientFile } from '../../../shared/api/operations/clinical';
import { modeLabel, motionSpec, sideLabel } from '../../../shared/domain/catalogue';
import type { Clinic, PaperSize } from '../../../shared/domain/clinic';
import type { Therapist } from '../../../shared/domain/therapist';
import { badgeOf } from '../clinical/VerdictBadge';
import { PrintChart, PrintChartLegend, type PrintChartData } from '../charts/PrintChart';
import { CLOSING } from './referral-draft';
import { therapistLine } from '../report/ReportDocument';
import { Letterhead } from '../report/Letterhead';

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

/** "Right elbow flexion, active and passive: Losing motion; Holding" — the chart named in words (and in the log). */
export function chartCaption(series: readonly AnalysedSeries[], from: string, to: string, fd: (d: string) => string): string {
  const first = series[0]!;
  const verdicts = series.map((s) => `${modeLabel(s.mode).toLowerCase()}: ${badgeOf(s.verdict).text}`).join('; ');
  return `${sideLabel(first.side)} ${motionSpec(first.motion).label.toLowerCase()}, ${fd(from)} to ${fd(to)} (${verdicts})`;
}

/**
 * The letter as it prints: the clinic's letterhead (the report's), the date and addressee, who it is about, the
 * body as typed (paragraphs split at blank lines), one chart of the series the loss is in, and the signature.
 * Sized by the page's @page rule (report/page-style.ts), in black only, meant for one page.
 */
export const ReferralDocument = forwardRef<HTMLElement, ReferralDocumentProps & { fd: (d: string) => string }>(function ReferralDocument(props, ref) {
  const { clinic, chart, fd } = props;
  const paragraphs = props.body
    .split(/\n\s*\n/)
    .map((s) => s.trim())
    .filter(Boolean);
  return (
    <article ref={ref} className={`report-document referral-document paper-${props.paper.toLowerCase()}`} aria-label="Letter preview">
      <Letterhead clinic={clinic} />
      <div className="referral-head">
        <p className="referral-date">{fd(props.date)}</p>
        <p>
          <strong>To:</strong> {props.addressee || '(the addressee)'}
        </p>
        <p>
          <strong>Re:</strong> {props.regarding}
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
            <strong>{chartCaption(chart.model.series, chart.from, chart.to, fd)}</strong>
          </figcaption>
          <div role="img" aria-label={`Chart of ${chartCaption(chart.model.series, chart.from, chart.to, fd)}`}>
            <PrintChart chart={chart.model} from={chart.from} to={chart.to} width={props.chartWidth} height={190} />
          </div>
          <PrintChartLegend chart={chart.model} />
        </figure>
      ) : null}
      <section className="referral-signature report-keep" aria-label="Signature">
        <p>{CLOSING}</p>
        <span className="report-sign-line" />
        <p>{therapistLine(props.therapist)}</p>
      </section>
    </article>
  );
});
