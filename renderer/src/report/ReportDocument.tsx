import type { PatientFile } from '../../../shared/api/operations/clinical';
import type { Clinic } from '../../../shared/domain/clinic';
import type { TFunction } from 'i18next';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { ageInYears } from '../../../shared/domain/dates';
import { patientDisplayName } from '../../../shared/domain/patient';
import type { Therapist } from '../../../shared/domain/therapist';
import { langAttribute } from '../i18n/document-language';
import { useDisplayLanguage } from '../i18n/use-language';
import { useFormatDate } from '../session/session-context';
import { PlanSection } from './PlanSection';
import type { ReportModel } from './report-model';
import type { ReportOptions } from './report-options';
import { ArcsSection, ChartsSection, EventsSection, SymptomsSection } from './ReportSections';
import { HoSummary } from './HoSummary';
import { Letterhead } from './Letterhead';
import { SummaryTable } from './SummaryTable';
import { unmeasuredMotions } from './report-words';
import { useSeriesName } from './series-name';

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

/** "Abena Owusu, Physiotherapist, registration PT-1001", in the document's language. */
export function therapistLine(t: TFunction, therapist: Therapist | null): string {
  if (!therapist) return t('report.notRecorded');
  const registration = therapist.registrationNumber ? t('report.registration', { number: therapist.registrationNumber }) : null;
  return [therapist.name, therapist.title, registration].filter(Boolean).join(', ');
}

function Identity({ file, model, options, therapist, nameOf }: Pick<ReportDocumentProps, 'file' | 'model' | 'options' | 'therapist' | 'nameOf'>) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const p = file.patient;
  const age = ageInYears(p.dateOfBirth, options.to);
  const raters = model.raterIds.map(nameOf).join(', ');
  const born = formatDate(p.dateOfBirth);
  // Four columns: name, clinic id, birth, sex; then the period and the people, which need more room.
  const rows: [string, string, boolean][] = [
    [t('report.identity.patient'), patientDisplayName(p), false],
    [t('report.identity.clinicId'), p.clinicId ?? t('report.identity.noneRecorded'), false],
    [t('report.identity.dateOfBirth'), age === null ? born : t('report.identity.bornWithAge', { date: born, age }), false],
    [t('report.identity.sex'), t(`sex.${p.sex}`), false],
    [t('report.identity.period'), t('report.period', { from: formatDate(options.from), to: formatDate(options.to) }), true],
    [t('report.identity.therapist'), therapistLine(t, therapist), true],
  ];
  if (raters) rows.push([t('report.identity.measuredBy'), raters, true]);
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

/** Watched motions (side and motion) measured in neither mode in the period, named in the document's language. */
function Unmeasured({ model }: { model: ReportModel }) {
  const { t } = useTranslation();
  const name = useSeriesName();
  const names = unmeasuredMotions(model).map(({ side, motion }) => name.sideMotion(side, motion));
  if (names.length === 0) return null;
  return (
    <p>
      <strong>{t('report.unmeasured')}</strong> {names.join('; ')}.
    </p>
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

/** The signature lines, shared with the referral letter. */
export function Signature({ therapist }: { therapist: Therapist | null }) {
  const { t } = useTranslation();
  return (
    <section className="report-signature report-keep" aria-label={t('report.signature')}>
      <p>{therapistLine(t, therapist)}</p>
      <div className="report-sign-lines">
        <p>
          <span className="report-sign-line" /> {t('report.signature')}
        </p>
        <p>
          <span className="report-sign-line short" /> {t('report.signatureDate')}
        </p>
      </div>
    </section>
  );
}

/**
 * The progress report as it prints: a clinical document in black and white, sized by the page's @page rule.
 * Memoised: printing notes the report (beforeprint), which refreshes the screen's reads and its message while
 * Chromium lays out the pages; the cached answers keep their identity, so the document is not drawn again then.
 */
export const ReportDocument = memo(function ReportDocument(props: ReportDocumentProps) {
  const { model, options } = props;
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const language = useDisplayLanguage();
  const noMeasurements = model.series.length === 0;
  return (
    <article className={`report-document paper-${options.paper.toLowerCase()}`} aria-label={t('report.previewLabel')} lang={langAttribute(language)}>
      <Letterhead clinic={props.clinic} />
      <h1 className="report-title">{t('report.title')}</h1>
      <Identity {...props} />

      {/* Page 1: what the referring doctor needs. Then the charts of the watched joints; the full tables last. */}
      <HoSummary model={model} to={model.analysis.today} />
      {model.watchedOnly && model.analysis.series.some((s) => !s.watched && s.points.some((pt) => pt.date >= options.from && pt.date <= options.to)) && (
        <p className="report-small">{t('report.watchedOnlyNote')}</p>
      )}
      <TypedText title={t('report.assessment')} text={props.assessment} />
      <TypedText title={t('report.recommendations')} text={props.recommendations} />

      {!noMeasurements && (
        <div className="report-page-break">
          <ChartsSection model={model} from={options.from} to={options.to} width={props.chartWidth} />
        </div>
      )}

      <section className="report-section" aria-labelledby="report-summary-heading">
        <h2 id="report-summary-heading">{t('report.measurements')}</h2>
        {noMeasurements ? (
          <p className="report-plain">{t('report.noMeasurements')}</p>
        ) : (
          <>
            <SummaryTable series={model.series} to={options.to} nameOf={props.nameOf} />
            <p className="report-small">{t('report.verdictsExplained', { date: formatDate(model.analysis.today) })}</p>
          </>
        )}
        <Unmeasured model={model} />
      </section>
      {!noMeasurements && <ArcsSection model={model} />}
      <PlanSection plans={model.plans} series={model.series} error={props.plansError} to={options.to} />
      <EventsSection model={model} />
      <SymptomsSection model={model} />
      <Signature therapist={props.therapist} />
    </article>
  );
});
