import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PatientFile } from '../../../shared/api/operations/clinical';
import type { ReportRecord } from '../../../shared/api/operations/reports';
import type { Plan } from '../../../shared/domain/plan-records';
import { formatDate as formatIn, todayLocal, type DateFormat } from '../../../shared/domain/dates';
import { patientDisplayName, type Patient } from '../../../shared/domain/patient';
import { createFormatter } from '../../../shared/format';
import type { DisplayLanguage } from '../../../shared/i18n';
import { call } from '../api/client';
import { useOperation, usePatientFile } from '../api/use-operation';
import { useFormatInstant } from '../clinical/format';
import { therapistNamer } from '../i18n/catalogue-words';
import { ErrorMessage, Loading } from '../layout/Status';
import { href } from '../router';
import { defaultDocumentLanguage, DocumentLanguage, DocumentLanguageField } from '../i18n/document-language';
import { i18next } from '../i18n/i18n';
import { useDisplayLanguage } from '../i18n/use-language';
import { useDateHint } from '../forms/DateField';
import { useFormatDate, useSession } from '../session/session-context';
import { applyPageCss, contentWidthPx, pageCss, type PageSheet } from './page-style';
import { pdfBridge, PRINT_REPORT_EVENT, saveReportPdf } from './print-actions';
import { ReportControls } from './ReportControls';
import { PrintedBefore } from './PrintedBefore';
import { isKept, printedBy, printedOptions, reprintIdOf, reprintQuery, type KeptReport } from './reprint';
import { ReportDocument } from './ReportDocument';
import { useReportModel } from './use-report-model';
import { defaultPeriod, normaliseMotions, parseReportQuery, queryPeriodEnd, reportQuery, typedPeriod, type ReportOptions } from './report-options';
import './report.css';
import { useApiErrorText } from '../api/failure';

interface Loaded {
  file: PatientFile;
  plans: Plan[] | null;
  plansError: string | null;
  version: string;
  reports: ReportRecord[];
}

/** The progress report of one patient: '#/patients/:id/report?from=…&to=…&paper=A4&motions=…'. */
export function ReportPage({ patientId, query }: { patientId: string; query: string }) {
  const file = usePatientFile(patientId);
  const [plans] = useOperation('plans.list', { patientId });
  const [info] = useOperation('app.info', {});
  const [reports] = useOperation('reports.list', { patientId });
  const { t } = useTranslation();
  const errorText = useApiErrorText();
  const reprintId = reprintIdOf(query);
  if (file.state === 'loading' || plans.state === 'loading' || info.state === 'loading' || reports.state === 'loading') {
    return (
      <>
        <Loading what={t('report.loadingWhat')} />
        {reprintId === null && <AskAnalysisAhead patientId={patientId} asAt={queryPeriodEnd(query, todayLocal())} />}
      </>
    );
  }
  if (file.state === 'error') return <ErrorMessage error={file.error} retry={file.retry} />;
  if (reports.state === 'error') return <ErrorMessage error={reports.error} retry={reports.retry} />;
  const loaded: Loaded = {
    file: file.value,
    // A report without the plan is still worth printing; the plan section says the plans could not be read.
    plans: plans.state === 'ready' ? plans.value : null,
    plansError: plans.state === 'error' ? errorText(plans.error) : null,
    version: info.state === 'ready' ? info.value.version : t('report.versionUnknown'),
    reports: reports.value,
  };
  if (reprintId !== null) {
    const entry = loaded.reports.find((r) => r.id === reprintId);
    if (!entry || !isKept(entry)) {
      const message = entry ? t('report.reprintNotKept') : t('report.reprintNotInLog');
      return <ErrorMessage error={{ code: 'not_found', message }} />;
    }
    // Keyed: choosing another entry, or a new report, starts the screen afresh from what it names.
    return <ReportScreen key={entry.id} loaded={loaded} query="" reprint={entry} />;
  }
  return <ReportScreen key="new" loaded={loaded} query={query} reprint={null} />;
}

/**
 * Asks for the analysis a new report needs while its file loads, rather than after it: the answer waits in the
 * cache under the key use-report-model.ts asks with, so the verdicts do not wait for the file and then the analysis
 * in turn. A reprint's date is known only from the log, so a reprint asks after.
 */
function AskAnalysisAhead({ patientId, asAt }: { patientId: string; asAt: string }) {
  useOperation('analysis.patient', { patientId, today: asAt });
  return null;
}

const NO_MOTIONS: never[] = [];

/** The words every printed page repeats in its margins, in the report's language (not the screen's). */
function pageWords(language: DisplayLanguage, dateFormat: DateFormat, p: Patient, clinicName: string, version: string): { patient: string; clinic: string; generated: string } {
  const t = i18next.getFixedT(language);
  const f = createFormatter({ dateFormat, language });
  return {
    patient: `${patientDisplayName(p)}${p.clinicId ? ` · ${p.clinicId}` : ''} · ${t('report.page.born', { date: f.date(p.dateOfBirth) })}`,
    clinic: `${clinicName} · ${t('report.title')}`,
    generated: t('report.page.generated', { at: f.instant(new Date().toISOString()), version }),
  };
}

function ReportScreen({ loaded, query, reprint }: { loaded: Loaded; query: string; reprint: KeptReport | null }) {
  const { file } = loaded;
  const p = file.patient;
  const { state } = useSession();
  const { t } = useTranslation();
  const errorText = useApiErrorText();
  const formatDate = useFormatDate();
  const [options, setOptions] = useState<ReportOptions>(() =>
    reprint ? printedOptions(reprint) : parseReportQuery(query, { ...defaultPeriod(file, todayLocal()), paper: state.clinic?.paperSize ?? 'A4' }),
  );
  // The period's boxes hold the text as typed, in the clinic's date format (ISO is read too).
  const dateFormat = state.clinic?.dateFormat ?? 'D MMM YYYY';
  const screenLanguage = useDisplayLanguage();
  const dateHint = useDateHint();
  const [draft, setDraft] = useState(() => ({ from: formatIn(options.from, dateFormat, screenLanguage), to: formatIn(options.to, dateFormat, screenLanguage) }));
  const [assessment, setAssessment] = useState(reprint?.kept.assessment ?? '');
  const [recommendations, setRecommendations] = useState(reprint?.kept.recommendations ?? '');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  // The report prints in the patient's language (their record), else the clinic's, whatever the screen's.
  const [language, setLanguage] = useState<DisplayLanguage>(() => defaultDocumentLanguage(p, state.clinic?.language));
  const savingPdf = useRef(false);
  const bridge = pdfBridge();

  // A new report's verdicts are those of its period's end; a reprint's, those of the day it kept.
  const asAt = reprint?.kept.analysisDate ?? options.to;
  const { model, shown, error: analysisError, retry: retryAnalysis } = useReportModel(file, loaded.plans, options, asAt, language);
  const available = shown?.motions ?? NO_MOTIONS;
  const problems = reprint ? {} : typedPeriod(draft, dateFormat, screenLanguage, t, dateHint).problems;
  // A reprint names the therapist who signed it then, whoever is working now.
  const therapist = reprint ? printedBy(reprint, file.therapists) : state.currentTherapist;
  const nameOf = useMemo(
    // Named in the report's language, since the names print in it.
    () => therapistNamer(i18next.getFixedT(language), [...state.activeTherapists, ...file.therapists]),
    [language, state.activeTherapists, file.therapists],
  );

  // The browser's "Save as PDF" proposes the page title as the file name: make it the report's.
  useEffect(() => {
    const before = document.title;
    document.title = `ROMtrack report ${p.familyName.toUpperCase()} ${todayLocal()}`;
    return () => {
      document.title = before;
    };
  }, [p.familyName]);

  // The address follows the options (replaceState: no history entry per click, no re-route).
  useEffect(() => {
    window.history.replaceState(null, '', href.report(p.id, reprint ? reprintQuery(reprint.id) : reportQuery(options)));
  }, [options, p.id, reprint]);

  // The page rule: paper, margins and the text repeated on every page, in the report's language; refreshed just
  // before printing so "Generated" is the moment of printing, not of opening the screen.
  const pageText = useCallback(
    () => ({ paper: options.paper, ...pageWords(language, dateFormat, p, state.clinic?.name ?? 'ROMtrack', loaded.version) }),
    [options.paper, p, dateFormat, language, state.clinic, loaded.version],
  );
  const sheet = useRef<PageSheet | null>(null);
  useEffect(() => {
    const applied = applyPageCss(pageCss(pageText()));
    sheet.current = applied;
    return () => {
      applied.remove();
      sheet.current = null;
    };
  }, [pageText]);

  const motionsForLog = useMemo(() => normaliseMotions(options.motions, available), [options.motions, available]);
  // What the report covered, as drawn: a patient without a current watched site gets every joint.
  const sitesShown = model ? (model.watchedOnly ? 'watched' : 'all') : (options.sites ?? 'watched');
  const record = useCallback(
    async (how: 'printed' | 'saved as PDF', detail = '') => {
      const r = reprint
        ? await call('reports.recordReprint', { reportId: reprint.id })
        : await call('reports.record', {
            patientId: p.id,
            from: options.from,
            to: options.to,
            paper: options.paper,
            ...(motionsForLog === null ? {} : { motions: motionsForLog }),
            sites: sitesShown,
            assessment,
            recommendations,
            analysisDate: asAt,
          });
      // A noted report refreshes "Printed before" by itself (api/client.ts).
      if (r.ok) setMessage({ ok: true, text: how === 'printed' ? t('report.notedPrinted') : t('report.notedSaved', { path: detail }) });
      else setMessage({ ok: false, text: how === 'printed' ? t('report.noteFailedPrinted', { error: errorText(r.error) }) : t('report.noteFailedSaved', { error: errorText(r.error) }) });
    },
    [p.id, options, motionsForLog, reprint, sitesShown, assessment, recommendations, asAt, t],
  );

  // Every print of this screen is noted, whether from the Print button, Ctrl+P or the browser's menu; the
  // browser does not say whether the dialog was then cancelled. A PDF save is noted once it is written.
  useEffect(() => {
    const before = () => {
      sheet.current?.update(pageCss(pageText()));
      if (!savingPdf.current) void record('printed');
    };
    window.addEventListener('beforeprint', before);
    return () => window.removeEventListener('beforeprint', before);
  }, [record, pageText]);

  // Printing waits for the verdicts of the period shown: never a report with another period's verdicts.
  const periodOk = Object.keys(problems).length === 0 && model !== null;
  const print = useCallback(() => {
    if (periodOk) window.print();
  }, [periodOk]);
  useEffect(() => {
    window.addEventListener(PRINT_REPORT_EVENT, print);
    return () => window.removeEventListener(PRINT_REPORT_EVENT, print);
  }, [print]);

  const savePdf = async () => {
    if (!bridge || !periodOk) return;
    savingPdf.current = true;
    const r = await saveReportPdf(bridge, { paper: options.paper, familyName: p.familyName }).finally(() => (savingPdf.current = false));
    if (!r.ok) setMessage({ ok: false, text: errorText(r.error) });
    else if (r.value.saved) await record('saved as PDF', r.value.path);
    else setMessage({ ok: true, text: t('report.saveCancelled') });
  };

  const onPeriod = (field: 'from' | 'to', value: string) => {
    const next = { ...draft, [field]: value };
    setDraft(next);
    const period = typedPeriod(next, dateFormat, screenLanguage, t, dateHint);
    if (Object.keys(period.problems).length === 0) setOptions((o) => ({ ...o, from: period.from, to: period.to }));
  };

  return (
    <section className="report-page" aria-labelledby="report-heading">
      <div className="report-screen-only">
        <p className="breadcrumb">
          <a href={href.patients()}>{t('report.crumbPatients')}</a> › <a href={href.patient(p.id)}>{patientDisplayName(p)}</a> ›{' '}
          <span aria-current="page">{t('report.crumbReport')}</span>
        </p>
        <div className="toolbar">
          <h1 id="report-heading">{t('report.heading', { name: patientDisplayName(p) })}</h1>
          <button type="button" className="primary" onClick={print} disabled={!periodOk}>
            {t('report.print')}
          </button>
          {bridge && (
            <button type="button" onClick={() => void savePdf()} disabled={!periodOk}>
              {t('report.savePdf')}
            </button>
          )}
        </div>
        <p className="muted small">{bridge ? t('report.howDesktop') : t('report.howBrowser')}</p>
        <div role="status" className={message ? (message.ok ? 'ok-box' : 'error-box') : 'visually-hidden'}>
          {message?.text}
        </div>
        {reprint ? (
          <>
            <ReprintNotice reprint={reprint} newReport={href.report(p.id)} />
            <DocumentLanguageField value={language} onChange={setLanguage} />
          </>
        ) : (
          <ReportControls
            language={language}
            onLanguage={setLanguage}
            draft={draft}
            problems={problems}
            onPeriod={onPeriod}
            paper={options.paper}
            onPaper={(paper) => setOptions((o) => ({ ...o, paper }))}
            available={available}
            chosen={motionsForLog}
            onMotions={(motions) => setOptions((o) => ({ ...o, motions }))}
            dateHint={dateHint}
            sites={options.sites ?? 'watched'}
            hasWatchedSites={file.sites.some((site) => site.voided === null)}
            onSites={(sites) => setOptions((o) => ({ ...o, motions: null, ...(sites === 'all' ? { sites } : { sites: undefined }) }))}
            assessment={assessment}
            onAssessment={setAssessment}
            recommendations={recommendations}
            onRecommendations={setRecommendations}
          />
        )}
        <PrintedBefore reports={loaded.reports} patientId={p.id} current={reprint?.id ?? null} />
        <h2 className="report-preview-heading">{t('report.preview')}</h2>
      </div>
      <div className="report-preview">
        {model === null ? (
          analysisError ? (
            <ErrorMessage error={analysisError} retry={retryAnalysis} />
          ) : (
            <Loading what={t('report.loadingVerdicts', { date: formatDate(asAt) })} />
          )
        ) : (
          <DocumentLanguage language={language}>
            <ReportDocument
            file={file}
            model={model}
            options={options}
            clinic={state.clinic}
            therapist={therapist}
            nameOf={nameOf}
            assessment={assessment}
            recommendations={recommendations}
            plansError={loaded.plansError}
            chartWidth={contentWidthPx(options.paper) - 8}
            />
          </DocumentLanguage>
        )}
      </div>
    </section>
  );
}

/** In place of the options; the language stays a choice, since a reprint may go to a reader of another language. */
function ReprintNotice({ reprint, newReport }: { reprint: KeptReport; newReport: string }) {
  const { t } = useTranslation();
  const formatInstant = useFormatInstant();
  return (
    <div className="report-reprint-notice">
      <p>
        <strong>{t('report.reprint.of', { at: formatInstant(reprint.recordedAt) })}</strong>
        {t('report.reprint.rest', { who: reprint.recordedByName ?? t('report.printed.someone') })}
      </p>
      <a className="button" href={newReport}>
        {t('report.reprint.newReport')}
      </a>
    </div>
  );
}
