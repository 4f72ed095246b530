import { z } from 'zod';
import { isJointId, JOINTS, SIDES } from './catalogue';
import { classificationsFor, SITE_STATUSES, SITE_STATUS_LABELS, type SiteStatus } from './ho';
import { RecordMeta, reason } from './record-meta';
import { optionalText, pastCalendarDate, uuid } from './schema-parts';

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

const jointOrNull = z.enum(JOINTS, { error: 'Choose a joint from the list.' }).nullable().default(null);
const sideOrNull = z.enum(SIDES, { error: 'Choose the side: left or right.' }).nullable().default(null);

const eventFields = {
  kind: z.enum(EVENT_KINDS, { error: 'Choose what kind of event this is.' }),
  date: pastCalendarDate('The date'),
  /** Courses (NSAID, bisphosphonate) have an end; absent while the course goes on. */
  endDate: pastCalendarDate('The end date').nullable().default(null),
  joint: jointOrNull,
  side: sideOrNull,
  /** What it was: the injury, the operation, the drug and dose, the lab test's name. */
  title: optionalText('Description', 200),
  value: z.number({ error: 'Enter the value as a number.' }).refine(Number.isFinite, { error: 'Enter the value as a number.' }).nullable().default(null),
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

/** The rules that depend on the kind, with messages placed on the field that must change. */
export function checkEvent(e: EventValues, ctx: z.RefinementCtx): void {
  const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  const isCourse = e.kind === 'nsaid_course' || e.kind === 'bisphosphonate_course';
  if (e.endDate !== null && !isCourse) issue('endDate', 'Only drug courses have an end date; leave it empty.');
  if (e.endDate !== null && e.endDate < e.date) issue('endDate', 'The course cannot end before it starts. Check both dates.');
  if (isCourse && !e.title) issue('title', 'Name the drug and dose, for example "Indomethacin 25 mg three times a day".');
  if ((e.kind === 'injury' || e.kind === 'surgery') && !e.title) issue('title', 'Describe the injury or operation.');
  if ((e.joint === null) !== (e.side === null)) issue(e.joint === null ? 'joint' : 'side', 'Give both the joint and the side, or neither.');
  if ((e.kind === 'excision' || e.kind === 'radiation' || e.kind === 'xray') && e.joint === null) issue('joint', 'Choose the joint and side this concerns.');
  if (e.kind === 'radiation') {
    if (e.value === null || e.value <= 0 || e.value > RADIATION_MAX_GY) issue('value', `Enter the dose in Gy, more than 0 and at most ${RADIATION_MAX_GY} (a single HO dose is often about 7 Gy).`);
    if (e.unit !== null && e.unit !== 'Gy') issue('unit', 'Radiation dose is recorded in Gy.');
  }
  if (e.kind === 'lab_result') {
    if (!e.title) issue('title', `Name the test, for example "${ALP_NAME}".`);
    if (e.value === null) issue('value', 'Enter the result as a number.');
    if (!e.unit) issue('unit', `Enter the unit, for example ${ALP_UNIT}.`);
    const isAlp = (e.title ?? '').toLowerCase().includes('alkaline phosphatase');
    if (isAlp && e.value !== null && (e.value <= 0 || e.value > ALP_MAX)) {
      issue('value', `Alkaline phosphatase must be more than 0 and at most ${ALP_MAX} U/L; ${e.value} cannot be right. Check the lab report.`);
    }
    if (isAlp && e.unit && e.unit !== ALP_UNIT) issue('unit', `Record alkaline phosphatase in ${ALP_UNIT}, as labs report it.`);
    if (e.value !== null && e.value < 0) issue('value', 'A lab result cannot be negative.');
  } else if (e.kind !== 'radiation' && e.value !== null) {
    issue('value', 'Only lab results and radiation doses carry a value.');
  }
  if (e.classification !== null) {
    if (e.kind !== 'xray') issue('classification', 'Classifications are recorded with an X-ray.');
    else if (!isJointId(e.joint) || !classificationsFor(e.joint).includes(e.classification)) {
      issue('classification', 'This classification does not fit the joint: Brooker is for the hip, Hastings-Graham for the elbow.');
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
    const what = allowed.length ? `choose ${allowed.map((s) => SITE_STATUS_LABELS[s].toLowerCase()).join(' or ')}` : 'leave it unchanged';
    ctx.addIssue({ code: 'custom', path: ['siteStatus'], message: `This event cannot make the site ${SITE_STATUS_LABELS[e.siteStatus].toLowerCase()}: ${what}.` });
  }
}

export const EventInput = z
  .strictObject({
    patientId: uuid,
    ...eventFields,
    /** The watched site's new status, recorded with the event in one transaction; null leaves it as it is. */
    siteStatus: z.enum(SITE_STATUSES, { error: 'Choose the site’s new status from the list, or leave it unchanged.' }).nullable().default(null),
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
