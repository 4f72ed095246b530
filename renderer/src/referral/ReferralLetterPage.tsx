import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PatientAnalysisResult } from '../../../shared/api/operations/analysis';
import type { PatientFile } from '../../../shared/api/operations/clinical';
import type { ReferralRecord } from '../../../shared/api/operations/referrals';
import { isJointId, isSide, MODES } from '../../../shared/domain/catalogue';
import type { PaperSize } from '../../../shared/domain/clinic';
import { todayLocal } from '../../../shared/domain/dates';
import { patientDisplayName } from '../../../shared/domain/patient';
import { createFormatter } from '../../../shared/format';
import type { DisplayLanguage } from '../../../shared/i18n';
import { eventsForJoint } from '../../../shared/analysis/patient-series';
import { call } from '../api/client';
import { useOperation, usePatientFile } from '../api/use-operation';
import { ErrorMessage, Loading } from '../layout/Status';
import { eventMarkers } from '../charts/chart-model';
import { chartWordsOf } from '../charts/chart-words';
import { applyPageCss, contentWidthPx, pageCss, type PageSheet } from '../report/page-style';
import { therapistLine } from '../report/ReportDocument';
import { defaultDocumentLanguage, DocumentLanguage } from '../i18n/document-language';
import { i18next } from '../i18n/i18n';
import { profileWords, useProfileWords } from '../profile/profile-words';
import { href } from '../router';
import { useSession } from '../session/session-context';
import { chartCaption, ReferralDocument, type LetterChart } from './ReferralDocument';
import { draftLetter, letterSeries, letterText, type LetterSubject, type LetterWords, type WorklistPatient } from './referral-draft';
import { LetterControls, SentBefore } from './ReferralParts';
import '../report/report.css';
import './referral.css';
import { useApiErrorText } from '../api/failure';

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
  const { t } = useTranslation();
  for (const op of [file, analysis, worklist, sent]) if (op.state === 'error') return <ErrorMessage error={op.error} retry={op.retry} />;
  if (file.state !== 'ready' || analysis.state !== 'ready' || worklist.state !== 'ready' || sent.state !== 'ready') return <Loading what={t('referral.loadingWhat')} />;
  const subject = parseSubject(query);
  if (!subject) return <ChooseJoint file={file.value} />;
  return <LetterScreen key={`${subject.joint}.${subject.side}`} file={file.value} analysis={analysis.value} worklist={worklist.value} sent={sent.value} subject={subject} />;
}

function ChooseJoint({ file }: { file: PatientFile }) {
  const { t } = useTranslation();
  const profile = useProfileWords();
  const p = file.patient;
  return (
    <section aria-labelledby="referral-heading">
      <h1 id="referral-heading">{t('referral.heading', { name: patientDisplayName(p) })}</h1>
      <p>{t('referral.whichJoint')}</p>
      {file.sites.length === 0 ? (
        <p className="muted">
          {t('referral.noSites')} <a href={href.patient(p.id)}>{t('referral.addSite')}</a> {t('referral.addSiteFirst')}
        </p>
      ) : (
        <ul>
          {file.sites.map((s) => (
            <li key={s.id}>
              <a href={href.referral(p.id, { joint: s.joint, side: s.side })}>{profile.site(s.joint, s.side)}</a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** "OSEI, Kwame, born 17 Mar 1992, clinic id RRC-1: suspected heterotopic ossification, right elbow". */
function regardingLine({ t, f }: LetterWords, p: PatientFile['patient'], confirmed: boolean, site: string): string {
  return t('referral.regarding', {
    name: patientDisplayName(p),
    date: f.date(p.dateOfBirth),
    clinicId: p.clinicId ? t('referral.regardingClinicId', { id: p.clinicId }) : '',
    what: confirmed ? t('referral.regardingConfirmed') : t('referral.regardingSuspected'),
    site,
  });
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
  const { t } = useTranslation();
  const errorText = useApiErrorText();
  const screenProfile = useProfileWords();
  // The letter is written in the patient's language (their record), else the clinic's, whatever the screen's.
  const [language, setLanguage] = useState<DisplayLanguage>(() => defaultDocumentLanguage(p, state.clinic?.language));
  const dateFormat = state.clinic?.dateFormat ?? 'D MMM YYYY';
  const words = useMemo(() => ({ t: i18next.getFixedT(language), f: createFormatter({ dateFormat, language }) }), [language, dateFormat]);
  const fd = words.f.date;
  const today = todayLocal();
  const since = useMemo(() => todayLocal(new Date(Date.now() - CHART_DAYS * 86_400_000)), []);
  const draft = useMemo(() => draftLetter(file, analysis, worklist, subject, since, words), [file, analysis, worklist, subject, since, words]);
  const [paper, setPaper] = useState<PaperSize>(state.clinic?.paperSize ?? 'A4');
  const [addressee, setAddressee] = useState<string>(() => words.t('referral.defaultAddressee'));
  const [body, setBody] = useState(draft);
  // Another language: the letter is drafted again in it (the hint beside the choice says so).
  const chooseLanguage = (next: DisplayLanguage) => {
    const nextWords = { t: i18next.getFixedT(next), f: createFormatter({ dateFormat, language: next }) };
    setLanguage(next);
    setBody(draftLetter(file, analysis, worklist, subject, since, nextWords));
    if (addressee === words.t('referral.defaultAddressee')) setAddressee(nextWords.t('referral.defaultAddressee'));
  };
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
    const markers = eventMarkers(eventsForJoint(file.events, chosen.joint), chartWordsOf(words.t)).filter((m) => m.date >= from && m.date <= today);
    return { model: { title: chosen.label, series: clipped, markers, goals: [] }, from, to: today };
  }, [analysis, subject, file.events, today, since, words]);

  const confirmed = file.sites.some((s) => s.joint === subject.joint && s.side === subject.side && s.voided === null && s.status === 'confirmed');
  const regarding = regardingLine(words, p, confirmed, profileWords(words.t).site(subject.joint, subject.side).toLowerCase());
  const clinicName = state.clinic?.name ?? 'ROMtrack';

  // The page rule: paper and the text repeated in the margins, as the progress report prints them, in the letter's language.
  const pageText = useCallback(
    () => ({
      paper,
      patient: `${patientDisplayName(p)}${p.clinicId ? ` · ${p.clinicId}` : ''}`,
      clinic: words.t('referral.page.clinic', { clinic: clinicName }),
      generated: words.t('referral.page.printed', { date: words.f.date(todayLocal()) }),
    }),
    [paper, p, clinicName, words],
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

  const text = letterText(words.t, {
    clinic: [clinicName, state.clinic?.address, state.clinic?.phone ? words.t('report.phone', { phone: state.clinic.phone }) : null].filter(Boolean).join('\n'),
    date: fd(today),
    addressee,
    regarding,
    body,
    chart: chart ? chartCaption(words.t, chart.model.series, chart.from, chart.to, fd) : null,
    signature: therapistLine(words.t, state.currentTherapist),
  });
  const ready = body.trim() !== '' && addressee.trim() !== '';

  // Every print of this screen is kept with its text, from the Print button, Ctrl+P or the browser's menu.
  const record = useCallback(async () => {
    const r = await call('referrals.record', { patientId: p.id, joint: subject.joint, side: subject.side, seriesKey: chart?.model.series[0]?.key ?? null, paper, addressee, text });
    // A kept letter refreshes "Sent before" by itself (api/client.ts).
    if (r.ok) setMessage({ ok: true, text: t('referral.kept') });
    else setMessage({ ok: false, text: t('referral.keepFailed', { error: errorText(r.error) }) });
  }, [p.id, subject, chart, paper, addressee, text, t]);
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
          <a href={href.worklist()}>{t('referral.crumbWorklist')}</a> › <a href={href.patient(p.id)}>{patientDisplayName(p)}</a> ›{' '}
          <span aria-current="page">{t('referral.crumbLetter')}</span>
        </p>
        <div className="toolbar">
          <h1 id="referral-heading">{t('referral.headingSite', { name: patientDisplayName(p), site: screenProfile.site(subject.joint, subject.side).toLowerCase() })}</h1>
          <button type="button" className="primary" onClick={() => window.print()} disabled={!ready}>
            {t('referral.print')}
          </button>
        </div>
        <p className="muted small">{t('referral.how')}</p>
        <div role="status" className={message ? (message.ok ? 'ok-box' : 'error-box') : 'visually-hidden'}>
          {message?.text}
        </div>
        {overflow ? (
          <p className="error-box" role="alert">
            {t('referral.overflow', { paper })}
          </p>
        ) : null}
        <LetterControls language={language} onLanguage={chooseLanguage} paper={paper} onPaper={setPaper} addressee={addressee} onAddressee={setAddressee} body={body} onBody={setBody} onRedraft={() => setBody(draft)} />
        <SentBefore letters={sent} />
        <h2 className="report-preview-heading">{t('referral.preview')}</h2>
      </div>
      <div className="report-preview">
        <DocumentLanguage language={language}>
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
          />
        </DocumentLanguage>
      </div>
    </section>
  );
}
