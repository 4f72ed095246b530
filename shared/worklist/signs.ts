// The worklist's reasons that need no trend: warning signs at the latest visit, a profile that no longer matches
// the imaging or the operations, and the patient's ALP results. Pure, from the patient's current records.
import { isMotionKey, seriesLabel, type JointId, type Side } from '../domain/catalogue';
import { siteMotionJoints, type SiteStatus } from '../domain/ho';
import { seriesKeyOf } from '../domain/series';
import { parseCalendarDate } from '../domain/dates';
import { ALP_ACTIVE_WINDOW_MONTHS, ALP_ADULT_AGE, ALP_RISE_FRACTION, PAIN_RISE } from './settings';
import type { LabValue, PatientSummaryRow, StoredReason, WarningSign } from './types';

export interface VisitLike {
  date: string;
  therapistId: string | null;
  symptoms: Record<WarningSign, boolean>;
  measurements: readonly MeasurementLike[];
}
export interface MeasurementLike {
  motion: string;
  side: Side;
  mode: 'active' | 'passive';
  endFeel: string | null;
  pain: number | null;
}
export interface SiteLike {
  joint: JointId;
  side: Side;
  status: SiteStatus;
  since: string;
}
export interface EventLike {
  kind: string;
  date: string;
  recordedAt: string;
  joint: JointId | null;
  side: Side | null;
  title: string | null;
  value: number | null;
  unit: string | null;
  classification: string | null;
  voided: unknown;
}

const SIGNS: readonly WarningSign[] = ['swelling', 'redness', 'warmth', 'fever'];

const jointOfMotion = (motion: string) => motion.split('.')[0] as JointId;

/**
 * At the latest visit (visits newest first): swelling, redness, warmth or fever the visit before did not have
 * (the first visit counts: there was none before); and, per watched series, a hard end-feel where its previous
 * reading was not hard, or pain at end of range up by PAIN_RISE or more. A hard end-feel is compared per series
 * because some motions end hard when normal (elbow extension): only a new one is a sign.
 */
export function warningSigns(visits: readonly VisitLike[], sites: readonly SiteLike[]): StoredReason[] {
  const [latest, previous] = visits;
  if (!latest) return [];
  const out: StoredReason[] = [];
  const signs = SIGNS.filter((s) => latest.symptoms[s] && !previous?.symptoms[s]);
  if (signs.length > 0) out.push({ code: 'warning_signs', joint: null, side: null, seriesKey: null, facts: { code: 'warning_signs', kind: 'symptoms', signs, date: latest.date } });

  for (const site of sites) {
    const joints = siteMotionJoints(site.joint);
    const hard: string[] = [];
    for (const m of latest.measurements) {
      if (!isMotionKey(m.motion) || m.side !== site.side || !joints.includes(jointOfMotion(m.motion))) continue;
      const before = previousReading(visits, m);
      if (before === null) continue;
      const label = seriesLabel(m.side, m.motion, m.mode);
      if (m.endFeel === 'hard' && before.endFeel !== 'hard') hard.push(label);
      if (m.pain !== null && before.pain !== null && m.pain - before.pain >= PAIN_RISE) {
        out.push({
          code: 'warning_signs',
          joint: site.joint,
          side: site.side,
          seriesKey: seriesKeyOf(m.side, m.motion, m.mode),
          facts: { code: 'warning_signs', kind: 'pain', label, from: before.pain, to: m.pain, date: latest.date },
        });
      }
    }
    if (hard.length > 0) out.push({ code: 'warning_signs', joint: site.joint, side: site.side, seriesKey: null, facts: { code: 'warning_signs', kind: 'hard_end_feel', motions: hard, date: latest.date } });
  }
  return out;
}

/** The same series' reading at the most recent earlier visit that measured it. */
function previousReading(visits: readonly VisitLike[], m: MeasurementLike): MeasurementLike | null {
  for (let i = 1; i < visits.length; i++) {
    const found = visits[i]!.measurements.find((o) => o.motion === m.motion && o.side === m.side && o.mode === m.mode);
    if (found) return found;
  }
  return null;
}

/** Current events, newest first by date then by when they were recorded. */
function newestFirst<E extends EventLike>(events: readonly E[]): E[] {
  return events.filter((e) => e.voided === null).sort((a, b) => (a.date !== b.date ? (a.date < b.date ? 1 : -1) : a.recordedAt < b.recordedAt ? 1 : a.recordedAt > b.recordedAt ? -1 : 0));
}

/**
 * A site that still reads at risk or suspected although its latest graded X-ray shows HO (any grade but
 * Brooker 0) and no excision followed it; a site not marked excised although it was excised after its status
 * was set (a later status, such as at risk of recurrence, is the therapist's deliberate choice).
 */
export function profileChecks(sites: readonly SiteLike[], events: readonly EventLike[]): StoredReason[] {
  const current = newestFirst(events);
  const out: StoredReason[] = [];
  for (const site of sites) {
    const ofSite = (kind: string) => current.filter((e) => e.kind === kind && e.joint === site.joint && e.side === site.side);
    const excision = ofSite('excision')[0] ?? null;
    const xray = ofSite('xray').find((e) => e.classification !== null) ?? null;
    if ((site.status === 'at_risk' || site.status === 'suspected') && xray && xray.classification !== 'brooker:0' && !(excision && excision.date >= xray.date)) {
      out.push({
        code: 'profile_out_of_date',
        joint: site.joint,
        side: site.side,
        seriesKey: null,
        facts: { code: 'profile_out_of_date', kind: 'graded_xray', status: site.status, classification: xray.classification!, date: xray.date },
      });
    }
    if (site.status !== 'excised' && excision && excision.date > site.since) {
      out.push({ code: 'profile_out_of_date', joint: site.joint, side: site.side, seriesKey: null, facts: { code: 'profile_out_of_date', kind: 'excision', status: site.status, date: excision.date } });
    }
  }
  return out;
}

/** Serum alkaline phosphatase results, as the lab-result form records them (title naming the test, U/L). */
export function isAlp(e: Pick<EventLike, 'kind' | 'title' | 'value' | 'unit'>): boolean {
  return e.kind === 'lab_result' && e.value !== null && (e.title ?? '').toLowerCase().includes('alkaline phosphatase') && (e.unit === null || e.unit === 'U/L');
}

/** The latest two ALP results. */
export function alpResults(events: readonly EventLike[]): { latest: LabValue | null; previous: LabValue | null } {
  const alp = newestFirst(events).filter(isAlp);
  const at = (i: number): LabValue | null => (alp[i] ? { value: alp[i]!.value!, date: alp[i]!.date } : null);
  return { latest: at(0), previous: at(1) };
}

/** What the patient's ALP results say on a given day; null when they are no reason to act. */
export interface AlpFinding {
  latest: LabValue;
  previous: LabValue | null;
  /** Above the clinic's (adult) upper limit, in a result taken at 18 or older. */
  aboveLimit: boolean;
  /** Up by more than ALP_RISE_FRACTION since the previous result, at any age. */
  risen: boolean;
  /** Taken before the patient's 18th birthday: the adult limit was not applied. */
  beforeAdult: boolean;
}

/**
 * The latest ALP as a reason on `today`: within the active window (ALP_ACTIVE_WINDOW_MONTHS), above the limit
 * when the patient was an adult at the date of the result, or up by more than half at any age. An unknown date
 * of birth applies the limit. The worklist's SQL (electron/db/worklist-query.ts) follows the same rule, with
 * alpWindowStart and adultFrom's dates.
 */
export function alpFinding(
  p: Pick<PatientSummaryRow, 'alpLatest' | 'alpPrevious'>,
  on: { today: string; upperLimit: number; dateOfBirth: string | null },
): AlpFinding | null {
  const latest = p.alpLatest;
  if (!latest || latest.date < alpWindowStart(on.today)) return null;
  const beforeAdult = on.dateOfBirth !== null && latest.date < adultFrom(on.dateOfBirth);
  const aboveLimit = !beforeAdult && latest.value > on.upperLimit;
  const risen = p.alpPrevious !== null && latest.value > p.alpPrevious.value * (1 + ALP_RISE_FRACTION);
  return aboveLimit || risen ? { latest, previous: p.alpPrevious, aboveLimit, risen, beforeAdult } : null;
}

/** The first day an ALP result still counts on `today`: ALP_ACTIVE_WINDOW_MONTHS before it (end of a shorter month). */
export function alpWindowStart(today: string): string {
  const d = parseCalendarDate(today);
  if (!d) throw new RangeError(`Not a calendar date: ${today}`);
  const months = d.year * 12 + (d.month - 1) - ALP_ACTIVE_WINDOW_MONTHS;
  const year = Math.floor(months / 12);
  const month = (months % 12) + 1;
  const day = Math.min(d.day, new Date(Date.UTC(year, month, 0)).getUTCDate());
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The ALP_ADULT_AGE birthday as text, "YYYY-MM-DD" with the year moved on: compared as text with a result's date,
 * so a birthday on 29 February counts from 1 March in other years (as ageInYears does). Written as text, not
 * as a date, so SQL can build the same string (worklist-query.ts).
 */
export function adultFrom(dateOfBirth: string): string {
  return `${String(Number(dateOfBirth.slice(0, 4)) + ALP_ADULT_AGE).padStart(4, '0')}${dateOfBirth.slice(4)}`;
}
