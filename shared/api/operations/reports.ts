import { z } from 'zod';
import { MOTION_KEYS, motionKeySchema } from '../../domain/catalogue';
import { PAPER_SIZES } from '../../domain/clinic';
import { invisibleCharacterProblem, pastCalendarDate, uuid } from '../../domain/schema-parts';
import { fieldLabel } from '../../i18n/field-labels';
import { message, said, saidIssue } from '../../i18n/message';

// Printed progress reports (issue 7). The report itself is drawn by the renderer from 'patients.file' and
// 'analysis.patient'; the back end keeps the log of reports that were printed or saved, with everything needed
// to draw the same report again (issue 17): the period, paper, charts and sites chosen, the typed assessment
// and recommendations as typed, and the date the verdicts were worked out for.

const motion = motionKeySchema(message('domain.reports.motion'));

function checkPeriod(p: { from: string; to: string }, ctx: z.RefinementCtx): void {
  if (p.to < p.from) ctx.addIssue({ ...saidIssue(message('domain.operations.period', { to: { date: p.to }, from: { date: p.from } })), path: ['to'] });
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

export const REPORT_TEXT_MAX = 4000;
export const REPORT_SITES = ['watched', 'all'] as const;
export type ReportSites = (typeof REPORT_SITES)[number];

/**
 * Free text printed on the report, kept exactly as typed (line breaks separate paragraphs); an empty text is
 * left out of the print. Invisible direction marks are refused: a bidirectional override can make a printed
 * line read backwards.
 */
function reportText(label: string) {
  return z
    .string({ error: said(message('domain.reports.text', { field: fieldLabel(label) })) })
    .max(REPORT_TEXT_MAX, { error: said(message('errors.field.tooLong', { field: fieldLabel(label), size: { message: message('errors.unit.character', { count: REPORT_TEXT_MAX }) } })) })
    .superRefine((value, ctx) => {
      const problem = invisibleCharacterProblem(label, value.replace(/[\n\r\t]/g, ' '));
      if (problem) ctx.addIssue(saidIssue(problem));
    });
}

export const ReportRecordInput = z
  .strictObject({
    patientId: uuid,
    ...periodFields,
    paper: z.enum(PAPER_SIZES, { error: said(message('domain.clinic.paper')) }),
    /** The motions whose charts were printed; omitted when all were, empty when none was (summary only). */
    motions: z
      .array(motion)
      .max(MOTION_KEYS.length, { error: said(message('domain.operations.tooManyMotions')) })
      .refine((list) => new Set(list).size === list.length, { error: said(message('domain.operations.motionTwice')) })
      .optional(),
    sites: z.enum(REPORT_SITES, { error: said(message('domain.operations.sites')) }),
    assessment: reportText('The assessment'),
    recommendations: reportText('The recommendations'),
    /** The day the printed verdicts are for ('analysis.patient' with this today). */
    analysisDate: pastCalendarDate('The date of the verdicts'),
  })
  .superRefine(checkPeriod)
  .superRefine((r, ctx) => {
    if (r.analysisDate < r.to) {
      ctx.addIssue({ ...saidIssue(message('domain.operations.verdictsBeforeEnd', { analysisDate: { date: r.analysisDate }, to: { date: r.to } })), path: ['analysisDate'] });
    }
  });
export type ReportRecordInput = z.input<typeof ReportRecordInput>;

export const ReportRecord = z.strictObject({
  id: z.string(),
  patientId: z.string(),
  from: z.string(),
  to: z.string(),
  paper: z.enum(PAPER_SIZES),
  /** Null when every motion's chart was printed; empty when none was. */
  motions: z.array(motionKeySchema()).nullable(),
  /**
   * What the report said; all four null for a report printed before ROMtrack kept them (version 11), which
   * therefore cannot be reprinted as it was.
   */
  kept: z
    .strictObject({
      sites: z.enum(REPORT_SITES),
      assessment: z.string(),
      recommendations: z.string(),
      analysisDate: z.string(),
    })
    .nullable(),
  /** The entry this one printed again, or null for a first printing. */
  reprintOf: z.string().nullable(),
  recordedAt: z.string(),
  recordedBy: z.string().nullable(),
  /** The therapist's name, so the list reads without another lookup (the recorder may since be inactive). */
  recordedByName: z.string().nullable(),
});
export type ReportRecord = z.infer<typeof ReportRecord>;

export const reportOperations = {
  'reports.record': { kind: 'change', access: 'report', input: ReportRecordInput, output: ReportRecord },
  /**
   * The report of an earlier entry printed again, identical: a new entry copying that entry's options, texts
   * and verdict date (the back end copies them, so the log cannot say a reprint differed from what it names).
   */
  'reports.recordReprint': { kind: 'change', access: 'report', input: z.strictObject({ reportId: uuid }), output: ReportRecord },
  /** Newest first. */
  'reports.list': { kind: 'read', input: z.strictObject({ patientId: uuid }), output: z.array(ReportRecord) },
} as const;
