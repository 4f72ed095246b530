import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { PatientFile } from '../../../shared/api/operations/clinical';
import type { ReportRecord } from '../../../shared/api/operations/reports';
import type { Plan } from '../../../shared/domain/plan-records';
import { dateInputHint, formatDate as formatIn, todayLocal } from '../../../shared/domain/dates';
import { patientDisplayName } from '../../../shared/domain/patient';
import { call } from '../api/client';
import { useOperation } from '../api/use-operation';
import { therapistNamer } from '../clinical/format';
import { ErrorMessage, Loading } from '../layout/Status';
import { href } from '../router';
import { useFormatDate, useSession } from '../session/session-context';
import { applyPageCss, contentWidthPx, pageCss, type PageSheet } from './page-style';
import { pdfBridge, PRINT_REPORT_EVENT, saveReportPdf } from './print-actions';
import { ReportControls, PrintedBefore } from './ReportControls';
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
  const [file] = useOperation('patients.file', { patientId });
  const [plans] = useOperation('plans.list', { patientId });
  const [info] = useOperation('app.info', {});
  const [reports, reloadReports] = useOperation('reports.list', { patientId });
  if (file.state === 'loading' || plans.state === 'loading' || info.state === 'loading' || reports.state === 'loading') return <Loading what="the report" />;
  if (file.state === 'error') return <ErrorMessage error={file.error} />;
  if (reports.state === 'error') return <ErrorMessage error={reports.error} />;
  const loaded: Loaded = {
    file: file.value,
    // A report without the plan is still worth printing; the plan section says the plans could not be read.
    plans: plans.state === 'ready' ? plans.value : null,
    plansError: plans.state === 'error' ? plans.error.message : null,
    version: info.state === 'ready' ? info.value.version : 'version unknown',
    reports: reports.value,
  };
  return <ReportScreen loaded={loaded} query={query} onRecorded={reloadReports} />;
}

const NO_MOTIONS: never[] = [];

function nowText(formatDate: (d: string) => string): string {
  const d = new Date();
  return `${formatDate(todayLocal(d))}, ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

function ReportScreen({ loaded, query, onRecorded }: { loaded: Loaded; query: string; onRecorded(): void }) {
  const { file } = loaded;
  const p = file.patient;
  const { state } = useSession();
  const formatDate = useFormatDate();
  const [options, setOptions] = useState<ReportOptions>(() => parseReportQuery(query, { ...defaultPeriod(file, todayLocal()), paper: state.clinic?.paperSize ?? 'A4' }));
  // The period's boxes hold the text as typed, in the clinic's date format (ISO is read too).
  const dateFormat = state.clinic?.dateFormat ?? 'D MMM YYYY';
  const [draft, setDraft] = useState(() => ({ from: formatIn(options.from, dateFormat), to: formatIn(options.to, dateFormat) }));
  const [assessment, setAssessment] = useState('');
  const [recommendations, setRecommendations] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const savingPdf = useRef(false);
  const bridge = pdfBridge();

  const { model, shown, error: analysisError } = useReportModel(file, loaded.plans, options);
  const available = shown?.motions ?? NO_MOTIONS;
  const problems = typedPeriod(draft, dateFormat).problems;
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
    window.history.replaceState(null, '', href.report(p.id, reportQuery(options)));
  }, [options, p.id]);

  // The page rule: paper, margins and the text repeated on every page; refreshed just before printing so
  // "Generated" is the moment of printing, not of opening the screen.
  const pageText = useCallback(
    () => ({
      paper: options.paper,
      patient: `${patientDisplayName(p)}${p.clinicId ? ` · ${p.clinicId}` : ''} · born ${formatDate(p.dateOfBirth)}`,
      clinic: `${state.clinic?.name ?? 'ROMtrack'} · Range-of-motion progress report`,
      generated: `Generated ${nowText(formatDate)} by ROMtrack ${loaded.version}`,
    }),
    [options.paper, p, formatDate, state.clinic, loaded.version],
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
  const record = useCallback(
    async (how: 'printed' | 'saved as PDF', detail = '') => {
      const r = await call('reports.record', { patientId: p.id, from: options.from, to: options.to, paper: options.paper, ...(motionsForLog === null ? {} : { motions: motionsForLog }) });
      if (r.ok) {
        setMessage({ ok: true, text: `Report ${how}${detail}, and noted on the patient's file.` });
        onRecorded();
      } else setMessage({ ok: false, text: `The report was ${how}, but noting it on the patient's file failed: ${r.error.message}` });
    },
    [p.id, options, motionsForLog, onRecorded],
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
        <PrintedBefore reports={loaded.reports} />
        <h2 className="report-preview-heading">Preview</h2>
      </div>
      <div className="report-preview">
        {model === null ? (
          analysisError ? (
            <ErrorMessage error={analysisError} />
          ) : (
            <Loading what={`the verdicts as at ${formatDate(options.to)}`} />
          )
        ) : (
          <ReportDocument
          file={file}
          model={model}
          options={options}
          clinic={state.clinic}
          therapist={state.currentTherapist}
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
