// What the referral letter says before the therapist edits it, and the plain text kept in the log when it is
// printed. Pure: the patient's file, the back end's analysis (the verdict every screen shows) and the worklist's
// reasons come in, sentences come out.
import type { AnalysedSeries, PatientAnalysisResult } from '../../../shared/api/operations/analysis';
import type { PatientFile } from '../../../shared/api/operations/clinical';
import type { OperationOutput } from '../../../shared/api/contract';
import { formatDegrees, motionSpec, seriesLabel, sideLabel, type JointId, type Side } from '../../../shared/domain/catalogue';
import { PAIN_RISE } from '../../../shared/worklist/settings';
import { CLASSIFICATION_LABELS, RISK_FACTOR_LABELS, siteMotionJoints } from '../../../shared/domain/ho';
import { patientDisplayName } from '../../../shared/domain/patient';
import { seriesKeyOf, type SeriesKey } from '../../../shared/domain/series';

export type WorklistPatient = OperationOutput<'worklist.patient'>;
export type FormatDate = (date: string) => string;

export interface LetterSubject {
  joint: JointId;
  side: Side;
  /** The series to chart and quote; by default the joint's largest loss. */
  seriesKey: string | null;
}

export const REQUEST = 'Please consider a triple-phase bone scan and serum ALP.';
export const CLOSING = 'Yours sincerely,';

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

/** "after severe traumatic brain injury (3 Jan 2026)": the latest injury as recorded, else the latest dated risk factor. */
function riskPhrase(file: PatientFile, fd: FormatDate): string {
  const lower = (t: string) => t.replace(/^./, (c) => c.toLowerCase());
  const injury = file.events.find((e) => e.voided === null && e.kind === 'injury');
  if (injury) return ` after ${lower(injury.title ?? 'an injury')} (${fd(injury.date)})`;
  const factor = file.riskFactors.filter((r) => r.voided === null && r.onsetDate !== null).sort((a, b) => (a.onsetDate! < b.onsetDate! ? 1 : -1))[0];
  return factor ? ` after ${lower(RISK_FACTOR_LABELS[factor.kind] ?? 'a risk event')} (${fd(factor.onsetDate!)})` : '';
}

const SIGN_WORDS = { swelling: 'swelling', redness: 'redness', warmth: 'warmth', fever: 'fever' } as const;

/**
 * The warning signs in the record since `from`: each symptom with the visits it was noted at, a hard end-feel
 * that appeared in a motion of the joint (not one that was hard from the first reading, as elbow extension
 * often is), and pain at end of range up by 3 or more.
 */
export function recordedSigns(file: PatientFile, subject: LetterSubject, from: string, fd: FormatDate): string | null {
  const visits = [...file.visits].filter((v) => v.date >= from).reverse();
  const parts: string[] = [];
  for (const [key, word] of Object.entries(SIGN_WORDS) as [keyof typeof SIGN_WORDS, string][]) {
    const dates = visits.filter((v) => v.symptoms[key]).map((v) => v.date);
    if (dates.length) parts.push(`${word} (${fd(dates[0]!)}${dates.length > 1 ? ` to ${fd(dates[dates.length - 1]!)}` : ''})`);
  }
  const joints = siteMotionJoints(subject.joint);
  const bySeries = new Map<SeriesKey, { label: string; readings: { date: string; endFeel: string | null; pain: number | null }[] }>();
  for (const v of visits) {
    for (const m of v.measurements) {
      if (m.side !== subject.side || !joints.includes(motionSpec(m.motion).joint)) continue;
      const key = seriesKeyOf(m.side, m.motion, m.mode);
      const entry = bySeries.get(key) ?? { label: seriesLabel(m.side, m.motion, m.mode).replace(/^./, (c) => c.toLowerCase()), readings: [] };
      entry.readings.push({ date: v.date, endFeel: m.endFeel, pain: m.pain });
      bySeries.set(key, entry);
    }
  }
  const hard: string[] = [];
  const pain: string[] = [];
  for (const { label, readings } of bySeries.values()) {
    const firstHard = readings.findIndex((r) => r.endFeel === 'hard');
    if (firstHard > 0) hard.push(`${label} since ${fd(readings[firstHard]!.date)}`);
    const scored = readings.filter((r) => r.pain !== null);
    const top = scored.reduce<number | null>((m, r) => (m === null || r.pain! > m ? r.pain! : m), null);
    if (scored.length > 1 && top !== null && top - scored[0]!.pain! >= PAIN_RISE) pain.push(`${label}, from ${scored[0]!.pain} to ${top} of 10`);
  }
  if (hard.length) parts.push(`a hard (bony) end-feel in ${hard.join(' and in ')}`);
  if (pain.length) parts.push(`pain at end of range up in ${pain.join('; ')}`);
  return parts.length ? `Warning signs in the record: ${parts.join('; ')}.` : null;
}

function lossSentence(s: AnalysedSeries | null, fd: FormatDate): string {
  if (!s) return 'Range of motion: no measurement of this joint is recorded yet.';
  const label = s.label.replace(/^./, (c) => c.toLowerCase());
  const c = s.verdict.comparison;
  if (s.verdict.kind === 'losing' && c) {
    const ref = c.against === 'best' ? 'its best' : 'its first reading';
    return `Loss of motion: ${label} has fallen from ${ref}, ${formatDegrees(c.from.value)} (${fd(c.from.date)}), to ${formatDegrees(c.to.value)} (${fd(c.to.date)}): a loss of ${formatDegrees(Math.abs(c.change))}, beyond the ${formatDegrees(s.verdict.threshold.degrees)} we take as a real change at this joint. The chart below shows every reading.`;
  }
  const latest = s.points[s.points.length - 1];
  return latest ? `Range of motion: ${label} is ${formatDegrees(latest.value)} (${fd(latest.date)}). ${s.verdict.reason}` : `Range of motion: ${label} has no reading yet.`;
}

/** What the record says of the site: HO suspected, or confirmed on X-ray and still active. */
function statusSentence(file: PatientFile, subject: LetterSubject, site: string, fd: FormatDate): string {
  const watched = file.sites.find((s) => s.joint === subject.joint && s.side === subject.side && s.voided === null);
  if (watched?.status === 'confirmed') {
    const xray = watched.classification ? ` (X-ray of ${fd(watched.classification.date)}, ${(CLASSIFICATION_LABELS[watched.classification.code] ?? watched.classification.code).split(':')[0]})` : '';
    return `Heterotopic ossification (HO) at the ${site} is confirmed${xray}, and the joint is still losing motion.`;
  }
  return `We suspect heterotopic ossification (HO) at the ${site}.`;
}

/** The editable body, from "Dear Doctor" to the request; letterhead, chart, closing and signature are drawn around it. */
export function draftLetter(file: PatientFile, analysis: PatientAnalysisResult, worklist: WorklistPatient, subject: LetterSubject, since: string, fd: FormatDate): string {
  const p = file.patient;
  const site = `${sideLabel(subject.side).toLowerCase()} ${subject.joint}`;
  const series = letterSeries(analysis, subject);
  const signs = recordedSigns(file, subject, since, fd);
  const alp = worklist.alp.latest;
  const alpLine = alp
    ? `Latest serum alkaline phosphatase: ${alp.value} U/L (${fd(alp.date)}); our laboratory's upper limit is ${worklist.alp.upperLimit} U/L${worklist.alp.previous ? `, and the result before was ${worklist.alp.previous.value} U/L (${fd(worklist.alp.previous.date)})` : ''}.`
    : 'No serum alkaline phosphatase result is recorded yet.';
  return [
    'Dear Doctor,',
    `I am writing about ${patientDisplayName(p)}, whom we see for range-of-motion monitoring${riskPhrase(file, fd)}. ${statusSentence(file, subject, site, fd)}`,
    lossSentence(series, fd),
    signs ?? 'No swelling, redness, warmth, fever, new hard end-feel or rise in pain at end of range is recorded.',
    alpLine,
    `Loss of motion is often the first sign of HO, weeks before it shows on an X-ray, and the sooner it is treated the better the outcome. ${REQUEST}`,
  ].join('\n\n');
}

/** The whole letter as plain text, as the log keeps it: what the paper said, the chart named in words. */
export function letterText(parts: { clinic: string; date: string; addressee: string; regarding: string; body: string; chart: string | null; signature: string }): string {
  return [parts.clinic, parts.date, `To: ${parts.addressee}`, `Re: ${parts.regarding}`, parts.body.trim(), parts.chart ? `[Chart: ${parts.chart}]` : null, CLOSING, parts.signature]
    .filter((x): x is string => x !== null && x !== '')
    .join('\n\n');
}
