import { isMotionKey, MODES, SIDES } from '../domain/catalogue';
import { isOneOf } from '../domain/one-of';
import type { z } from 'zod';
import { PlanItemInput, PlanSite } from '../domain/plan';
import type { Goal } from '../domain/plan-records';
import { EXTENSION, SYSTEM } from './codes';
import { codeIn, identifierValue, num, obj, objs, referencedUuid, str, type Json } from './json-read';
import { message } from '../i18n/message';
import { readVersion, timedNotes, type Entry, type ImportedVersion, type Known } from './read-entry';
import { atEntry, issueProblem, type Problem } from './read-problems';

// The reverse of plans.ts: every version of a plan (one CarePlan each, in the order they were in force) with its
// items, and the plan's goals. Checked with the rules the plan form uses for items.

export type ImportedGoal = ImportedVersion & Pick<Goal, 'planId' | 'motion' | 'side' | 'mode' | 'target' | 'targetDate' | 'setWhenMet'>;

export type ImportedPlanItem = z.output<typeof PlanItemInput>;

export interface ImportedPlanVersion {
  id: string;
  planId: string;
  recordedAt: string;
  recordedBy: string | null;
  /** Why this version replaced the one before; null for the first. */
  correctionReason: string | null;
  voided: { at: string | null; reason: string } | null;
  ended: { on: string; at: string; reason: string } | null;
  title: string;
  effectiveFrom: string;
  endDate: string | null;
  sites: PlanSite[];
  passiveRomAllowed: boolean;
  precautions: string | null;
  items: ImportedPlanItem[];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const REPLACED = /^Replaced from \d{4}-\d{2}-\d{2} by version \d+: (.*)$/s;
const STOPPED = /^Stopped after (\d{4}-\d{2}-\d{2}): (.*)$/s;
const PRECAUTIONS = 'Precautions: ';

const extensionsOf = (r: Json | undefined, url: string): Json[] => objs(r, 'extension').filter((x) => str(x, 'url') === url);

function readItem(e: Entry, activity: Json, problems: Problem[]): ImportedPlanItem | null {
  const detail = obj(activity, 'detail');
  const parts = extensionsOf(activity, EXTENSION.planItem).flatMap((x) => objs(x, 'extension'));
  const part = (url: string) => parts.filter((p) => str(p, 'url') === url);
  const repeat = obj(obj(detail, 'scheduledTiming'), 'repeat');
  const minutes = num(repeat, 'duration') ?? null;
  const result = PlanItemInput.safeParse({
    intervention: codeIn(obj(detail, 'code'), SYSTEM.intervention),
    motions: part('motion').map((p) => str(p, 'valueCode')),
    doseKind: minutes === null ? 'sets_reps' : 'minutes',
    sets: num(part('sets')[0], 'valueInteger') ?? null,
    repetitions: num(part('repetitions')[0], 'valueInteger') ?? null,
    minutes,
    frequencyCount: num(repeat, 'frequency'),
    frequencyPer: str(repeat, 'periodUnit') === 'wk' ? 'week' : str(repeat, 'periodUnit') === 'd' ? 'day' : undefined,
    instructions: str(part('instructions')[0], 'valueString') ?? null,
  });
  if (result.success) return result.data;
  for (const issue of result.error.issues) problems.push(atEntry(e, message('exchange.read.plan.item', { issue: { message: issueProblem(issue) } })));
  return null;
}

function readCarePlan(e: Entry, known: Known, problems: Problem[]): (ImportedPlanVersion & { replacedBecause: string | null }) | null {
  const r = e.resource;
  const planId = identifierValue(r, SYSTEM.plan);
  if (!planId) problems.push(atEntry(e, message('exchange.read.plan.identifier', { system: SYSTEM.plan })));
  if (e.uuid !== e.lineageId) problems.push(atEntry(e, message('exchange.read.plan.versionIdentifier')));
  if (referencedUuid(obj(r, 'subject')) !== known.patient) problems.push(atEntry(e, message('exchange.read.plan.notThisPatient')));
  const recordedAt = str(r, 'created');
  if (!recordedAt || Number.isNaN(Date.parse(recordedAt))) problems.push(atEntry(e, message('exchange.read.plan.created')));
  const recordedBy = referencedUuid(obj(r, 'author')) ?? null;
  if (recordedBy && !known.therapists.has(recordedBy)) problems.push(atEntry(e, message('exchange.read.plan.author')));
  const title = str(r, 'title')?.trim();
  if (!title) problems.push(atEntry(e, message('exchange.read.plan.title')));
  const effectiveFrom = str(obj(r, 'period'), 'start');
  if (!effectiveFrom || !ISO_DATE.test(effectiveFrom)) problems.push(atEntry(e, message('exchange.read.plan.start')));
  const endDate = str(extensionsOf(r, EXTENSION.plannedEnd)[0], 'valueDate') ?? null;
  if (endDate !== null && (!ISO_DATE.test(endDate) || (effectiveFrom && endDate < effectiveFrom))) problems.push(atEntry(e, message('exchange.read.plan.end')));
  const sites: PlanSite[] = [];
  for (const x of extensionsOf(r, EXTENSION.planSite)) {
    const concept = obj(x, 'valueCodeableConcept');
    const site = PlanSite.safeParse({ joint: codeIn(concept, SYSTEM.joint), side: str(concept, 'text')?.split(' ')[0]?.toLowerCase() });
    if (site.success) sites.push(site.data);
    else problems.push(atEntry(e, message('exchange.read.plan.site')));
  }
  const notes = timedNotes(r);
  const timed = (re: RegExp) => notes.map((n) => ({ m: n.time ? re.exec(n.text) : null, time: n.time })).find((x) => x.m);
  const stopped = timed(STOPPED);
  const voidNote = notes.find((n) => n.time && n.text.startsWith('Entered in error: '));
  const replaced = timed(REPLACED);
  const activities = objs(r, 'activity');
  const items = activities.filter((a) => obj(a, 'detail')?.['doNotPerform'] !== true).map((a) => readItem(e, a, problems));
  if (!planId || !recordedAt || !title || !effectiveFrom || items.some((i) => i === null)) return null;
  return {
    id: e.uuid,
    planId,
    recordedAt,
    recordedBy,
    correctionReason: null,
    voided: str(r, 'status') === 'entered-in-error' ? { at: voidNote?.time ?? null, reason: voidNote?.text.slice('Entered in error: '.length) || 'Entered in error at the sending workstation' } : null,
    ended: stopped?.m && stopped.time ? { on: stopped.m[1]!, at: stopped.time, reason: stopped.m[2]! } : null,
    title,
    effectiveFrom,
    endDate,
    sites,
    passiveRomAllowed: !activities.some((a) => obj(a, 'detail')?.['doNotPerform'] === true),
    precautions: notes.find((n) => !n.time && n.text.startsWith(PRECAUTIONS))?.text.slice(PRECAUTIONS.length) ?? null,
    items: items.filter((i): i is ImportedPlanItem => i !== null),
    replacedBecause: replaced?.m?.[1] ?? null,
  };
}

/** Every plan's versions, oldest first; a version's reason is what the version it replaced says of it. */
export function readPlans(entries: readonly Entry[], known: Known, problems: Problem[]): ImportedPlanVersion[] {
  const read = entries.map((e) => readCarePlan(e, known, problems));
  const byPlan = new Map<string, NonNullable<(typeof read)[number]>[]>();
  for (const v of read) if (v) byPlan.set(v.planId, [...(byPlan.get(v.planId) ?? []), v]);
  const out: ImportedPlanVersion[] = [];
  for (const [planId, versions] of byPlan) {
    versions.sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
    if (versions[0]!.id !== planId) problems.push(message('exchange.read.plan.firstVersion', { planId }));
    versions.forEach(({ replacedBecause: _, ...v }, i) => {
      out.push({ ...v, correctionReason: i === 0 ? null : (versions[i - 1]!.replacedBecause ?? 'Revised at the sending workstation') });
    });
  }
  return out;
}

export function readGoal(e: Entry, known: Known, planOf: ReadonlyMap<string, string>, problems: Problem[]): ImportedGoal | null {
  const r = e.resource;
  const recordedAt = str(extensionsOf(r, EXTENSION.recordedAt)[0], 'valueDateTime') ?? (str(r, 'startDate') ? `${str(r, 'startDate')}T00:00:00.000Z` : undefined);
  const version = readVersion(e, known, problems, { recordedAt, recordedBy: obj(r, 'expressedBy'), voided: str(r, 'lifecycleStatus') === 'entered-in-error' });
  const target = objs(r, 'target')[0];
  const measure = obj(target, 'measure');
  const code = codeIn(measure, SYSTEM.motion) ?? '';
  const cut = code.lastIndexOf('.');
  const motion = code.slice(0, cut);
  const mode = code.slice(cut + 1);
  const side = SIDES.find((s) => s === str(measure, 'text')?.split(' ')[0]?.toLowerCase());
  const value = num(obj(target, 'detailQuantity'), 'value');
  const targetDate = str(target, 'dueDate');
  const planId = identifierValue(r, SYSTEM.plan) ?? planOf.get(e.uuid);
  const before = problems.length;
  if (!isMotionKey(motion) || !isOneOf(MODES, mode)) problems.push(atEntry(e, message('exchange.read.motion', { code })));
  if (!side) problems.push(atEntry(e, message('exchange.read.goal.side')));
  if (value === undefined || !Number.isInteger(value)) problems.push(atEntry(e, message('exchange.read.goal.target')));
  if (!targetDate || !ISO_DATE.test(targetDate)) problems.push(atEntry(e, message('exchange.read.goal.date')));
  if (!planId) problems.push(atEntry(e, message('exchange.read.goal.plan')));
  if (problems.length > before || !isMotionKey(motion) || !isOneOf(MODES, mode) || !side || value === undefined || !targetDate || !planId) return null;
  const setWhenMet = timedNotes(r).some((n) => n.text.startsWith('Set when already reached'));
  return { ...version, planId, motion, side, mode, target: value, targetDate, setWhenMet };
}
