import { z } from 'zod';
import { isMotionKey, MOTION_KEYS, type MotionKey } from '../../domain/catalogue';
import { PAPER_SIZES } from '../../domain/clinic';
import { pastCalendarDate, uuid } from '../../domain/schema-parts';

// Printed progress reports (issue 7). The report itself is drawn by the renderer from 'patients.file'; the back
// end only keeps the log of reports that were printed or saved, so the patient's record says what paper left
// the clinic, when, by whom and for which period.

const motion = z.custom<MotionKey>((v) => isMotionKey(v), { error: 'Choose joint motions from the list: this one is unknown.' });

function checkPeriod(p: { from: string; to: string }, ctx: z.RefinementCtx): void {
  if (p.to < p.from) ctx.addIssue({ code: 'custom', path: ['to'], message: `The period cannot end (${p.to}) before it starts (${p.from}). Check both dates.` });
}

const periodFields = {
  from: pastCalendarDate('The start of the period'),
  to: pastCalendarDate('The end of the period'),
};

/**
 * The period rules the report screen and the log share: whole calendar dates, not in the future (a report
 * describes what was measured), the end on or after the start.
 */
export const ReportPeriod = z
  .strictObject(periodFields)
  .superRefine(checkPeriod);

export const ReportRecordInput = z
  .strictObject({
    patientId: uuid,
    ...periodFields,
    paper: z.enum(PAPER_SIZES, { error: 'Choose A4 or Letter.' }),
    /** The motions whose charts were printed; omitted when all were, empty when none was (summary only). */
    motions: z
      .array(motion)
      .max(MOTION_KEYS.length, { error: 'More motions than the catalogue holds.' })
      .refine((list) => new Set(list).size === list.length, { error: 'A motion is listed twice.' })
      .optional(),
  })
  .superRefine(checkPeriod);
export type ReportRecordInput = z.input<typeof ReportRecordInput>;

export const ReportRecord = z.strictObject({
  id: z.string(),
  patientId: z.string(),
  from: z.string(),
  to: z.string(),
  paper: z.enum(PAPER_SIZES),
  /** Null when every motion's chart was printed; empty when none was. */
  motions: z.array(z.string()).nullable(),
  recordedAt: z.string(),
  recordedBy: z.string().nullable(),
  /** The therapist's name, so the list reads without another lookup (the recorder may since be inactive). */
  recordedByName: z.string().nullable(),
});
export type ReportRecord = z.infer<typeof ReportRecord>;

export const reportOperations = {
  'reports.record': { input: ReportRecordInput, output: ReportRecord },
  /** Newest first. */
  'reports.list': { input: z.strictObject({ patientId: uuid }), output: z.array(ReportRecord) },
} as const;
