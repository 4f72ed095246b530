// The shape of one sample patient's story, and the small helpers the stories are written with.
// Days count from the story's day 0 (the injury or operation); the generator turns them into dates
// relative to the anchor, so the same anchor always gives the same records.
import type { JointId, MotionKey, Side } from '../../shared/domain/catalogue';
import { parseCalendarDate } from '../../shared/domain/dates';
import type { EventKind } from '../../shared/domain/event';
import type { RiskFactorKind, SiteStatus } from '../../shared/domain/ho';
import type { EndFeel, Instrument, Symptoms, VISIT_SETTINGS } from '../../shared/domain/visit';

export type Day = number;
/** [day, value] points joined by straight lines; flat before the first and after the last. */
export type Keyframes = readonly (readonly [Day, number])[];
/** [from day, value] steps: each value holds from its day until the next step. */
export type Steps<T> = readonly (readonly [Day, T])[];

export interface StoryPatient {
  familyName: string;
  givenNames: string;
  /** SAMPLE-nnn, so sample patients are recognisable on every screen and report. */
  clinicId: string;
  sex: 'female' | 'male';
  /** Age in whole years on the anchor date, and the birthday (MM-DD, never 02-29). */
  age: number;
  birthday: string;
}

export interface StorySite {
  joint: JointId;
  side: Side;
  /** The first entry adds the site; each later one is a status change on its day. */
  statuses: readonly { day: Day; status: SiteStatus; note?: string }[];
}

export interface StoryEvent {
  kind: EventKind;
  day: Day;
  /** Drug courses: the last day of the course. */
  endDay?: Day;
  joint?: JointId;
  side?: Side;
  title?: string;
  value?: number;
  unit?: string;
  classification?: string;
  note?: string;
}

/** One motion of one side, followed over the story. */
export interface StorySeries {
  motion: MotionKey;
  side: Side;
  /** The true passive range over time; readings add noise, active readings sit 3-5 below it. */
  passive: Keyframes;
  /**
   * Which readings are taken: 'both' (default), 'passive' only (a paralysed or hemiplegic limb cannot
   * move itself), or 'active' only.
   */
  modes?: 'both' | 'passive' | 'active';
  /** Measured at every nth visit only (the other, unaffected side as a reference); default every visit. */
  every?: number;
  /** Noise amplitude in degrees; default 2. */
  noise?: number;
  /** End-feel of the passive reading (a hard end-feel appearing is a warning sign of HO). */
  endFeel?: Steps<EndFeel>;
  /** Pain (0-10) at end of passive range. */
  pain?: Steps<number>;
}

export interface Story {
  /** Seeds this story's noise. */
  seed: number;
  /** One line, for the report and the test names. */
  summary: string;
  patient: StoryPatient;
  /** Days from day 0 to the anchor: every record falls on or before the anchor. */
  daysAgo: number;
  instrument?: Instrument;
  riskFactors: readonly { kind: RiskFactorKind; day: Day; note: string }[];
  sites: readonly StorySite[];
  events: readonly StoryEvent[];
  visitDays: readonly Day[];
  /** Visits up to this day are on the ward, later ones in the outpatient clinic. */
  inpatientUntil?: Day;
  /** Which therapist measures at the nth visit: 0 the one working, 1 a colleague. Default: every third visit. */
  rater?: (visitIndex: number) => 0 | 1;
  symptoms?: (day: Day) => Partial<Symptoms>;
  notes?: Readonly<Record<Day, string>>;
  series: readonly StorySeries[];
}

export type VisitSetting = (typeof VISIT_SETTINGS)[number];

/** Days from `from` to `to` (both included when on the step), every `step` days. */
export function everyDays(from: Day, to: Day, step: number): Day[] {
  const out: Day[] = [];
  for (let d = from; d <= to; d += step) out.push(d);
  return out;
}

export function valueAt(frames: Keyframes, day: Day): number {
  const first = frames[0];
  if (!first) throw new RangeError('A series needs at least one keyframe.');
  if (day <= first[0]) return first[1];
  for (let i = 1; i < frames.length; i++) {
    const [d1, v1] = frames[i]!;
    const [d0, v0] = frames[i - 1]!;
    if (day <= d1) return v0 + ((v1 - v0) * (day - d0)) / (d1 - d0);
  }
  return frames[frames.length - 1]![1];
}

export function stepAt<T>(steps: Steps<T> | undefined, day: Day): T | null {
  let value: T | null = null;
  for (const [from, v] of steps ?? []) if (day >= from) value = v;
  return value;
}

/** A calendar date plus (or minus) whole days, in UTC so no time zone or daylight saving shifts it. */
export function addDays(date: string, days: number): string {
  const d = parseCalendarDate(date);
  if (!d) throw new RangeError(`Not a calendar date: ${date}`);
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return `${String(t.getUTCFullYear()).padStart(4, '0')}-${String(t.getUTCMonth() + 1).padStart(2, '0')}-${String(t.getUTCDate()).padStart(2, '0')}`;
}
