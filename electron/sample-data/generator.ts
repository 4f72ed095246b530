// Sample patients made through the API operations only (never SQL), so every record passes the same
// validation, audit and versioning as one typed by a therapist. Deterministic: the noise comes from a
// seeded generator per story, and every date is a whole number of days from the anchor.
import { randomBytes } from 'node:crypto';
import type { OperationInput } from '../../shared/api/contract';
import { motionSpec } from '../../shared/domain/catalogue';
import { isCalendarDate, todayLocal } from '../../shared/domain/dates';
import type { Dispatch } from '../api/dispatch';
import { caller, SampleDataError, type Caller } from './call';
import { SAMPLE_COLLEAGUE } from './people';
import { intBetween, mulberry32, noise } from './random';
import { addDays, stepAt, valueAt, type Day, type Story } from './story';
import { brainInjuryElbow, spinalCordHips, strokeShoulder } from './stories-neuro';
import { burnsElbows, hipRadiation, immobilityKnee } from './stories-other';

/** The six stories, in the order the patients are created. */
export const SAMPLE_STORIES: readonly Story[] = [brainInjuryElbow, hipRadiation, spinalCordHips, burnsElbows, immobilityKnee, strokeShoulder];

export interface SampleDataOptions {
  /** The date the stories end on or before (YYYY-MM-DD); default today, so no record is in the future. */
  anchor?: string;
}

export interface SampleDataResult {
  patients: number;
  visits: number;
  measurements: number;
  events: number;
  patientIds: string[];
}

type MeasurementEntry = OperationInput<'visits.record'>['measurements'][number];

/**
 * Creates the sample patients through `dispatch`. Needs someone signed in (they measure most visits; a
 * colleague, reused or created, measures every few visits, which the signed-in person records). Throws a SampleDataError naming the operation when any call fails. Does not
 * check that the database is empty nor wrap the run in a transaction: the sampleData.create operation
 * (operation.ts) does.
 */
export async function createSampleData(dispatch: Dispatch, options: SampleDataOptions = {}): Promise<SampleDataResult> {
  const anchor = options.anchor ?? todayLocal();
  if (!isCalendarDate(anchor)) throw new RangeError(`The sample data anchor must be a date written YYYY-MM-DD, not "${anchor}".`);
  const api = caller(dispatch);
  const session = await api('session.get', {});
  const me = session.currentTherapist;
  if (!me) throw new SampleDataError('session.get', { code: 'unauthorized', message: 'Sign in before creating sample data.' });
  // The colleague gets a random temporary credential nobody knows: an administrator sets one before they sign in.
  const colleague =
    session.activeTherapists.find((t) => t.id !== me.id) ?? (await api('therapists.create', { ...SAMPLE_COLLEAGUE, credential: randomBytes(18).toString('base64url') }));
  const result: SampleDataResult = { patients: 0, visits: 0, measurements: 0, events: 0, patientIds: [] };
  for (const story of SAMPLE_STORIES) await tellStory(api, story, anchor, [me.id, colleague.id], result);
  return result;
}

interface Action {
  day: Day;
  /** Order within a day: risk factors, events, site statuses, then the visit that found them. */
  rank: number;
  run(): Promise<void>;
}

async function tellStory(
  api: Caller,
  story: Story,
  anchor: string,
  raterIds: readonly [string, string],
  result: SampleDataResult,
): Promise<void> {
  checkStory(story);
  const start = addDays(anchor, -story.daysAgo);
  const dateOf = (day: Day): string => {
    if (day < 0 || day > story.daysAgo) throw new RangeError(`Sample story ${story.patient.clinicId}: day ${day} is outside 0-${story.daysAgo}.`);
    return addDays(start, day);
  };
  const { age, birthday, ...names } = story.patient;
  const birthYear = Number(anchor.slice(0, 4)) - age - (birthday > anchor.slice(5) ? 1 : 0);
  const patient = await api('patients.create', { ...names, dateOfBirth: `${birthYear}-${birthday}` });
  const patientId = patient.id;
  result.patients += 1;
  result.patientIds.push(patientId);

  const actions: Action[] = [];
  for (const rf of story.riskFactors) {
    actions.push({ day: rf.day, rank: 0, run: async () => void (await api('riskFactors.add', { patientId, kind: rf.kind, onsetDate: dateOf(rf.day), note: rf.note })) });
  }
  for (const e of story.events) {
    actions.push({
      day: e.day,
      rank: 1,
      run: async () => {
        await api('events.record', {
          patientId,
          kind: e.kind,
          date: dateOf(e.day),
          endDate: e.endDay === undefined ? null : dateOf(e.endDay),
          joint: e.joint ?? null,
          side: e.side ?? null,
          title: e.title ?? null,
          value: e.value ?? null,
          unit: e.unit ?? null,
          classification: e.classification ?? null,
          note: e.note ?? null,
        });
        result.events += 1;
      },
    });
  }
  for (const site of story.sites) {
    let siteId: string | null = null;
    for (const s of site.statuses) {
      actions.push({
        day: s.day,
        rank: 2,
        run: async () => {
          const values = { status: s.status, since: dateOf(s.day), note: s.note ?? null };
          const saved = siteId === null ? await api('sites.add', { patientId, joint: site.joint, side: site.side, ...values }) : await api('sites.changeStatus', { id: siteId, ...values });
          siteId = saved.id;
        },
      });
    }
  }
  // One generator per story, drawn from in visit order: the same story always gives the same readings.
  const rand = mulberry32(story.seed);
  const raterOf = story.rater ?? ((i: number) => (i % 3 === 2 ? 1 : 0));
  story.visitDays.forEach((day, index) => {
    actions.push({
      day,
      rank: 3,
      run: async () => {
        // The colleague's visits name them as the therapist who measured; the audit names who recorded them.
        const visit = await api('visits.record', {
          patientId,
          therapistId: raterIds[raterOf(index)],
          date: dateOf(day),
          setting: story.inpatientUntil !== undefined && day <= story.inpatientUntil ? 'inpatient' : 'outpatient',
          symptoms: story.symptoms?.(day) ?? {},
          notes: story.notes?.[day] ?? null,
          defaults: { instrument: story.instrument ?? 'goniometer', endFeel: null },
          measurements: readings(story, day, index, rand),
        });
        result.visits += 1;
        result.measurements += visit.measurements.length;
      },
    });
  });
  actions.sort((a, b) => a.day - b.day || a.rank - b.rank);
  for (const action of actions) await action.run();
}

/** One visit's readings: the true range on that day plus noise; active 3-5 below passive. */
function readings(story: Story, day: Day, visitIndex: number, rand: () => number): MeasurementEntry[] {
  const out: MeasurementEntry[] = [];
  for (const s of story.series) {
    if (s.every !== undefined && visitIndex % s.every !== 0) continue;
    const { min, max } = motionSpec(s.motion).plausible;
    const clamp = (v: number) => Math.min(max, Math.max(min, v));
    // Both draws happen whichever modes are recorded, so changing a series' modes leaves the others' noise alone.
    const passive = clamp(Math.round(valueAt(s.passive, day)) + noise(rand, s.noise ?? 2));
    const active = clamp(passive - intBetween(rand, 3, 5));
    const modes = s.modes ?? 'both';
    const base = { motion: s.motion, side: s.side };
    if (modes !== 'active') out.push({ ...base, mode: 'passive', degrees: passive, endFeel: stepAt(s.endFeel, day), pain: stepAt(s.pain, day) });
    if (modes !== 'passive') out.push({ ...base, mode: 'active', degrees: active });
  }
  return out;
}

/** Slips in a story (a note on a day without a visit, visits out of order) fail loudly, not silently. */
function checkStory(story: Story): void {
  const where = `Sample story ${story.patient.clinicId}`;
  const days = story.visitDays;
  if (days.length < 8 || days.length > 30) throw new RangeError(`${where}: ${days.length} visits; keep 8 to 30.`);
  days.forEach((d, i) => {
    if (i > 0 && d <= days[i - 1]!) throw new RangeError(`${where}: visit days must increase (day ${d}).`);
  });
  for (const key of Object.keys(story.notes ?? {})) {
    if (!days.includes(Number(key))) throw new RangeError(`${where}: a note on day ${key}, which has no visit.`);
  }
}
