import { z } from 'zod';
import { JOINTS, SIDES } from '../../domain/catalogue';
import { calendarDate, uuid } from '../../domain/schema-parts';
import { SeriesKeySchema } from '../../domain/series';
import { checkSchedule, worklistSettingsFields } from '../../worklist/settings';
import { REASON_CODES, URGENCIES } from '../../worklist/types';
import { message, MessageRefSchema, said } from '../../i18n/message';

// The caseload worklist (issue 16): who needs attention today, most urgent first, and why. Read from summary rows
// kept up to date with every change (electron/api/worklist-refresh.ts), never by analysing every patient.

const today = calendarDate('The worklist date').optional();

const reasonFields = {
  code: z.enum(REASON_CODES),
  message: MessageRefSchema,
  text: z.string().min(1),
  joint: z.enum(JOINTS).optional(),
  side: z.enum(SIDES).optional(),
  seriesKey: SeriesKeySchema.optional(),
};

/**
 * A reason as the clinic-wide list shows it: its sentence, without the verdict's longer one; the English `text`
 * is left out when the caller writes the message itself (WorklistGetInput's englishText: false).
 */
export const WorklistRowReasonSchema = z.strictObject({ ...reasonFields, text: reasonFields.text.optional() });

/** A reason of one patient ('worklist.patient'): with the verdict's own sentence where there is one. */
export const WorklistReasonSchema = z.strictObject({
  ...reasonFields,
  detail: z.string().optional(),
  detailRef: MessageRefSchema.optional(),
});

export const WorklistRow = z.strictObject({
  patientId: z.string(),
  /** "OSEI, Kwame", as every screen writes a patient's name. */
  name: z.string(),
  clinicId: z.string().nullable(),
  urgency: z.enum(URGENCIES),
  /**
   * Most urgent first. The verdict's longer sentence (a losing reason's tooltip) is not sent here: ask
   * 'worklist.patient' for it when it is wanted.
   */
  reasons: z.array(WorklistRowReasonSchema).min(1),
  /** The latest visit with a measurement. */
  lastMeasured: z.string().nullable(),
  /** The earliest due date of the patient's sites on the measurement schedule, past or coming. */
  nextDue: z.string().nullable(),
  /** Who measured at that latest visit: the "by therapist" filter. */
  lastTherapistId: z.string().nullable(),
});
export type WorklistRow = z.infer<typeof WorklistRow>;

// A record keyed by an enum is exhaustive in zod: every reason has its count, and no other key is accepted.
const codeCounts = z.record(z.enum(REASON_CODES), z.number().int());

export const WorklistGetInput = z.strictObject({
  today,
  /**
   * Only the patients this therapist measured last (at their latest visit with a measurement), and the patients
   * nobody has measured yet, so a new patient at risk is on every therapist's list until someone sees them.
   */
  therapistId: uuid.optional(),
  /** Only patients with at least one of these reasons (all their reasons are still listed). */
  codes: z
    .array(z.enum(REASON_CODES, { error: said(message('domain.operations.reasons')) }))
    .max(REASON_CODES.length)
    .optional(),
  limit: z.number().int().min(1).max(200, { error: said(message('domain.paging.limit', { max: 200 })) }).default(50),
  offset: z.number().int().min(0, { error: said(message('domain.paging.offset')) }).default(0),
  /**
   * Each reason's English `text` beside its message (the default, for API callers). The screen writes the message
   * in the person's language and asks for none: writing fifty rows' English is a sixth of the read.
   */
  englishText: z.boolean().default(true),
});

export const WorklistPage = z.strictObject({
  today: z.string(),
  rows: z.array(WorklistRow),
  /** Patients listed in all, under the therapist and reason filters. */
  total: z.number().int(),
  /** Patients with each reason under the therapist filter (so a reason filter shows what it would keep). */
  counts: codeCounts,
  /**
   * Patients whose summary is still being brought up to date (after an update of ROMtrack, or a summary that
   * failed): they are missing from the list until then. Ask again shortly.
   */
  pending: z.number().int(),
});

export const WorklistPatientInput = z.strictObject({ patientId: uuid, today });
export const WorklistPatient = z.strictObject({
  today: z.string(),
  /** Null urgency and no reasons: the patient needs nothing today. */
  urgency: z.enum(URGENCIES).nullable(),
  reasons: z.array(WorklistReasonSchema),
  lastMeasured: z.string().nullable(),
  nextDue: z.string().nullable(),
  alp: z.strictObject({
    latest: z.strictObject({ value: z.number(), date: z.string() }).nullable(),
    previous: z.strictObject({ value: z.number(), date: z.string() }).nullable(),
    upperLimit: z.number(),
  }),
});

export const PATIENT_STATUSES = ['losing', 'attention', 'due', 'ok'] as const;
export const PATIENT_STATUS_LABELS: Record<(typeof PATIENT_STATUSES)[number], string> = {
  losing: 'Losing',
  attention: 'Attention',
  due: 'Due',
  ok: 'OK',
};
export const WorklistStatusesInput = z.strictObject({
  patientIds: z.array(uuid).max(200, { error: said(message('domain.operations.patientsLimit', { max: 200 })) }),
  today,
});
export const WorklistStatuses = z.array(
  z.strictObject({ patientId: z.string(), status: z.enum(PATIENT_STATUSES), label: z.string(), codes: z.array(z.enum(REASON_CODES)) }),
);

export const WorklistSettingsRecord = z.strictObject({
  weeklyFromWeek: z.number().int(),
  weeklyUntilWeek: z.number().int(),
  monthlyUntilWeek: z.number().int(),
  alpUpperLimit: z.number(),
  /** 0 while the clinic runs on the defaults; the version to send with a change. */
  version: z.number().int(),
  setAt: z.string().nullable(),
  setByName: z.string().nullable(),
  defaults: z.strictObject({ weeklyFromWeek: z.number(), weeklyUntilWeek: z.number(), monthlyUntilWeek: z.number(), alpUpperLimit: z.number() }),
  sources: z.strictObject({ schedule: z.string(), alpUpperLimit: z.string() }),
});
export type WorklistSettingsRecord = z.infer<typeof WorklistSettingsRecord>;

export const WorklistSettingsUpdate = z
  .strictObject({
    /** The version the person edited (0 for the defaults): a stale one is refused rather than overwriting a colleague's change. */
    version: z.number().int().min(0, { error: said(message('domain.operations.reloadSettings')) }),
    ...worklistSettingsFields,
  })
  .superRefine(checkSchedule);

export const worklistOperations = {
  'worklist.get': { kind: 'read', input: WorklistGetInput, output: WorklistPage },
  /** One patient's reasons today, with the ALP results: the referral letter's facts. */
  'worklist.patient': { kind: 'read', input: WorklistPatientInput, output: WorklistPatient },
  /** Losing / Attention / Due / OK for a page of patients: the patient list's status column. */
  'worklist.statuses': { kind: 'read', input: WorklistStatusesInput, output: WorklistStatuses },
  'worklist.settings': { kind: 'read', input: z.strictObject({}), output: WorklistSettingsRecord },
  'worklist.setSettings': { kind: 'change', role: 'administrator', input: WorklistSettingsUpdate, output: WorklistSettingsRecord },
} as const;
