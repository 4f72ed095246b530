import { useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { PaperSize } from '../../../shared/domain/clinic';
import { todayLocal } from '../../../shared/domain/dates';
import { patientDisplayName, type Patient } from '../../../shared/domain/patient';
import type { PlanItem, PlanVersion } from '../../../shared/domain/plan-records';
import { therapistLabel } from '../../../shared/domain/therapist';
import type { DisplayLanguage } from '../../../shared/i18n';
import { useOperation, usePatient } from '../api/use-operation';
import { defaultDocumentLanguage, DocumentLanguage, DocumentLanguageField, langAttribute } from '../i18n/document-language';
import { useDisplayLanguage } from '../i18n/use-language';
import { ErrorMessage, Loading } from '../layout/Status';
import { applyPageCss } from '../report/page-style';
import { useFormatDate, useSession } from '../session/session-context';
import { sessionsPerWeek, usePlanWords, versionOn } from './plan-format';
import { planHref } from './plan-routes';
import { PlansBreadcrumb } from './PlansBreadcrumb';

/** More sessions a week than this and the tick boxes would not fit on one line: the sheet leaves them out. */
const MAX_TICKS = 21;
/** Page margins (plans.css sizes the on-screen page to match, so the screen measures what will print). */
const MARGIN_MM = { vertical: 12, horizontal: 14 };
const PAGE_HEIGHT_MM: Record<PaperSize, number> = { A4: 297, Letter: 279.4 };
/** Type sizes tried, largest first: large for older eyes, never below what a patient reads without glasses strain. */
const LARGEST_PT = 16;
const SMALLEST_PT = 10;
/** Kept free at the bottom of the page, against rounding between screen and print layout. */
const SAFETY_MM = 6;

function SheetItem({ item, version, ticks }: { item: PlanItem; version: PlanVersion; ticks: boolean }) {
  const { t } = useTranslation();
  const words = usePlanWords();
  const sessions = sessionsPerWeek(item);
  return (
    <li className="sheet-item">
      <h2>
        {item.position}. {words.intervention(item.intervention)}
      </h2>
      <p className="sheet-motions">{words.motions(item.motions, version.sites)}</p>
      <p className="sheet-dose">
        <span>{words.dose(item)}</span>, <span>{words.frequency(item)}</span>
      </p>
      {item.instructions ? <p className="sheet-instructions">{item.instructions}</p> : null}
      {ticks && sessions <= MAX_TICKS ? (
        <p className="sheet-ticks" aria-hidden="true">
          {t('homeSheet.tick')} {Array.from({ length: sessions }, (_, i) => (
            <span key={i} className="sheet-box" />
          ))}
        </p>
      ) : null}
    </li>
  );
}

/** Layouts tried in order: one column from the largest type down to 12 pt, then two columns down to the smallest. */
const LAYOUTS: readonly { pt: number; columns: 1 | 2 }[] = [
  ...Array.from({ length: (LARGEST_PT - 12) * 2 + 1 }, (_, i) => ({ pt: LARGEST_PT - i / 2, columns: 1 as const })),
  ...Array.from({ length: (12 - SMALLEST_PT) * 2 + 1 }, (_, i) => ({ pt: 12 - i / 2, columns: 2 as const })),
];

/**
 * The first layout (largest type, one column before two) at which the sheet fits one page, measured on the
 * screen's page, which has the printed page's width. Applied through the CSS object model while measuring (the
 * CSP refuses inline style attributes, not this); `fits` is false when even the last layout overflows.
 */
function useFitToPage(paper: PaperSize, content: unknown): { ref: RefObject<HTMLDivElement | null>; columns: 1 | 2; fits: boolean } {
  const ref = useRef<HTMLDivElement>(null);
  const [fit, setFit] = useState<{ columns: 1 | 2; fits: boolean }>({ columns: 1, fits: true });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const available = ((PAGE_HEIGHT_MM[paper] - 2 * MARGIN_MM.vertical - SAFETY_MM) * 96) / 25.4;
    const apply = (l: { pt: number; columns: 1 | 2 }) => {
      el.style.fontSize = `${l.pt}pt`;
      el.classList.toggle('sheet-two-columns', l.columns === 2);
    };
    const found = LAYOUTS.find((l) => (apply(l), el.offsetHeight <= available));
    if (!found) apply(LAYOUTS[LAYOUTS.length - 1]!);
    setFit({ columns: (found ?? LAYOUTS[LAYOUTS.length - 1]!).columns, fits: found !== undefined });
  }, [paper, content]);
  return { ref, ...fit };
}

function HomeSheet({ version, patient, paper, planHrefs }: { version: PlanVersion; patient: Patient; paper: PaperSize; planHrefs: { plan: string } }) {
  const { t } = useTranslation();
  const { state } = useSession();
  // The sheet goes home with the patient: in their language (their record), else the clinic's.
  const [language, setLanguage] = useState<DisplayLanguage>(() => defaultDocumentLanguage(patient, state.clinic?.language));
  // Measured again in another language: the same programme may take more room in it.
  const shown = useMemo(() => ({ version, language }), [version, language]);
  const { ref, columns, fits } = useFitToPage(paper, shown);
  useEffect(() => {
    // A constructed stylesheet: the CSP refuses inline styles, and the paper size is the clinic's setting.
    const sheet = applyPageCss(`@page { size: ${paper === 'A4' ? 'A4' : 'letter'} portrait; margin: ${MARGIN_MM.vertical}mm ${MARGIN_MM.horizontal}mm; }`);
    return () => sheet.remove();
  }, [paper]);
  return (
    <div className="sheet-page">
      <div className="sheet-screen-only">
        <PlansBreadcrumb patient={patient} trail={[{ label: version.title, to: planHrefs.plan }, { label: t('plans.title.sheet') }]} />
        <div className="toolbar">
          <p className="muted">{t('homeSheet.asPrinted', { paper })}</p>
          <button type="button" className="primary" onClick={() => window.print()}>
            {t('homeSheet.print')}
          </button>
          <a className="button" href={planHrefs.plan}>
            {t('homeSheet.backToPlan')}
          </a>
        </div>
        <DocumentLanguageField value={language} onChange={setLanguage} />
        {!fits ? (
          <p className="error-box" role="alert">
            {t('homeSheet.tooLong')}
          </p>
        ) : null}
      </div>
      <DocumentLanguage language={language}>
        <SheetBody version={version} patient={patient} paper={paper} columns={columns} bodyRef={ref} />
      </DocumentLanguage>
    </div>
  );
}

/** The printed page itself, in the sheet's language (the nearest i18next provider), not the screen's. */
function SheetBody(props: { version: PlanVersion; patient: Patient; paper: PaperSize; columns: 1 | 2; bodyRef: RefObject<HTMLDivElement | null> }) {
  const { version, patient, paper } = props;
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const language = useDisplayLanguage();
  const { state } = useSession();
  // Tick boxes help a short programme; a long one needs the room for its instructions.
  const ticks = version.items.length <= 6;
  const clinic = state.clinic;
  const therapist = state.currentTherapist;
  return (
    <article className={`home-sheet paper-${paper.toLowerCase()}`} aria-labelledby="sheet-title" lang={langAttribute(language)}>
      <div className={props.columns === 2 ? 'sheet-body sheet-two-columns' : 'sheet-body'} ref={props.bodyRef}>
        <header className="sheet-header">
          <p className="sheet-clinic">{clinic?.name ?? 'ROMtrack'}</p>
          {clinic?.phone ? <p className="sheet-phone">{t('homeSheet.telephone', { phone: clinic.phone })}</p> : null}
          <h1 id="sheet-title">{t('homeSheet.title')}</h1>
          <dl className="sheet-who">
            <div>
              <dt>{t('homeSheet.for')}</dt>
              <dd>{patientDisplayName(patient)}</dd>
            </div>
            <div>
              <dt>{t('homeSheet.therapist')}</dt>
              <dd>{therapist ? therapistLabel(therapist) : '—'}</dd>
            </div>
            <div>
              <dt>{t('homeSheet.from')}</dt>
              <dd>
                {version.inForceUntil
                  ? t('homeSheet.fromTo', { from: formatDate(version.effectiveFrom), to: formatDate(version.inForceUntil) })
                  : formatDate(version.effectiveFrom)}
              </dd>
            </div>
          </dl>
        </header>
        <div className="sheet-precautions">
          {!version.passiveRomAllowed ? <p>{t('homeSheet.noStretching')}</p> : null}
          {version.precautions ? <p>{version.precautions}</p> : null}
        </div>
        <ol className="sheet-items">
          {version.items.map((item) => (
            <SheetItem key={item.id} item={item} version={version} ticks={ticks} />
          ))}
        </ol>
        <footer className="sheet-footer">
          <p>{clinic?.phone ? t('homeSheet.stopAndCallPhone', { phone: clinic.phone }) : t('homeSheet.stopAndCall')}</p>
          <p className="sheet-plan-name">{t('homeSheet.planLine', { title: version.title, number: version.number, date: formatDate(todayLocal()) })}</p>
        </footer>
      </div>
    </article>
  );
}

/**
 * The patient's home exercise sheet: the plan in force today (or the latest), in large type, on one A4 or
 * Letter page (the clinic's paper) in black and white. On screen it shows as the page it will print.
 */
export function HomeSheetPage({ patientId, planId }: { patientId: string; planId: string }) {
  const { state } = useSession();
  const [plan] = useOperation('plans.get', { id: planId });
  const patient = usePatient(patientId);
  const { t } = useTranslation();
  if (plan.state === 'loading' || patient.state === 'loading') return <Loading what={t('homeSheet.loadingWhat')} />;
  if (plan.state === 'error') return <ErrorMessage error={plan.error} retry={plan.retry} />;
  if (patient.state === 'error') return <ErrorMessage error={patient.error} retry={patient.retry} />;
  return <HomeSheet version={versionOn(plan.value, todayLocal())} patient={patient.value} paper={state.clinic?.paperSize ?? 'A4'} planHrefs={{ plan: planHref.plan(patientId, planId) }} />;
}
