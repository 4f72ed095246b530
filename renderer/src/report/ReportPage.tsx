import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { PatientFile } from '../../../shared/api/operations/clinical';
import type { ReportRecord } from '../../../shared/api/operations/reports';
import type { Plan } from '../../../shared/domain/plan-records';
import { dateInputHint, formatDate as formatIn, todayLocal } from '../../../shared/domain/dates';
import { patientDisplayName } from '../../../shared/domain/patient';
import { call } from '../api/client';
import { useOperation, usePatientFile } from '../api/use-operation';
import { therapistNamer, useFormatInstant } from '../clinical/format';
import { ErrorMessage, Loading } from '../layout/Status';
import { href } from '../router';
import { useFormatDate, useSession } from '../session/session-context';
import { applyPageCss, contentWidthPx, pageCss, type PageSheet } from './page-style';
import { pdfBridge, PRINT_REPORT_EVENT, saveReportPdf } from './print-actions';
import { ReportControls } from './ReportControls';
import { PrintedBefore } from './PrintedBefore';
import { isKept, printedBy, printedOptions, reprintIdOf, reprintQuery, type KeptReport } from './reprint';
import { ReportDocument } from './ReportDocument';
import { useReportModel } from './use-report-model';
import { defaultPeriod, normaliseMotions, parseReportQuery, reportQuery, typedPeriod, type ReportOptions } from './report-options';
import './report.css';

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
  if (file.state === 'loading' || plans.state === 'loading' || info.state === 'loading' || reports.state === 'loading') return <Loading what="the report" />;
  if (file.state === 'error') return <ErrorMessage error={file.error} retry={file.retry} />;
  if (reports.state === 'error') return <ErrorMessage error={reports.error} retry={reports.retry} />;
  const loaded: Loaded = {
    file: file.value,
    // A report without the plan is still worth printing; the plan section says the plans could not be read.
    plans: plans.state === 'ready' ? plans.value : null,
    plansError: plans.state === 'error' ? plans.error.message : null,
    version: info.state === 'ready' ? info.value.version : 'version unknown',
    reports: reports.value,
  };
  const reprintId = reprintIdOf(query);
  if (reprintId !== null) {
    const entry = loaded.reports.find((r) => r.id === reprintId);
    if (!entry || !isKept(entry)) {
      const why = entry ? 'was printed before ROMtrack kept each report’s text' : 'is not in this patient’s log';
      return <ErrorMessage error={{ code: 'not_found', message: `That printed report ${why}, so it cannot be printed again as it was.` }} />;
    }
    // Keyed: choosing another entry, or a new report, starts the screen afresh from what it names.
    return <ReportScreen key={entry.id} loaded={loaded} query="" reprint={entry} />;
  }
  return <ReportScreen key="new" loaded={loaded} query={query} reprint={null} />;
}

const NO_MOTIONS: never[] = [];

function ReportScreen({ loaded, query, reprint }: { loaded: Loaded; query: string; reprint: KeptReport | null }) {
  const { file } = loaded;
  const p = file.patient;
  const { state } = useSession();
  const formatDate = useFormatDate();
  const formatInstant = useFormatInstant();
  const [options, setOptions] = useState<ReportOptions>(() =>
    reprint ? printedOptions(reprint) : parseReportQuery(query, { ...defaultPeriod(file, todayLocal()), paper: state.clinic?.paperSize ?? 'A4' }),
  );
  // The period's boxes hold the text as typed, in the clinic's date format (ISO is read too).
  const dateFormat = state.clinic?.dateFormat ?? 'D MMM YYYY';
  const [draft, setDraft] = useState(() => ({ from: formatIn(options.from, dateFormat), to: formatIn(options.to, dateFormat) }));
  const [assessment, setAssessment] = useState(reprint?.kept.assessment ?? '');
  const [recommendations, setRecommendations] = useState(reprint?.kept.recommendations ?? '');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const savingPdf = useRef(false);
  const bridge = pdfBridge();

  // A new report's verdicts are those of its period's end; a reprint's, those of the day it kept.
  const asAt = reprint?.kept.analysisDate ?? options.to;
  const { model, shown, error: analysisError, retry: retryAnalysis } = useReportModel(file, loaded.plans, options, asAt);
  const available = shown?.motions ?? NO_MOTIONS;
  const problems = reprint ? {} : typedPeriod(draft, dateFormat).problems;
  // A reprint names the therapist who signed it then, whoever is working now.
  const therapist = reprint ? printedBy(reprint, file.therapists) : state.currentTherapist;
  const nameOf = useMemo(() => therapistNamer([...state.activeTherapists, ...file.therapists]), [state.activeTherapists, file.therapists]);

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

  // The page rule: paper, margins and the text repeated on every page; refreshed just before printing so
  // "Generated" is the moment of printing, not of opening the screen.
  const pageText = useCallback(
    () => ({
      paper: options.paper,
      patient: `${patientDisplayName(p)}${p.clinicId ? ` · ${p.clinicId}` : ''} · born ${formatDate(p.dateOfBirth)}`,
      clinic: `${state.clinic?.name ?? 'ROMtrack'} · Range-of-motion progress report`,
      generated: `Generated ${formatInstant(new Date().toISOString())} by ROMtrack ${loaded.version}`,
    }),
    [options.paper, p, formatDate, formatInstant, state.clinic, loaded.version],
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
      if (r.ok) setMessage({ ok: true, text: `Report ${how}${detail}, and noted on the patient's file.` });
      else setMessage({ ok: false, text: `The report was ${how}, but noting it on the patient's file failed: ${r.error.message}` });
    },
    [p.id, options, motionsForLog, reprint, sitesShown, assessment, recommendations, asAt],
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
    if (!r.ok) setMessage({ ok: false, text: r.error.message });
    else if (r.value.saved) await record('saved as PDF', ` to ${r.value.path}`);
    else setMessage({ ok: true, text: 'Not saved: the save dialog was cancelled.' });
  };

  const onPeriod = (field: 'from' | 'to', value: string) => {
    const next = { ...draft, [field]: value };
    setDraft(next);
    const period = typedPeriod(next, dateFormat);
    if (Object.keys(period.problems).length === 0) setOptions((o) => ({ ...o, from: period.from, to: period.to }));
  };

  return (
    <section className="report-page" aria-labelledby="report-heading">
      <div className="report-screen-only">
        <p className="breadcrumb">
          <a href={href.patients()}>Patients</a> › <a href={href.patient(p.id)}>{patientDisplayName(p)}</a> › <span aria-current="page">Report</span>
        </p>
        <div className="toolbar">
          <h1 id="report-heading">Progress report: {patientDisplayName(p)}</h1>
          <button type="button" className="primary" onClick={print} disabled={!periodOk}>
            Print…
          </button>
          {bridge && (
            <button type="button" onClick={() => void savePdf()} disabled={!periodOk}>
              Save as PDF…
            </button>
          )}
        </div>
        <p className="muted small">
          {bridge
            ? 'Print opens the print dialog; Save as PDF… asks where to save the file. Either is noted on the patient’s file.'
            : 'Print opens the browser’s print dialog. To keep a PDF, choose “Save as PDF” as the printer there. Each printing is noted on the patient’s file.'}
        </p>
        <div role="status" className={message ? (message.ok ? 'ok-box' : 'error-box') : 'visually-hidden'}>
          {message?.text}
        </div>
        {reprint ? (
          <ReprintNotice reprint={reprint} newReport={href.report(p.id)} />
        ) : (
          <ReportControls
            draft={draft}
            problems={problems}
            onPeriod={onPeriod}
            paper={options.paper}
            onPaper={(paper) => setOptions((o) => ({ ...o, paper }))}
            available={available}
            chosen={motionsForLog}
            onMotions={(motions) => setOptions((o) => ({ ...o, motions }))}
            dateHint={dateInputHint(dateFormat)}
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
        <h2 className="report-preview-heading">Preview</h2>
      </div>
      <div className="report-preview">
        {model === null ? (
          analysisError ? (
            <ErrorMessage error={analysisError} retry={retryAnalysis} />
          ) : (
            <Loading what={`the verdicts as at ${formatDate(asAt)}`} />
          )
        ) : (
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
        )}
      </div>
    </section>
  );
}

/** In place of the options: a reprint is the report as it was printed, nothing to choose. */
function ReprintNotice({ reprint, newReport }: { reprint: KeptReport; newReport: string }) {
  const formatInstant = useFormatInstant();
  return (
    <div className="report-reprint-notice">
      <p>
        <strong>Printing again the report of {formatInstant(reprint.recordedAt)}</strong>, by {reprint.recordedByName ?? 'someone not recorded'}: the same period, paper,
        charts, assessment and recommendations, with the verdicts as they were worked out then. Records entered or corrected since, with dates in its period, show
        in it as they stand now.
      </p>
      <a className="button" href={newReport}>
        New report instead
      </a>
    </div>
  );
}
