import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { PatientAnalysisResult } from '../../../shared/api/operations/analysis';
import type { PatientFile } from '../../../shared/api/operations/clinical';
import type { ReferralRecord } from '../../../shared/api/operations/referrals';
import { isJointId, isSide, MODES, sideLabel } from '../../../shared/domain/catalogue';
import type { PaperSize } from '../../../shared/domain/clinic';
import { todayLocal } from '../../../shared/domain/dates';
import { patientDisplayName } from '../../../shared/domain/patient';
import { eventsForJoint } from '../../../shared/analysis/patient-series';
import { call } from '../api/client';
import { useOperation, usePatientFile } from '../api/use-operation';
import { ErrorMessage, Loading } from '../layout/Status';
import { eventMarkers } from '../charts/chart-model';
import { applyPageCss, contentWidthPx, pageCss, type PageSheet } from '../report/page-style';
import { therapistLine } from '../report/ReportDocument';
import { href } from '../router';
import { useFormatDate, useSession } from '../session/session-context';
import { chartCaption, ReferralDocument, type LetterChart } from './ReferralDocument';
import { draftLetter, letterSeries, letterText, type LetterSubject, type WorklistPatient } from './referral-draft';
import { LetterControls, SentBefore } from './ReferralParts';
import '../report/report.css';
import './referral.css';

/** Usable page height in CSS pixels (18 mm margins top and bottom, as the report's @page rule sets). */
const PAGE_HEIGHT_PX: Record<PaperSize, number> = { A4: ((297 - 36) / 25.4) * 96, Letter: ((279.4 - 36) / 25.4) * 96 };
/** The chart and the warning signs cover the last year at most: the months in which HO forms, at a scale a doctor can read. */
const CHART_DAYS = 365;

function parseSubject(query: string): LetterSubject | null {
  const q = new URLSearchParams(query);
  const joint = q.get('joint');
  const side = q.get('side');
  if (!isJointId(joint) || !isSide(side)) return null;
  return { joint, side, seriesKey: q.get('series') };
}

/** A referral letter to the doctor for a suspected HO: '#/patients/:id/referral?joint=elbow&side=right&series=…'. */
export function ReferralLetterPage({ patientId, query }: { patientId: string; query: string }) {
  const file = usePatientFile(patientId);
  const [analysis] = useOperation('analysis.patient', { patientId });
  const [worklist] = useOperation('worklist.patient', { patientId });
  const [sent] = useOperation('referrals.list', { patientId });
  for (const op of [file, analysis, worklist, sent]) if (op.state === 'error') return <ErrorMessage error={op.error} retry={op.retry} />;
  if (file.state !== 'ready' || analysis.state !== 'ready' || worklist.state !== 'ready' || sent.state !== 'ready') return <Loading what="the referral letter" />;
  const subject = parseSubject(query);
  if (!subject) return <ChooseJoint file={file.value} />;
  return <LetterScreen key={`${subject.joint}.${subject.side}`} file={file.value} analysis={analysis.value} worklist={worklist.value} sent={sent.value} subject={subject} />;
}

function ChooseJoint({ file }: { file: PatientFile }) {
  const p = file.patient;
  return (
    <section aria-labelledby="referral-heading">
      <h1 id="referral-heading">Referral letter: {patientDisplayName(p)}</h1>
      <p>Which joint is the letter about?</p>
      {file.sites.length === 0 ? (
        <p className="muted">
          This patient has no watched site yet. <a href={href.patient(p.id)}>Add one on the patient’s page</a> first.
        </p>
      ) : (
        <ul>
          {file.sites.map((s) => (
            <li key={s.id}>
              <a href={href.referral(p.id, { joint: s.joint, side: s.side })}>{`${sideLabel(s.side)} ${s.joint}`}</a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

interface ScreenProps {
  file: PatientFile;
  analysis: PatientAnalysisResult;
  worklist: WorklistPatient;
  sent: ReferralRecord[];
  subject: LetterSubject;
}

function LetterScreen({ file, analysis, worklist, sent, subject }: ScreenProps) {
  const p = file.patient;
  const { state } = useSession();
  const fd = useFormatDate();
  const today = todayLocal();
  const since = useMemo(() => todayLocal(new Date(Date.now() - CHART_DAYS * 86_400_000)), []);
  const draft = useMemo(() => draftLetter(file, analysis, worklist, subject, since, fd), [file, analysis, worklist, subject, since, fd]);
  const [paper, setPaper] = useState<PaperSize>(state.clinic?.paperSize ?? 'A4');
  const [addressee, setAddressee] = useState('The referring doctor');
  const [body, setBody] = useState(draft);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [overflow, setOverflow] = useState(false);
  const letterRef = useRef<HTMLElement>(null);

  const chart = useMemo((): LetterChart | null => {
    const chosen = letterSeries(analysis, subject);
    if (!chosen) return null;
    const series = analysis.series.filter((s) => s.motion === chosen.motion && s.side === chosen.side).sort((a, b) => MODES.indexOf(a.mode) - MODES.indexOf(b.mode));
    const first = series.flatMap((s) => s.points.map((pt) => pt.date)).sort()[0] ?? today;
    const from = first < since ? since : first;
    const clipped = series.map((s) => ({ ...s, points: s.points.filter((pt) => pt.date >= from && pt.date <= today) }));
    const markers = eventMarkers(eventsForJoint(file.events, chosen.joint)).filter((m) => m.date >= from && m.date <= today);
    return { model: { title: chosen.label, series: clipped, markers, goals: [] }, from, to: today };
  }, [analysis, subject, file.events, today, since]);

  const confirmed = file.sites.some((s) => s.joint === subject.joint && s.side === subject.side && s.voided === null && s.status === 'confirmed');
  const regarding = `${patientDisplayName(p)}, born ${fd(p.dateOfBirth)}${p.clinicId ? `, clinic id ${p.clinicId}` : ''}: ${confirmed ? 'heterotopic ossification losing motion' : 'suspected heterotopic ossification'}, ${sideLabel(subject.side).toLowerCase()} ${subject.joint}`;
  const clinicName = state.clinic?.name ?? 'ROMtrack';

  // The page rule: paper and the text repeated in the margins, as the progress report prints them.
  const pageText = useCallback(
    () => ({ paper, patient: `${patientDisplayName(p)}${p.clinicId ? ` · ${p.clinicId}` : ''}`, clinic: `${clinicName} · Referral letter`, generated: `Printed ${fd(todayLocal())} by ROMtrack` }),
    [paper, p, clinicName, fd],
  );
  const sheet = useRef<PageSheet | null>(null);
  useEffect(() => {
    const applied = applyPageCss(pageCss(pageText()));
    sheet.current = applied;
    return () => applied.remove();
  }, [pageText]);

  useEffect(() => {
    const before = document.title;
    document.title = `ROMtrack referral ${p.familyName.toUpperCase()} ${today}`;
    return () => {
      document.title = before;
    };
  }, [p.familyName, today]);

  // One page: the preview is laid out at the paper's width, so its height says whether the letter fits.
  useLayoutEffect(() => {
    const el = letterRef.current;
    if (!el) return;
    const padding = parseFloat(getComputedStyle(el).paddingTop) + parseFloat(getComputedStyle(el).paddingBottom);
    setOverflow(el.getBoundingClientRect().height - padding > PAGE_HEIGHT_PX[paper]);
  }, [body, paper, addressee, chart]);

  const text = letterText({
    clinic: [clinicName, state.clinic?.address, state.clinic?.phone ? `Phone ${state.clinic.phone}` : null].filter(Boolean).join('\n'),
    date: fd(today),
    addressee,
    regarding,
    body,
    chart: chart ? chartCaption(chart.model.series, chart.from, chart.to, fd) : null,
    signature: therapistLine(state.currentTherapist),
  });
  const ready = body.trim() !== '' && addressee.trim() !== '';

  // Every print of this screen is kept with its text, from the Print button, Ctrl+P or the browser's menu.
  const record = useCallback(async () => {
    const r = await call('referrals.record', { patientId: p.id, joint: subject.joint, side: subject.side, seriesKey: chart?.model.series[0]?.key ?? null, paper, addressee, text });
    // A kept letter refreshes "Sent before" by itself (api/client.ts).
    if (r.ok) setMessage({ ok: true, text: 'Letter printed, and kept with its text under “Sent before”.' });
    else setMessage({ ok: false, text: `The letter was printed, but keeping it on the patient’s file failed: ${r.error.message}` });
  }, [p.id, subject, chart, paper, addressee, text]);
  useEffect(() => {
    const before = () => {
      sheet.current?.update(pageCss(pageText()));
      if (ready) void record();
    };
    window.addEventListener('beforeprint', before);
    return () => window.removeEventListener('beforeprint', before);
  }, [record, pageText, ready]);

  return (
    <section className="report-page referral-page" aria-labelledby="referral-heading">
      <div className="report-screen-only">
        <p className="breadcrumb">
          <a href={href.worklist()}>Worklist</a> › <a href={href.patient(p.id)}>{patientDisplayName(p)}</a> › <span aria-current="page">Referral letter</span>
        </p>
        <div className="toolbar">
          <h1 id="referral-heading">
            Referral letter: {patientDisplayName(p)}, {sideLabel(subject.side).toLowerCase()} {subject.joint}
          </h1>
          <button type="button" className="primary" onClick={() => window.print()} disabled={!ready}>
            Print…
          </button>
        </div>
        <p className="muted small">Print opens the print dialog; to keep a PDF, choose “Save as PDF” there. Each printing is kept on the patient’s file with the letter’s text.</p>
        <div role="status" className={message ? (message.ok ? 'ok-box' : 'error-box') : 'visually-hidden'}>
          {message?.text}
        </div>
        {overflow ? (
          <p className="error-box" role="alert">
            The letter runs over one page on {paper}. Shorten the text so the doctor gets it on one sheet.
          </p>
        ) : null}
        <LetterControls paper={paper} onPaper={setPaper} addressee={addressee} onAddressee={setAddressee} body={body} onBody={setBody} onRedraft={() => setBody(draft)} />
        <SentBefore letters={sent} />
        <h2 className="report-preview-heading">Preview</h2>
      </div>
      <div className="report-preview">
        <ReferralDocument
          ref={letterRef}
          paper={paper}
          clinic={state.clinic}
          date={today}
          addressee={addressee}
          regarding={regarding}
          body={body}
          chart={chart}
          chartWidth={contentWidthPx(paper) - 8}
          therapist={state.currentTherapist}
          file={file}
          fd={fd}
        />
      </div>
    </section>
  );
}
