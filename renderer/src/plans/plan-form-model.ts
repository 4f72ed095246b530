// What the plan editor holds (text as typed, checkboxes as lists) and how it becomes the 'plans.create' or
// 'plans.revise' input. Field names are the input's own, so each message, the schema's or the back end's,
// lands on the box it concerns.
import type { FieldValues } from 'react-hook-form';
import { JOINTS, SIDES, type JointId, type Mode, type Side } from '../../../shared/domain/catalogue';
import { addDays } from '../../../shared/domain/plan-periods';
import type { DOSE_KINDS, FREQUENCY_PERS, Intervention, PlanSite } from '../../../shared/domain/plan';
import type { PlanVersion } from '../../../shared/domain/plan-records';
import { numberFromText, textFromNumber } from '../clinical/format';

export interface ItemValues {
  intervention: Intervention | '';
  motions: string[];
  doseKind: (typeof DOSE_KINDS)[number];
  sets: string;
  repetitions: string;
  minutes: string;
  frequencyCount: string;
  frequencyPer: (typeof FREQUENCY_PERS)[number];
  instructions: string;
}

export interface GoalValues {
  motion: string;
  side: Side | '';
  mode: Mode;
  target: string;
  targetDate: string;
  acknowledgeMet: boolean;
}

export interface PlanFormValues extends FieldValues {
  title: string;
  /** Shown when creating. */
  startDate: string;
  /** Shown when revising. */
  effectiveFrom: string;
  endDate: string;
  /** "right.elbow": one checkbox per joint and side. */
  sites: string[];
  /** Deliberately no default: the plan must say which way the team decided. */
  passiveRomAllowed: '' | 'yes' | 'no';
  precautions: string;
  items: ItemValues[];
  goals: GoalValues[];
  reason: string;
}

export const siteKey = (side: Side, joint: JointId) => `${side}.${joint}`;

/** The checked sites in clinical order (joints as the catalogue lists them, left before right). */
export function sitesOf(keys: readonly string[]): PlanSite[] {
  return JOINTS.flatMap((joint) => SIDES.filter((side) => keys.includes(siteKey(side, joint))).map((side) => ({ joint, side })));
}

export function emptyItem(): ItemValues {
  return { intervention: '', motions: [], doseKind: 'sets_reps', sets: '', repetitions: '', minutes: '', frequencyCount: '', frequencyPer: 'day', instructions: '' };
}

export function emptyGoal(side: Side | '' = ''): GoalValues {
  return { motion: '', side, mode: 'active', target: '', targetDate: '', acknowledgeMet: false };
}

export function emptyPlanValues(today: string): PlanFormValues {
  return { title: '', startDate: today, effectiveFrom: today, endDate: '', sites: [], passiveRomAllowed: '', precautions: '', items: [emptyItem()], goals: [], reason: '' };
}

/** A revision starts from what the current version says, in force from today (or the day after its start). */
export function revisionValues(v: PlanVersion, today: string): PlanFormValues {
  const next = addDays(v.effectiveFrom, 1);
  return {
    title: v.title,
    startDate: v.effectiveFrom,
    effectiveFrom: today > v.effectiveFrom ? today : next,
    endDate: v.endDate ?? '',
    sites: v.sites.map((s) => siteKey(s.side, s.joint)),
    passiveRomAllowed: v.passiveRomAllowed ? 'yes' : 'no',
    precautions: v.precautions ?? '',
    items: v.items.map((i) => ({
      intervention: i.intervention,
      motions: [...i.motions],
      doseKind: i.doseKind,
      sets: textFromNumber(i.sets),
      repetitions: textFromNumber(i.repetitions),
      minutes: textFromNumber(i.minutes),
      frequencyCount: String(i.frequencyCount),
      frequencyPer: i.frequencyPer,
      instructions: i.instructions ?? '',
    })),
    goals: [],
    reason: '',
  };
}

/** The plan's dates as the clinic writes them, which its date boxes read back (goals start empty). */
export function shownDates(v: PlanFormValues, shown: (iso: string) => string): PlanFormValues {
  return { ...v, startDate: shown(v.startDate), effectiveFrom: shown(v.effectiveFrom), endDate: shown(v.endDate) };
}

/** Boxes hidden by the dose kind send null, so switching kinds never leaves a stale number behind. */
function itemInput(i: ItemValues) {
  const bySets = i.doseKind === 'sets_reps';
  return {
    intervention: i.intervention === '' ? undefined : i.intervention,
    motions: i.motions,
    doseKind: i.doseKind,
    sets: bySets ? numberFromText(i.sets) : null,
    repetitions: bySets ? numberFromText(i.repetitions) : null,
    minutes: bySets ? null : numberFromText(i.minutes),
    frequencyCount: numberFromText(i.frequencyCount) ?? undefined,
    frequencyPer: i.frequencyPer,
    instructions: i.instructions,
  };
}

function contentInput(v: PlanFormValues) {
  return {
    title: v.title,
    endDate: v.endDate.trim() === '' ? null : v.endDate,
    sites: sitesOf(v.sites),
    passiveRomAllowed: v.passiveRomAllowed === '' ? undefined : v.passiveRomAllowed === 'yes',
    precautions: v.precautions,
    items: v.items.map(itemInput),
  };
}

export function goalInput(g: GoalValues) {
  return {
    motion: g.motion,
    side: g.side === '' ? undefined : g.side,
    mode: g.mode,
    target: numberFromText(g.target),
    targetDate: g.targetDate,
    acknowledgeMet: g.acknowledgeMet,
  };
}

export function createInput(v: PlanFormValues, patientId: string) {
  return { patientId, startDate: v.startDate, ...contentInput(v), goals: v.goals.map(goalInput) };
}

export function revisionInput(v: PlanFormValues, versionId: string) {
  return { id: versionId, effectiveFrom: v.effectiveFrom, reason: v.reason, ...contentInput(v) };
}

/** Every field a back-end message may name, so applyServerErrors can place it. */
export function knownFields(v: PlanFormValues): string[] {
  const fields = ['title', 'startDate', 'effectiveFrom', 'endDate', 'sites', 'passiveRomAllowed', 'precautions', 'items', 'goals', 'reason'];
  v.items.forEach((_, i) => ['intervention', 'motions', 'sets', 'repetitions', 'minutes', 'frequencyCount', 'frequencyPer', 'instructions'].forEach((f) => fields.push(`items.${i}.${f}`)));
  v.goals.forEach((_, i) => ['motion', 'side', 'mode', 'target', 'targetDate'].forEach((f) => fields.push(`goals.${i}.${f}`)));
  return fields;
}
