// The worklist as of one day: the stored reasons, plus those that depend on the day and the clinic's settings
// (a site due or overdue, an ALP above the laboratory's limit), each as a plain sentence. The back end selects
// and orders patients in SQL with the same rules (electron/db/worklist-repository.ts); the tests hold the two
// to agree.
import { CLASSIFICATION_LABELS, type SiteStatus } from '../domain/ho';
import { formatDegrees, MOTION_SPECS, motionSpec, seriesLabel, SIDES, MODES, type Mode, type MotionKey, type Side } from '../domain/catalogue';
import { daysBetween } from '../domain/dates';
import { parseSeriesKey } from '../domain/series';
import { formatChange } from '../format';
import { durationRef } from '../analysis/format';
import { motionWordRef, siteRef } from '../domain/message-words';
import { englishText, inner, message, type MessageParam, type MessageRef } from '../i18n/message';
import { MONTHLY_DAYS, WEEKLY_DAYS } from './settings';
import type { WorklistSettings } from './settings';
import { alpFinding, type AlpFinding } from './signs';
import { REASON_CODES, REASON_URGENCY, URGENCIES, type PatientSummaryRow, type ReasonCode, type SiteScheduleRow, type StoredReason, type Urgency, type WarningSign, type WorklistReason } from './types';

export type FormatDate = (date: string) => string;


const SIGNS: Readonly<Record<WarningSign, MessageRef>> = {
  swelling: message('catalogue.symptom.swelling'),
  redness: message('catalogue.symptom.redness'),
  warmth: message('catalogue.symptom.warmth'),
  fever: message('catalogue.symptom.fever'),
};

const STATUSES: Readonly<Record<SiteStatus, MessageRef>> = {
  at_risk: message('worklist.status.at_risk'),
  suspected: message('worklist.status.suspected'),
  confirmed: message('worklist.status.confirmed'),
  excised: message('worklist.status.excised'),
};

// The catalogue's motion names (the keys the screens use too, renderer/src/i18n/catalogue-words.ts).

/** "flexion (active)": the motion of a series whose joint is said already. */
const motionRef = (motion: MotionKey, mode: Mode): MessageRef => {
  const spec = motionSpec(motion);
  const values = { motion: inner(motionWordRef(spec.motion)) };
  return mode === 'active' ? message('worklist.motionMode.active', values) : message('worklist.motionMode.passive', values);
};

/** "Right elbow flexion (active)". */
const seriesRef = (side: Side, motion: MotionKey, mode: Mode): MessageRef => {
  const joint = motionSpec(motion).joint;
  return message('worklist.series', { site: { message: siteRef(joint, side) }, motion: inner(motionRef(motion, mode)) });
};

// Stored reasons keep their series by English label (the summary rows are written once and kept): read back here.
let seriesByLabel: Map<string, MessageRef> | null = null;
function seriesOfLabel(label: string): MessageParam {
  seriesByLabel ??= new Map(SIDES.flatMap((side) => MOTION_SPECS.flatMap((m) => MODES.map((mode) => [seriesLabel(side, m.key, mode), seriesRef(side, m.key, mode)] as const))));
  const ref = seriesByLabel.get(label);
  return ref ? { message: ref } : label;
}

// What a schedule is counted from, as stored (schedule.ts scheduleAnchor); a risk factor's name stays as stored.
const ANCHORS: Readonly<Record<string, MessageRef>> = {
  'the injury': message('worklist.anchor.injury'),
  'the operation': message('worklist.anchor.operation'),
  'the excision': message('worklist.anchor.excision'),
  'the site was marked': message('worklist.anchor.marked'),
};

/**
 * The reason's English text for API callers, with the clinic's dates (the same message the screen writes in the
 * person's language).
 */
function withText(reason: Omit<WorklistReason, 'text'>, fd: FormatDate): WorklistReason {
  const format = { date: fd, degrees: formatDegrees, change: formatChange, number: (n: number) => String(n) };
  return { ...reason, text: englishText(reason.message, format) };
}

/** Whether a scheduled site is due or overdue today; null when neither (not yet due, or the schedule ended). */
export function dueState(s: Pick<SiteScheduleRow, 'dueOn' | 'overdueOn' | 'endsOn'>, today: string): 'due' | 'overdue' | null {
  if (s.dueOn === null || s.overdueOn === null || s.endsOn === null) return null;
  if (today < s.dueOn || today > s.endsOn) return null;
  return today >= s.overdueOn ? 'overdue' : 'due';
}

type SummaryOnDay = { patient: PatientSummaryRow; sites: readonly SiteScheduleRow[]; reasons: readonly StoredReason[]; dateOfBirth: string | null };

/** A reason whose English text the caller may have left out (the screen writes the message itself). */
export type ReasonOnDay = Omit<WorklistReason, 'text'> & { text?: string };

/**
 * Every reason of one patient on `today`, most urgent first (then in code order, then as stored). The date of
 * birth decides whether an ALP result is compared with the clinic's adult limit (null: it is). `details: false`
 * leaves out the verdict's longer sentence: the clinic-wide list shows it only when a reason is pointed at, and
 * asks for it then ('worklist.patient'), so a page does not carry fifty verdicts' messages. `englishText: false`
 * leaves out the English text, for a screen that writes each message in the person's language.
 */
export function reasonsOn(summary: SummaryOnDay, today: string, settings: WorklistSettings, formatDate: FormatDate, options?: { details: boolean; englishText?: true }): WorklistReason[];
export function reasonsOn(summary: SummaryOnDay, today: string, settings: WorklistSettings, formatDate: FormatDate, options: { details: boolean; englishText: boolean }): ReasonOnDay[];
export function reasonsOn(
  summary: SummaryOnDay,
  today: string,
  settings: WorklistSettings,
  formatDate: FormatDate,
  options: { details: boolean; englishText?: boolean } = { details: true },
): ReasonOnDay[] {
  const losing = summary.reasons.filter((r) => r.code === 'losing');
  const out: Omit<WorklistReason, 'text'>[] = [
    ...losingByJoint(losing, today, options.details),
    ...summary.reasons.filter((r) => r.code !== 'losing').map((r) => storedReason(r, today)),
  ];
  for (const s of summary.sites) {
    const state = dueState(s, today);
    if (state) out.push({ code: state, message: dueMessage(s, state, today), joint: s.joint, side: s.side });
  }
  const alp = alpFinding(summary.patient, { today, upperLimit: settings.alpUpperLimit, dateOfBirth: summary.dateOfBirth });
  if (alp) out.push({ code: 'alp_high', message: alpMessage(alp, settings.alpUpperLimit, today) });
  const rank = (r: Pick<WorklistReason, 'code'>) => RANK.get(r.code) ?? 0;
  return out
    .map((r, i) => ({ r, i }))
    .sort((a, b) => rank(a.r) - rank(b.r) || a.i - b.i)
    .map(({ r }) => (options.englishText === false ? r : withText(r, formatDate)));
}

/** A reason's place in a patient's list: by urgency, then in code order. */
const RANK = new Map<ReasonCode, number>(REASON_CODES.map((code, i) => [code, URGENCIES.indexOf(REASON_URGENCY[code]) * 10 + i]));

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

function ago(date: string, today: string): MessageParam {
  const days = daysBetween(date, today);
  return { message: days <= 0 ? message('worklist.ago.today') : message('worklist.ago', { duration: { message: durationRef(days) } }) };
}

type Reason = Omit<WorklistReason, 'text'>;

function storedReason(r: StoredReason, today: string): Reason {
  const where = r.joint && r.side ? { joint: r.joint, side: r.side } : {};
  const f = r.facts;
  const base = { code: r.code as ReasonCode, ...where, ...(r.seriesKey ? { seriesKey: r.seriesKey } : {}) };
  const site = () => siteRef(r.joint!, r.side!);
  switch (f.code) {
    case 'losing':
      return losingByJoint([r], today, true)[0]!;
    case 'warning_signs':
      if (f.kind === 'symptoms') return { ...base, message: message('worklist.reason.symptoms', { signs: { list: f.signs.map((sign) => inner(SIGNS[sign])) }, date: { date: f.date } }) };
      if (f.kind === 'hard_end_feel') return { ...base, message: message('worklist.reason.hardEndFeel', { site: inner(site()), date: { date: f.date }, motions: { list: f.motions.map(seriesOfLabel), join: 'semicolon' } }) };
      return { ...base, message: message('worklist.reason.pain', { from: f.from, to: f.to, series: painSeries(r, f.label), date: { date: f.date } }) };
    case 'profile_out_of_date': {
      const status = inner(STATUSES[f.status]);
      if (f.kind === 'graded_xray') {
        // The grade's name ("Brooker III", "Hastings-Graham IIA") is the same in every language.
        const grade = (CLASSIFICATION_LABELS[f.classification] ?? f.classification).split(':')[0]!;
        return { ...base, message: message('worklist.reason.gradedXray', { site: { message: site() }, date: { date: f.date }, grade, status }) };
      }
      return { ...base, message: message('worklist.reason.excised', { site: { message: site() }, date: { date: f.date }, status }) };
    }
  }
}

function painSeries(r: StoredReason, label: string): MessageParam {
  const id = r.seriesKey ? parseSeriesKey(r.seriesKey) : null;
  return id ? inner(seriesRef(id.side, id.motion, id.mode)) : label.toLowerCase();
}

/**
 * One reason per joint and side: an elbow losing flexion and extension, active and passive, is one thing to act
 * on. Each series with its loss; the series with the largest loss (beyond its threshold) names the chart.
 */
function losingByJoint(reasons: readonly StoredReason[], today: string, details: boolean): Reason[] {
  type Losing = { reason: StoredReason; facts: Extract<StoredReason['facts'], { code: 'losing' }> };
  const groups = new Map<string, Losing[]>();
  for (const r of reasons) {
    if (r.facts.code !== 'losing') continue;
    const key = `${r.side}.${r.joint}`;
    groups.set(key, [...(groups.get(key) ?? []), { reason: r, facts: r.facts }]);
  }
  return [...groups.values()].map((group) => {
    const r = group[0]!.reason;
    const worst = group.reduce((a, b) => (b.facts.change / b.facts.threshold < a.facts.change / a.facts.threshold ? b : a));
    const latest = group.reduce((a, b) => (b.facts.to.date > a.facts.to.date ? b : a)).facts.to.date;
    const first = group[0]!.facts;
    const sameReference = group.every(({ facts: f }) => f.against === first.against && f.from.date === first.from.date);
    const reference = (f: Losing['facts']): MessageParam => {
      const date = { date: f.from.date };
      return { message: f.against === 'best' ? message('worklist.losing.fromBest', { date }) : message('worklist.losing.fromBaseline', { date }) };
    };
    const parts = group.map(({ reason, facts: f }): MessageParam => {
      const id = reason.seriesKey ? parseSeriesKey(reason.seriesKey) : null;
      const motion: MessageParam = id ? { message: motionRef(id.motion, id.mode) } : f.label;
      const values = { motion, from: { degrees: f.from.value }, to: { degrees: f.to.value }, change: { degrees: f.change } };
      return { message: sameReference ? message('worklist.losing.part', values) : message('worklist.losing.partFrom', { ...values, reference: reference(f) }) };
    });
    const values = { site: { message: siteRef(r.joint!, r.side!) }, parts: { list: parts, join: 'semicolon' as const }, latest: { date: latest }, ago: ago(latest, today), threshold: { degrees: worst.facts.threshold } };
    return {
      code: 'losing' as const,
      message: sameReference ? message('worklist.reason.losing', { ...values, reference: reference(first) }) : message('worklist.reason.losingMixed', values),
      joint: r.joint!,
      side: r.side!,
      seriesKey: worst.reason.seriesKey!,
      // The verdict's own sentence, in English as the analysis wrote it when the summary was kept.
      ...(details ? { detail: worst.facts.reason } : {}),
      ...(details && worst.facts.reasonRef ? { detailRef: worst.facts.reasonRef } : {}),
    };
  });
}

function intervalRef(days: number): MessageParam {
  if (days === WEEKLY_DAYS) return { message: message('worklist.interval.weekly') };
  if (days === MONTHLY_DAYS) return { message: message('worklist.interval.fourWeeks') };
  return { message: message('worklist.interval.days', { count: days }) };
}

function dueMessage(s: SiteScheduleRow, state: 'due' | 'overdue', today: string): MessageRef {
  const anchor = ANCHORS[s.anchorWhat];
  const values = {
    site: { message: siteRef(s.joint, s.side) },
    status: inner(STATUSES[s.status]),
    last: { message: s.lastMeasured ? message('worklist.lastMeasured', { date: { date: s.lastMeasured } }) : message('worklist.notMeasuredYet') },
    schedule: { message: message('worklist.schedule', { interval: intervalRef(s.intervalDays!), anchor: anchor ? { message: anchor } : s.anchorWhat, date: { date: s.anchorDate } }) },
    due: { date: s.dueOn! },
  };
  if (state === 'overdue') return message('worklist.reason.overdue', { ...values, ago: ago(s.dueOn!, today) });
  return s.dueOn === today ? message('worklist.reason.dueToday', values) : message('worklist.reason.dueSince', values);
}

function alpMessage(a: AlpFinding, limit: number, today: string): MessageRef {
  const { latest, previous } = a;
  const above: MessageParam = { message: message('worklist.alp.above', { limit: { number: limit } }) };
  const risen: MessageParam | null =
    a.risen && previous ? { message: message('worklist.alp.risen', { percent: Math.round((latest.value / previous.value - 1) * 100), value: { number: previous.value }, date: { date: previous.date } }) } : null;
  const finding: MessageParam = a.aboveLimit && risen ? { message: message('worklist.alp.both', { above, risen }) } : a.aboveLimit ? above : risen!;
  const child = a.beforeAdult && latest.value > limit;
  const values = { value: { number: latest.value }, date: { date: latest.date }, ago: ago(latest.date, today), finding };
  return child ? message('worklist.reason.alpChild', values) : message('worklist.reason.alp', values);
}
