import type { PatientFile } from '../../../shared/api/operations/clinical';
import type { Clinic } from '../../../shared/domain/clinic';
import { ageInYears } from '../../../shared/domain/dates';
import { patientDisplayName, SEX_LABELS } from '../../../shared/domain/patient';
import type { Therapist } from '../../../shared/domain/therapist';
import { useFormatDate } from '../session/session-context';
import { PlanSection } from './PlanSection';
import type { ReportModel } from './report-model';
import type { ReportOptions } from './report-options';
import { ArcsSection, ChartsSection, EventsSection, SymptomsSection } from './ReportSections';
import { HoSummary } from './HoSummary';
import { Letterhead } from './Letterhead';
import { SummaryTable } from './SummaryTable';

export interface ReportDocumentProps {
  file: PatientFile;
  model: ReportModel;
  options: ReportOptions;
  clinic: Clinic | null;
  therapist: Therapist | null;
  nameOf: (id: string | null) => string;
  assessment: string;
  recommendations: string;
  plansError: string | null;
  chartWidth: number;
}

export function therapistLine(t: Therapist | null): string {
  if (!t) return 'Not recorded';
  return [t.name, t.title, t.registrationNumber ? `registration ${t.registrationNumber}` : null].filter(Boolean).join(', ');
}

function Identity({ file, model, options, therapist, nameOf }: Pick<ReportDocumentProps, 'file' | 'model' | 'options' | 'therapist' | 'nameOf'>) {
  const formatDate = useFormatDate();
  const p = file.patient;
  const age = ageInYears(p.dateOfBirth, options.to);
  const raters = model.raterIds.map(nameOf).join(', ');
  // Four columns: name, clinic id, birth, sex; then the period and the people, which need more room.
  const rows: [string, string, boolean][] = [
    ['Patient', patientDisplayName(p), false],
    ['Clinic id', p.clinicId ?? 'None recorded', false],
    ['Date of birth', `${formatDate(p.dateOfBirth)}${age === null ? '' : ` (age ${age})`}`, false],
    ['Sex', SEX_LABELS[p.sex], false],
    ['Period', `${formatDate(options.from)} to ${formatDate(options.to)}`, true],
    ['Therapist', therapistLine(therapist), true],
  ];
  if (raters) rows.push(['Measured by', raters, true]);
  return (
    <dl className="report-identity">
      {rows.map(([k, v, wide]) => (
        <div key={k} className={wide ? 'wide' : undefined}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Typed at print time, printed as paragraphs of text; left out when nothing was typed. */
function TypedText({ title, text }: { title: string; text: string }) {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (paragraphs.length === 0) return null;
  return (
    <section className="report-section">
      <h2 className="report-keep-with-next">{title}</h2>
      {paragraphs.map((para, i) => (
        <p key={i} className="report-typed">
          {para}
        </p>
      ))}
    </section>
  );
}

function Signature({ therapist }: { therapist: Therapist | null }) {
  return (
    <section className="report-signature report-keep" aria-label="Signature">
      <p>{therapistLine(therapist)}</p>
      <div className="report-sign-lines">
        <p>
          <span className="report-sign-line" /> Signature
        </p>
        <p>
          <span className="report-sign-line short" /> Date
        </p>
      </div>
    </section>
  );
}

/** The progress report as it prints: a clinical document in black and white, sized by the page's @page rule. */
export function ReportDocument(props: ReportDocumentProps) {
  const { model, options } = props;
  const formatDate = useFormatDate();
  const noMeasurements = model.series.length === 0;
  return (
    <article className={`report-document paper-${options.paper.toLowerCase()}`} aria-label="Report preview">
      <Letterhead clinic={props.clinic} />
      <h1 className="report-title">Range-of-motion progress report</h1>
      <Identity {...props} />

      {/* Page 1: what the referring doctor needs. Then the charts of the watched joints; the full tables last. */}
      <HoSummary model={model} to={model.analysis.today} />
      {model.watchedOnly && model.analysis.series.some((s) => !s.watched && s.points.some((pt) => pt.date >= options.from && pt.date <= options.to)) && (
        <p className="report-small">Charts and tables cover the watched sites only; other joints were measured in this period.</p>
      )}
      <TypedText title="Assessment" text={props.assessment} />
      <TypedText title="Recommendations" text={props.recommendations} />

      {!noMeasurements && (
        <div className="report-page-break">
          <ChartsSection model={model} from={options.from} to={options.to} width={props.chartWidth} />
        </div>
      )}

      <section className="report-section" aria-labelledby="report-summary-heading">
        <h2 id="report-summary-heading">Measurements</h2>
        {noMeasurements ? (
          <p className="report-plain">No range-of-motion measurements in this period.</p>
        ) : (
          <>
            <SummaryTable series={model.series} to={options.to} nameOf={props.nameOf} />
            <p className="report-small">
              Verdicts are as at {formatDate(model.analysis.today)}, as the mobility screens give them for that day: from every measurement up to it since the joint's latest operation
              (so a baseline or best may precede the period). The best is the highest average of two consecutive readings. Readings are compared only with readings by the same therapist with the same instrument; a change counts when the latest two
              readings both reach the motion's smallest real change (the threshold) and the trend agrees. The threshold is doubled (×2) only when no two readings share
              therapist and instrument. So the numbers in a reason, taken from one therapist's readings, can differ from the Baseline
              column, which is the first reading by anyone.
            </p>
          </>
        )}
        {model.unmeasured.length > 0 && (
          <p>
            <strong>Watched but not measured in this period:</strong> {model.unmeasured.join('; ')}.
          </p>
        )}
      </section>
      {!noMeasurements && <ArcsSection model={model} />}
      <PlanSection plans={model.plans} series={model.series} error={props.plansError} to={options.to} />
      <EventsSection model={model} />
      <SymptomsSection model={model} />
      <Signature therapist={props.therapist} />
    </article>
  );
}
