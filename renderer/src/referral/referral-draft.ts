// What the referral letter says before the therapist edits it, and the plain text kept in the log when it is
// printed. Pure: the patient's file, the back end's analysis (the verdict every screen shows) and the worklist's
// reasons come in, sentences come out, in the letter's language (its own t and formatter, not the screen's).
import type { TFunction } from 'i18next';
import type { AnalysedSeries, PatientAnalysisResult } from '../../../shared/api/operations/analysis';
import type { PatientFile } from '../../../shared/api/operations/clinical';
import type { OperationOutput } from '../../../shared/api/contract';
import { motionSpec, type JointId, type Side } from '../../../shared/domain/catalogue';
import { PAIN_RISE } from '../../../shared/worklist/settings';
import { siteMotionJoints } from '../../../shared/domain/ho';
import { patientDisplayName } from '../../../shared/domain/patient';
import { seriesKeyOf, type SeriesKey } from '../../../shared/domain/series';
import type { Formatter } from '../../../shared/format';
import { catalogueWords } from '../i18n/catalogue-words';
import { profileWords } from '../profile/profile-words';
import { seriesNames } from '../report/series-name';
import { reasonWith } from '../clinical/verdict-text';

export type WorklistPatient = OperationOutput<'worklist.patient'>;

/** The letter's language: its translation and its formatter (dates in the clinic's format, its month names). */
export interface LetterWords {
  t: TFunction;
  f: Formatter;
}

export interface LetterSubject {
  joint: JointId;
  side: Side;
  /** The series to chart and quote; by default the joint's largest loss. */
  seriesKey: string | null;
}

/** The series the letter is about: the one asked for, else the joint's largest loss, else its first measured series. */
export function letterSeries(analysis: PatientAnalysisResult, subject: LetterSubject): AnalysedSeries | null {
  const joints = siteMotionJoints(subject.joint);
  const ofJoint = analysis.series.filter((s) => s.side === subject.side && (s.joint === subject.joint || joints.includes(s.joint)));
  const asked = subject.seriesKey ? ofJoint.find((s) => s.key === subject.seriesKey) : undefined;
  if (asked) return asked;
  const losing = ofJoint.filter((s) => s.verdict.kind === 'losing' && s.verdict.comparison);
  if (losing.length > 0) return losing.reduce((a, b) => (b.verdict.comparison!.change < a.verdict.comparison!.change ? b : a));
  return ofJoint.find((s) => s.joint === subject.joint) ?? ofJoint[0] ?? null;
}

const lower = (text: string) => text.replace(/^./, (c) => c.toLowerCase());

/** "after severe traumatic brain injury (3 Jan 2026)": the latest injury as recorded, else the latest dated risk factor. */
function riskPhrase(file: PatientFile, { t, f }: LetterWords): string {
  const injury = file.events.find((e) => e.voided === null && e.kind === 'injury');
  if (injury) return t('referral.draft.after', { what: lower(injury.title ?? t('referral.draft.anInjury')), date: f.date(injury.date) });
  const factor = file.riskFactors.filter((r) => r.voided === null && r.onsetDate !== null).sort((a, b) => (a.onsetDate! < b.onsetDate! ? 1 : -1))[0];
  return factor ? t('referral.draft.after', { what: lower(profileWords(t).riskFactor(factor.kind)), date: f.date(factor.onsetDate!) }) : '';
}

function signWords(t: TFunction): [keyof PatientFile['visits'][number]['symptoms'], string][] {
  const words = catalogueWords(t);
  return [
    ['swelling', lower(words.symptom('swelling'))],
    ['redness', lower(words.symptom('redness'))],
    ['warmth', lower(words.symptom('warmth'))],
    ['fever', lower(words.symptom('fever'))],
  ];
}

/**
 * The warning signs in the record since `from`: each symptom with the visits it was noted at, a hard end-feel
 * that appeared in a motion of the joint (not one that was hard from the first reading, as elbow extension
 * often is), and pain at end of range up by 3 or more.
 */
export function recordedSigns(file: PatientFile, subject: LetterSubject, from: string, words: LetterWords): string | null {
  const { t, f } = words;
  const names = seriesNames(t, profileWords(t));
  const visits = [...file.visits].filter((v) => v.date >= from).reverse();
  const parts: string[] = [];
  for (const [key, word] of signWords(t)) {
    const dates = visits.filter((v) => v.symptoms[key]).map((v) => v.date);
    if (dates.length === 1) parts.push(t('referral.draft.signOn', { sign: word, date: f.date(dates[0]!) }));
    if (dates.length > 1) parts.push(t('referral.draft.signFromTo', { sign: word, from: f.date(dates[0]!), to: f.date(dates[dates.length - 1]!) }));
  }
  const joints = siteMotionJoints(subject.joint);
  const bySeries = new Map<SeriesKey, { label: string; readings: { date: string; endFeel: string | null; pain: number | null }[] }>();
  for (const v of visits) {
    for (const m of v.measurements) {
      if (m.side !== subject.side || !joints.includes(motionSpec(m.motion).joint)) continue;
      const key = seriesKeyOf(m.side, m.motion, m.mode);
      const entry = bySeries.get(key) ?? { label: lower(names.series(m.side, m.motion, m.mode)), readings: [] };
      entry.readings.push({ date: v.date, endFeel: m.endFeel, pain: m.pain });
      bySeries.set(key, entry);
    }
  }
  const hard: string[] = [];
  const pain: string[] = [];
  for (const { label, readings } of bySeries.values()) {
    const firstHard = readings.findIndex((r) => r.endFeel === 'hard');
    if (firstHard > 0) hard.push(t('referral.draft.hardSince', { series: label, date: f.date(readings[firstHard]!.date) }));
    const scored = readings.filter((r) => r.pain !== null);
    const top = scored.reduce<number | null>((m, r) => (m === null || r.pain! > m ? r.pain! : m), null);
    if (scored.length > 1 && top !== null && top - scored[0]!.pain! >= PAIN_RISE) pain.push(t('referral.draft.painFromTo', { series: label, from: scored[0]!.pain!, to: top }));
  }
  if (hard.length) parts.push(t('referral.draft.hardEndFeel', { list: hard.join(t('referral.draft.andIn')) }));
  if (pain.length) parts.push(t('referral.draft.painUp', { list: pain.join('; ') }));
  return parts.length ? t('referral.draft.signs', { list: parts.join('; ') }) : null;
}

function lossSentence(s: AnalysedSeries | null, { t, f }: LetterWords): string {
  if (!s) return t('referral.draft.noMeasurement');
  const label = lower(seriesNames(t, profileWords(t)).series(s.side, s.motion, s.mode));
  const c = s.verdict.comparison;
  if (s.verdict.kind === 'losing' && c) {
    const values = {
      series: label,
      from: f.degrees(c.from.value),
      fromDate: f.date(c.from.date),
      to: f.degrees(c.to.value),
      toDate: f.date(c.to.date),
      loss: f.degrees(Math.abs(c.change)),
      threshold: f.degrees(s.verdict.threshold.degrees),
    };
    return c.against === 'best' ? t('referral.draft.lossFromBest', values) : t('referral.draft.lossFromFirst', values);
  }
  const latest = s.points[s.points.length - 1];
  return latest ? t('referral.draft.latest', { series: label, value: f.degrees(latest.value), date: f.date(latest.date), reason: reasonWith(s.verdict, t, f) }) : t('referral.draft.noReading', { series: label });
}

/** What the record says of the site: HO suspected, or confirmed on X-ray and still active. */
function statusSentence(file: PatientFile, subject: LetterSubject, { t, f }: LetterWords): string {
  const site = lower(profileWords(t).site(subject.joint, subject.side));
  const watched = file.sites.find((s) => s.joint === subject.joint && s.side === subject.side && s.voided === null);
  if (watched?.status === 'confirmed') {
    const c = watched.classification;
    return c ? t('referral.draft.confirmedXray', { site, date: f.date(c.date), grade: profileWords(t).grade(c.code) }) : t('referral.draft.confirmed', { site });
  }
  return t('referral.draft.suspected', { site });
}

/** The editable body, from "Dear Doctor" to the request; letterhead, chart, closing and signature are drawn around it. */
export function draftLetter(file: PatientFile, analysis: PatientAnalysisResult, worklist: WorklistPatient, subject: LetterSubject, since: string, words: LetterWords): string {
  const { t, f } = words;
  const p = file.patient;
  const series = letterSeries(analysis, subject);
  const signs = recordedSigns(file, subject, since, words);
  const alp = worklist.alp.latest;
  const previous = worklist.alp.previous;
  const alpLine = alp
    ? previous
      ? t('referral.draft.alpWithPrevious', { value: f.number(alp.value), date: f.date(alp.date), limit: f.number(worklist.alp.upperLimit), previous: f.number(previous.value), previousDate: f.date(previous.date) })
      : t('referral.draft.alp', { value: f.number(alp.value), date: f.date(alp.date), limit: f.number(worklist.alp.upperLimit) })
    : t('referral.draft.noAlp');
  return [
    t('referral.draft.dear'),
    t('referral.draft.about', { name: patientDisplayName(p), after: riskPhrase(file, words), status: statusSentence(file, subject, words) }),
    lossSentence(series, words),
    signs ?? t('referral.draft.noSigns'),
    alpLine,
    t('referral.draft.why'),
  ].join('\n\n');
}

/** The whole letter as plain text, as the log keeps it: what the paper said, the chart named in words. */
export function letterText(
  t: TFunction,
  parts: { clinic: string; date: string; addressee: string; regarding: string; body: string; chart: string | null; signature: string },
): string {
  return [
    parts.clinic,
    parts.date,
    t('referral.toLine', { addressee: parts.addressee }),
    t('referral.reLine', { regarding: parts.regarding }),
    parts.body.trim(),
    parts.chart ? t('referral.chartLine', { chart: parts.chart }) : null,
    t('referral.closing'),
    parts.signature,
  ]
    .filter((x): x is string => x !== null && x !== '')
    .join('\n\n');
}
