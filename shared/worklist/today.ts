// The worklist as of one day: the stored reasons, plus those that depend on the day and the clinic's settings
// (a site due or overdue, an ALP above the laboratory's limit), each as a plain sentence. The back end selects
// and orders patients in SQL with the same rules (electron/db/worklist-repository.ts); the tests hold the two
// to agree.
import { formatDegrees, sideLabel, type JointId, type Side } from '../domain/catalogue';
import { daysBetween } from '../domain/dates';
import { CLASSIFICATION_LABELS, SITE_STATUS_LABELS } from '../domain/ho';
import { formatDuration } from '../analysis/format';
import { intervalWords } from './schedule';
import type { WorklistSettings } from './settings';
import { alpFinding, type AlpFinding } from './signs';
import { REASON_CODES, REASON_URGENCY, URGENCIES, type PatientSummaryRow, type ReasonCode, type SiteScheduleRow, type StoredReason, type Urgency, type WorklistReason } from './types';

export type FormatDate = (date: string) => string;

const site = (joint: JointId, side: Side) => `${sideLabel(side)} ${joint}`;

/** Whether a scheduled site is due or overdue today; null when neither (not yet due, or the schedule ended). */
export function dueState(s: Pick<SiteScheduleRow, 'dueOn' | 'overdueOn' | 'endsOn'>, today: string): 'due' | 'overdue' | null {
  if (s.dueOn === null || s.overdueOn === null || s.endsOn === null) return null;
  if (today < s.dueOn || today > s.endsOn) return null;
  return today >= s.overdueOn ? 'overdue' : 'due';
}

/**
 * Every reason of one patient on `today`, most urgent first (then in code order, then as stored). The date of
 * birth decides whether an ALP result is compared with the clinic's adult limit (null: it is).
 */
export function reasonsOn(
  summary: { patient: PatientSummaryRow; sites: readonly SiteScheduleRow[]; reasons: readonly StoredReason[]; dateOfBirth: string | null },
  today: string,
  settings: WorklistSettings,
  formatDate: FormatDate,
): WorklistReason[] {
  const losing = summary.reasons.filter((r) => r.code === 'losing');
  const out: WorklistReason[] = [...losingByJoint(losing, today, formatDate), ...summary.reasons.filter((r) => r.code !== 'losing').map((r) => storedText(r, today, formatDate))];
  for (const s of summary.sites) {
    const state = dueState(s, today);
    if (state) out.push({ code: state, text: dueText(s, state, today, formatDate), joint: s.joint, side: s.side });
  }
  const alp = alpFinding(summary.patient, { today, upperLimit: settings.alpUpperLimit, dateOfBirth: summary.dateOfBirth });
  if (alp) out.push({ code: 'alp_high', text: alpText(alp, settings.alpUpperLimit, today, formatDate) });
  const rank = (r: WorklistReason) => URGENCIES.indexOf(REASON_URGENCY[r.code]) * 10 + REASON_CODES.indexOf(r.code);
  return out.map((r, i) => ({ r, i })).sort((a, b) => rank(a.r) - rank(b.r) || a.i - b.i).map(({ r }) => r);
}

export function urgencyOf(reasons: readonly Pick<WorklistReason, 'code'>[]): Urgency | null {
  for (const u of URGENCIES) if (reasons.some((r) => REASON_URGENCY[r.code] === u)) return u;
  return null;
}

/** The earliest due date of the patient's scheduled sites, past or coming. */
export function nextDueOf(sites: readonly Pick<SiteScheduleRow, 'dueOn' | 'endsOn'>[], today: string): string | null {
  let next: string | null = null;
  for (const s of sites) if (s.dueOn !== null && s.endsOn !== null && s.endsOn >= today && (next === null || s.dueOn < next)) next = s.dueOn;
  return next;
}

function ago(date: string, today: string): string {
  const days = daysBetween(date, today);
  return days <= 0 ? 'today' : `${formatDuration(days)} ago`;
}

function storedText(r: StoredReason, today: string, fd: FormatDate): WorklistReason {
  const where = r.joint && r.side ? { joint: r.joint, side: r.side } : {};
  const f = r.facts;
  const base = { code: r.code as ReasonCode, ...where, ...(r.seriesKey ? { seriesKey: r.seriesKey } : {}) };
  switch (f.code) {
    case 'losing':
      return losingByJoint([r], today, fd)[0]!;
    case 'warning_signs':
      if (f.kind === 'symptoms') return { ...base, text: `New ${listWords(f.signs)} at the visit of ${fd(f.date)}, not noted at the visit before.` };
      if (f.kind === 'hard_end_feel') return { ...base, text: `New hard (bony) end-feel at the ${site(r.joint!, r.side!).toLowerCase()} on ${fd(f.date)}: ${f.motions.join('; ')}.` };
      return { ...base, text: `Pain at end of range up from ${f.from} to ${f.to} (of 10) in ${f.label.toLowerCase()} on ${fd(f.date)}.` };
    case 'profile_out_of_date': {
      const status = SITE_STATUS_LABELS[f.status].toLowerCase();
      if (f.kind === 'graded_xray') {
        const grade = (CLASSIFICATION_LABELS[f.classification] ?? f.classification).split(':')[0];
        return { ...base, text: `${site(r.joint!, r.side!)}: the X-ray of ${fd(f.date)} is graded ${grade}, but the site still reads ${status}. Mark it confirmed if HO is confirmed.` };
      }
      return { ...base, text: `${site(r.joint!, r.side!)}: excised on ${fd(f.date)}, but the site still reads ${status}. Mark it excised (or at risk of recurrence from that date).` };
    }
  }
}

/**
 * One reason per joint and side: an elbow losing flexion and extension, active and passive, is one thing to act
 * on. Each series with its loss; the series with the largest loss (beyond its threshold) names the chart.
 */
function losingByJoint(reasons: readonly StoredReason[], today: string, fd: FormatDate): WorklistReason[] {
  const groups = new Map<string, Extract<StoredReason['facts'], { code: 'losing' }>[]>();
  const first = new Map<string, StoredReason>();
  for (const r of reasons) {
    if (r.facts.code !== 'losing') continue;
    const key = `${r.side}.${r.joint}`;
    if (!first.has(key)) first.set(key, r);
    groups.set(key, [...(groups.get(key) ?? []), r.facts]);
  }
  return [...groups].map(([key, facts]) => {
    const r = first.get(key)!;
    const worst = facts.reduce((a, b) => (b.change / b.threshold < a.change / a.threshold ? b : a));
    const worstReason = reasons.find((x) => x.facts === worst)!;
    const latest = facts.reduce((a, b) => (b.to.date > a.to.date ? b : a)).to.date;
    const sameReference = facts.every((f) => f.against === facts[0]!.against && f.from.date === facts[0]!.from.date);
    const reference = (f: (typeof facts)[number]) => `${f.against === 'best' ? 'the best' : 'baseline'} of ${fd(f.from.date)}`;
    const parts = facts.map((f) => `${motionWords(f.label, r.joint!, r.side!)} ${formatDegrees(f.from.value)} → ${formatDegrees(f.to.value)} (${formatDegrees(f.change)}${sameReference ? '' : `, from ${reference(f)}`})`);
    const compared = sameReference ? `from ${reference(facts[0]!)}, ` : '';
    return {
      code: 'losing' as const,
      text: `${site(r.joint!, r.side!)} losing motion: ${parts.join('; ')}; ${compared}latest ${fd(latest)} (${ago(latest, today)}), threshold ${formatDegrees(worst.threshold)}.`,
      joint: r.joint!,
      side: r.side!,
      seriesKey: worstReason.seriesKey!,
      detail: worst.reason,
    };
  });
}

/** "Right elbow flexion (active)" → "flexion (active)", the joint being said once for the group. */
function motionWords(label: string, joint: JointId, side: Side): string {
  const prefix = `${sideLabel(side)} ${joint} `;
  return label.startsWith(prefix) ? label.slice(prefix.length) : label;
}

function dueText(s: SiteScheduleRow, state: 'due' | 'overdue', today: string, fd: FormatDate): string {
  const status = SITE_STATUS_LABELS[s.status].toLowerCase();
  const last = s.lastMeasured ? `last measured ${fd(s.lastMeasured)}` : 'not measured yet';
  const schedule = `${intervalWords(s.intervalDays!)} after ${s.anchorWhat} (${fd(s.anchorDate)})`;
  if (state === 'overdue') return `${site(s.joint, s.side)} (${status}): overdue, due ${fd(s.dueOn!)} (${ago(s.dueOn!, today)}); ${last}; measured ${schedule}.`;
  return `${site(s.joint, s.side)} (${status}): due ${s.dueOn === today ? 'today' : `since ${fd(s.dueOn!)}`}; ${last}; measured ${schedule}.`;
}

function alpText(a: AlpFinding, limit: number, today: string, fd: FormatDate): string {
  const { latest, previous } = a;
  const parts: string[] = [];
  if (a.aboveLimit) parts.push(`above the clinic's upper limit of ${limit} U/L`);
  if (a.risen && previous) {
    const pct = Math.round((latest.value / previous.value - 1) * 100);
    parts.push(`up ${pct} % from ${previous.value} U/L on ${fd(previous.date)}`);
  }
  const child = a.beforeAdult && latest.value > limit ? ' (taken before the age of 18: the adult limit does not apply)' : '';
  return `Alkaline phosphatase ${latest.value} U/L on ${fd(latest.date)} (${ago(latest.date, today)}): ${parts.join(', and ')}${child}.`;
}

function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}
