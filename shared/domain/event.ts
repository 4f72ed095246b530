import { z } from 'zod';
import { isJointId, JOINTS, SIDES } from './catalogue';
import { classificationsFor, SITE_STATUSES, type SiteStatus } from './ho';
import { siteStatusWord } from './message-words';
import { RecordMeta, reason } from './record-meta';
import { optionalText, pastCalendarDate, uuid } from './schema-parts';
import { inner, message, said, saidIssue, type MessageRef } from '../i18n/message';

// Clinical events on the patient's timeline (clinical-reference.md: treatment and tests).
export const EVENT_KINDS = [
  'injury',
  'surgery',
  'excision',
  'nsaid_course',
  'bisphosphonate_course',
  'radiation',
  'lab_result',
  'bone_scan',
  'xray',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export const EVENT_KIND_LABELS: Record<EventKind, string> = {
  injury: 'Injury',
  surgery: 'Surgery',
  excision: 'HO excision surgery',
  nsaid_course: 'NSAID course',
  bisphosphonate_course: 'Bisphosphonate course',
  radiation: 'Radiation',
  lab_result: 'Lab result',
  bone_scan: 'Bone scan',
  xray: 'X-ray',
};

/** Serum alkaline phosphatase: raised in HO; adult normal roughly 40-130 U/L, so past 5000 is a typing slip. */
export const ALP_NAME = 'Serum alkaline phosphatase';
export const ALP_UNIT = 'U/L';
export const ALP_MAX = 5000;
/** A single radiation dose for HO prophylaxis is about 7 Gy; a course above 30 Gy is not HO treatment. */
export const RADIATION_MAX_GY = 30;

const jointOrNull = z.enum(JOINTS, { error: said(message('domain.event.joint')) }).nullable().default(null);
const sideOrNull = z.enum(SIDES, { error: said(message('domain.event.side')) }).nullable().default(null);

const eventFields = {
  kind: z.enum(EVENT_KINDS, { error: said(message('domain.event.kind')) }),
  date: pastCalendarDate('The date'),
  /** Courses (NSAID, bisphosphonate) have an end; absent while the course goes on. */
  endDate: pastCalendarDate('The end date').nullable().default(null),
  joint: jointOrNull,
  side: sideOrNull,
  /** What it was: the injury, the operation, the drug and dose, the lab test's name. */
  title: optionalText('Description', 200),
  value: z.number({ error: said(message('domain.event.valueNumber')) }).refine(Number.isFinite, { error: said(message('domain.event.valueNumber')) }).nullable().default(null),
  unit: optionalText('Unit', 20),
  /** Imaging classification code, e.g. "brooker:III" or "hastings:IIB". */
  classification: z.string().nullable().default(null),
  note: optionalText('Findings or note', 2000),
};

type EventValues = {
  kind: EventKind;
  date: string;
  endDate: string | null;
  joint: string | null;
  side: string | null;
  title: string | null;
  value: number | null;
  unit: string | null;
  classification: string | null;
};

/** Kinds whose record needs its own title: what the injury or operation was, which drug the course gave. */
export function titleRequired(kind: EventKind): boolean {
  return kind === 'injury' || kind === 'surgery' || kind === 'nsaid_course' || kind === 'bisphosphonate_course';
}

/** The rules that depend on the kind, with messages placed on the field that must change. */
export function checkEvent(e: EventValues, ctx: z.RefinementCtx): void {
  const issue = (path: string, ref: MessageRef) => ctx.addIssue({ ...saidIssue(ref), path: [path] });
  const isCourse = e.kind === 'nsaid_course' || e.kind === 'bisphosphonate_course';
  if (e.endDate !== null && !isCourse) issue('endDate', message('domain.event.endOnlyCourse'));
  if (e.endDate !== null && e.endDate < e.date) issue('endDate', message('domain.event.endBeforeStart'));
  if (titleRequired(e.kind) && !e.title) issue('title', isCourse ? message('domain.event.nameDrug') : message('domain.event.describe'));
  if ((e.joint === null) !== (e.side === null)) issue(e.joint === null ? 'joint' : 'side', message('domain.event.jointAndSide'));
  if ((e.kind === 'excision' || e.kind === 'radiation' || e.kind === 'xray') && e.joint === null) issue('joint', message('domain.event.chooseSite'));
  if (e.kind === 'radiation') {
    if (e.value === null || e.value <= 0 || e.value > RADIATION_MAX_GY) issue('value', message('domain.event.dose', { max: { number: RADIATION_MAX_GY } }));
    if (e.unit !== null && e.unit !== 'Gy') issue('unit', message('domain.event.gy'));
  }
  if (e.kind === 'lab_result') {
    if (!e.title) issue('title', message('domain.event.nameTest', { example: ALP_NAME }));
    if (e.value === null) issue('value', message('domain.event.resultNumber'));
    if (!e.unit) issue('unit', message('domain.event.unit', { example: ALP_UNIT }));
    const isAlp = (e.title ?? '').toLowerCase().includes('alkaline phosphatase');
    if (isAlp && e.value !== null && (e.value <= 0 || e.value > ALP_MAX)) {
      issue('value', message('domain.event.alpRange', { max: { number: ALP_MAX }, value: { number: e.value } }));
    }
    if (isAlp && e.unit && e.unit !== ALP_UNIT) issue('unit', message('domain.event.alpUnit', { unit: ALP_UNIT }));
    if (e.value !== null && e.value < 0) issue('value', message('domain.event.negative'));
  } else if (e.kind !== 'radiation' && e.value !== null) {
    issue('value', message('domain.event.noValue'));
  }
  if (e.classification !== null) {
    if (e.kind !== 'xray') issue('classification', message('domain.event.classificationXray'));
    else if (!isJointId(e.joint) || !classificationsFor(e.joint).includes(e.classification)) {
      issue('classification', message('domain.event.classificationJoint'));
    }
  }
}

/**
 * The statuses an event can give the watched site it concerns, offered in the same form (issue #17, item 4): an
 * X-ray graded above 0 or a bone scan suspects or confirms HO, an excision removes it. Brooker 0 shows no HO,
 * so it offers nothing.
 */
export function siteStatusesFor(e: Pick<EventValues, 'kind' | 'classification' | 'joint'>): readonly SiteStatus[] {
  if (e.joint === null) return [];
  if (e.kind === 'xray') return e.classification && !e.classification.endsWith(':0') ? ['suspected', 'confirmed'] : [];
  if (e.kind === 'bone_scan') return ['suspected', 'confirmed'];
  if (e.kind === 'excision') return ['excised'];
  return [];
}

function checkSiteStatus(e: EventValues & { siteStatus: SiteStatus | null }, ctx: z.RefinementCtx): void {
  if (e.siteStatus === null) return;
  const allowed = siteStatusesFor(e);
  if (!allowed.includes(e.siteStatus)) {
    const status = inner(siteStatusWord(e.siteStatus));
    const ref = allowed.length
      ? message('domain.event.statusChoose', { status, allowed: { list: allowed.map((s) => inner(siteStatusWord(s))), join: 'or' } })
      : message('domain.event.statusLeave', { status });
    ctx.addIssue({ ...saidIssue(ref), path: ['siteStatus'] });
  }
}

export const EventInput = z
  .strictObject({
    patientId: uuid,
    ...eventFields,
    /** The watched site's new status, recorded with the event in one transaction; null leaves it as it is. */
    siteStatus: z.enum(SITE_STATUSES, { error: said(message('domain.event.siteStatus')) }).nullable().default(null),
  })
  .superRefine((e, ctx) => {
    checkEvent(e, ctx);
    checkSiteStatus(e, ctx);
  });
export const EventCorrection = z.strictObject({ id: uuid, reason: reason('correction'), ...eventFields }).superRefine(checkEvent);

export const ClinicalEvent = z.strictObject({
  ...RecordMeta,
  patientId: z.string(),
  kind: z.enum(EVENT_KINDS),
  date: z.string(),
  endDate: z.string().nullable(),
  joint: z.enum(JOINTS).nullable(),
  side: z.enum(SIDES).nullable(),
  title: z.string().nullable(),
  value: z.number().nullable(),
  unit: z.string().nullable(),
  classification: z.string().nullable(),
  note: z.string().nullable(),
});
export type ClinicalEvent = z.infer<typeof ClinicalEvent>;
