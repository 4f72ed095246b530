import type { CarePlan, CarePlanActivity, CodeableConcept, Goal } from './fhir';
import { findMotionSpec, isMotionKey, seriesLabel, sideLabel } from '../domain/catalogue';
import { frequencyText, INTERVENTION_LABELS, PASSIVE_INTERVENTIONS, sitesLabel, type Intervention } from '../domain/plan';
import type { Goal as RomGoal, Plan, PlanItem, PlanVersion } from '../domain/plan-records';
import { EXTENSION, GOAL_ACHIEVEMENT, SYSTEM, UCUM } from './codes';
import { recordIdentifiers, ref, type RecordState } from './identifiers';
import { motionCode } from './observations';

// Plans and goals (issue 19). A plan revision is a new prescription, not a correction of an error: each plan
// version is a CarePlan of its own (its own id as the record identifier, the plan's lineage as a second one) and
// `replaces` the version before it. The replaced version goes again as an update, status `revoked`, with the
// revision's reason. Goals are added or voided, never corrected: a voided goal is `entered-in-error`.

/** Where a plan version stands on `today`, and the reason a receiving clinician reads when it is not active. */
interface VersionStanding {
  status: CarePlan['status'];
  state: RecordState;
  note: string | null;
}

function standing(plan: Plan, index: number, today: string): VersionStanding {
  const v = plan.versions[index]!;
  const next = plan.versions[index + 1];
  if (v.voided) return { status: 'entered-in-error', state: { kind: 'voided', reason: v.voided.reason }, note: `Entered in error: ${v.voided.reason}` };
  if (next) {
    const note = `Replaced from ${next.effectiveFrom} by version ${next.number}: ${next.correctionReason ?? 'revised'}`;
    return { status: 'revoked', state: { kind: 'corrected', reason: note }, note };
  }
  if (v.ended) {
    const note = `Stopped after ${v.ended.on}: ${v.ended.reason}`;
    return { status: 'revoked', state: { kind: 'corrected', reason: note }, note };
  }
  // A plan that ran to its end date changed status since it was written, so it goes as an update too.
  if (v.inForceUntil !== null && v.inForceUntil < today) return { status: 'completed', state: { kind: 'corrected', reason: 'completed' }, note: null };
  return { status: 'active', state: { kind: 'original' }, note: null };
}

const ACTIVITY_STATUS = { active: 'in-progress', revoked: 'stopped', completed: 'completed', 'entered-in-error': 'entered-in-error' } as const;

function activityStatus(status: CarePlan['status'], v: PlanVersion, today: string): NonNullable<CarePlanActivity['detail']>['status'] {
  if (status === 'active' && v.effectiveFrom > today) return 'scheduled';
  return status in ACTIVITY_STATUS ? ACTIVITY_STATUS[status as keyof typeof ACTIVITY_STATUS] : 'unknown';
}

function interventionCode(i: Intervention): CodeableConcept {
  return { coding: [{ system: SYSTEM.intervention, code: i, display: INTERVENTION_LABELS[i] }], text: INTERVENTION_LABELS[i] };
}

/** "3 sets of 10 repetitions, twice a day; works elbow flexion, elbow extension. <instructions>" */
function itemDescription(item: PlanItem): string {
  const dose = item.doseKind === 'sets_reps' ? `${item.sets} sets of ${item.repetitions} repetitions` : `${item.minutes} minutes`;
  const motions = item.motions.map((m) => findMotionSpec(m)?.label.toLowerCase() ?? m).join(', ');
  return [`${dose}, ${frequencyText(item)}; works ${motions}.`, item.instructions ?? ''].filter(Boolean).join(' ');
}

/** The item's dose, motions and instructions as values, which the description gives only as words. */
function itemExtension(item: PlanItem): NonNullable<CarePlanActivity['extension']>[number] {
  return {
    url: EXTENSION.planItem,
    extension: [
      ...item.motions.map((m) => ({ url: 'motion', valueCode: m })),
      ...(item.sets !== null ? [{ url: 'sets', valueInteger: item.sets }] : []),
      ...(item.repetitions !== null ? [{ url: 'repetitions', valueInteger: item.repetitions }] : []),
      ...(item.instructions ? [{ url: 'instructions', valueString: item.instructions }] : []),
    ],
  };
}

function itemActivity(item: PlanItem, status: ReturnType<typeof activityStatus>, goals: readonly RomGoal[]): CarePlanActivity {
  const served = goals.filter((g) => item.motions.includes(g.motion));
  return {
    extension: [itemExtension(item)],
    detail: {
      code: interventionCode(item.intervention),
      status,
      doNotPerform: false,
      // FHIR's Timing: frequency times per 1 day or week; a session's minutes as its duration.
      scheduledTiming: {
        repeat: {
          frequency: item.frequencyCount,
          period: 1,
          periodUnit: item.frequencyPer === 'day' ? 'd' : 'wk',
          ...(item.minutes !== null ? { duration: item.minutes, durationUnit: 'min' as const } : {}),
        },
      },
      description: itemDescription(item),
      ...(served.length ? { goal: served.map((g) => ref('Goal', g.id)) } : {}),
    },
  };
}

/** "No passive ROM" is prescribed as much as any exercise: an activity not to perform (exchange.md). */
function noPassiveActivity(status: ReturnType<typeof activityStatus>): CarePlanActivity {
  const names = PASSIVE_INTERVENTIONS.map((i) => INTERVENTION_LABELS[i].toLowerCase()).join(', ');
  return {
    detail: {
      code: { coding: PASSIVE_INTERVENTIONS.map((i) => interventionCode(i).coding![0]!), text: `No ${names}` },
      status,
      doNotPerform: true,
      description: 'The team decided against passive motion for this patient: no passive range of motion, stretching or CPM.',
    },
  };
}

export interface PlanRefs {
  patient: string;
  /** The Conditions (watched sites' version ids) by "side joint", for `addresses`. */
  conditions: ReadonlyMap<string, string>;
}

export interface CarePlanOut {
  resource: CarePlan;
  key: { lineageId: string; versionId: string };
  state: RecordState;
}

/** Every version of a plan as CarePlans, oldest first; the current goals hang on the last version. */
export function carePlanResources(plan: Plan, refs: PlanRefs, today: string, goals: readonly RomGoal[] = plan.goals): CarePlanOut[] {
  return plan.versions.map((v, i) => {
    const s = standing(plan, i, today);
    const status = activityStatus(s.status, v, today);
    const last = i === plan.versions.length - 1;
    const previous = plan.versions[i - 1];
    const myGoals = last && !v.voided ? goals : [];
    const addresses = v.sites.flatMap((site) => {
      const id = refs.conditions.get(`${site.side} ${site.joint}`);
      return id ? [ref('Condition', id)] : [];
    });
    const notes = [
      ...(s.note ? [{ text: s.note, time: v.voided?.at ?? v.ended?.at ?? v.recordedAt }] : []),
      ...(v.precautions ? [{ text: `Precautions: ${v.precautions}` }] : []),
    ];
    const identifier = recordIdentifiers({ lineageId: v.id, versionId: v.id });
    identifier.push({ use: 'secondary', system: SYSTEM.plan, value: plan.id });
    const extension = [
      ...(v.endDate ? [{ url: EXTENSION.plannedEnd, valueDate: v.endDate }] : []),
      ...v.sites.map((site) => ({ url: EXTENSION.planSite, valueCodeableConcept: { coding: [{ system: SYSTEM.joint, code: site.joint }], text: `${sideLabel(site.side)} ${site.joint}` } })),
    ];
    const resource: CarePlan = {
      resourceType: 'CarePlan',
      ...(extension.length ? { extension } : {}),
      identifier,
      status: s.status,
      intent: 'plan',
      title: v.title,
      description: `Version ${v.number} of the plan for ${sitesLabel(v.sites)}.`,
      subject: ref('Patient', refs.patient),
      period: { start: v.effectiveFrom, ...(v.inForceUntil ? { end: v.inForceUntil } : {}) },
      created: v.recordedAt,
      ...(v.recordedBy ? { author: ref('Practitioner', v.recordedBy) } : {}),
      ...(previous ? { replaces: [ref('CarePlan', previous.id)] } : {}),
      ...(addresses.length ? { addresses } : {}),
      ...(myGoals.length ? { goal: myGoals.map((g) => ref('Goal', g.id)) } : {}),
      activity: [...v.items.map((item) => itemActivity(item, status, myGoals)), ...(v.passiveRomAllowed ? [] : [noPassiveActivity(status)])],
      ...(notes.length ? { note: notes } : {}),
    };
    return { resource, key: { lineageId: v.id, versionId: v.id }, state: s.state };
  });
}

// goal-status.ts's kinds as FHIR's goal-achievement codes (exchange.md); "not started" has no measurement or no
// trend yet, which none of FHIR's codes says, so it is left out.
const ACHIEVEMENT = {
  met: { code: 'achieved', display: 'Achieved' },
  on_track: { code: 'improving', display: 'Improving' },
  off_track: { code: 'worsening', display: 'Worsening' },
} as const;

/** A goal, current (with its status derived from the measurements) or voided (no status). */
export function goalResource(g: Omit<RomGoal, 'status'> & { status?: RomGoal['status'] }, refs: { patient: string }, planOver: boolean): Goal {
  const identifier = recordIdentifiers({ lineageId: g.lineageId, versionId: g.id });
  identifier.push({ use: 'secondary', system: SYSTEM.plan, value: g.planId });
  const voided = g.voided !== null;
  const achievement = !voided && g.status && g.status.kind !== 'not_started' ? ACHIEVEMENT[g.status.kind] : null;
  const label = isMotionKey(g.motion) ? seriesLabel(g.side, g.motion, g.mode) : `${g.side} ${g.motion} (${g.mode})`;
  const notes = [
    ...(g.voided ? [{ text: `Entered in error: ${g.voided.reason}`, time: g.voided.at }] : []),
    ...(g.setWhenMet ? [{ text: 'Set when already reached: a range to keep.' }] : []),
  ];
  return {
    resourceType: 'Goal',
    // Goal's startDate is a day; the time it was set keeps the order of goals set on one day.
    extension: [{ url: EXTENSION.recordedAt, valueDateTime: g.recordedAt }],
    identifier,
    lifecycleStatus: voided ? 'entered-in-error' : planOver ? 'completed' : 'active',
    ...(achievement ? { achievementStatus: { coding: [{ system: GOAL_ACHIEVEMENT, ...achievement }] } } : {}),
    description: { text: `${label}: at least ${g.target}° by ${g.targetDate}` },
    subject: ref('Patient', refs.patient),
    startDate: g.recordedAt.slice(0, 10),
    ...(g.recordedBy ? { expressedBy: ref('Practitioner', g.recordedBy) } : {}),
    target: [
      {
        measure: motionCode({ motion: g.motion, mode: g.mode, side: g.side }),
        // "At least": in the neutral-zero convention more degrees is always more motion.
        detailQuantity: { value: g.target, comparator: '>=', unit: '°', system: UCUM, code: 'deg' },
        dueDate: g.targetDate,
      },
    ],
    ...(notes.length ? { note: notes } : {}),
  };
}
