import { z } from 'zod';
import { todayLocal } from './dates';
import { isMonday } from './plan-periods';
import { RecordMeta, reason } from './record-meta';
import { calendarDate, optionalText, uuid } from './schema-parts';
import { message, said } from '../i18n/message';

// Adherence to a home program: per plan item and week, how many of the prescribed sessions the patient did,
// as the patient or carer reports them (a diary, a phone call). Weeks run Monday to Sunday.

export const AdherenceInput = z.strictObject({
  /** The plan item (of one version of the plan) the sessions were done for. */
  itemId: uuid,
  weekStart: calendarDate('Week')
    .refine(isMonday, { error: said(message('domain.adherence.monday')) })
    .refine((d) => d <= todayLocal(), { error: said(message('domain.adherence.notStarted')) }),
  sessionsDone: z
    .number({ error: said(message('domain.adherence.sessions')) })
    .int({ error: said(message('domain.adherence.sessions')) })
    .min(0, { error: said(message('domain.adherence.negative')) }),
  note: optionalText('Note', 500),
  /**
   * Needed only when the week already has a count: the new count replaces it as a new version, and the reason
   * stays in its history.
   */
  reason: reason('change').optional(),
});
export type AdherenceInput = z.input<typeof AdherenceInput>;

export const AdherenceListInput = z.strictObject({ planId: uuid });

export const AdherenceEntry = z.strictObject({
  ...RecordMeta,
  itemId: z.string(),
  /** The plan's lineage id. */
  planId: z.string(),
  patientId: z.string(),
  weekStart: z.string(),
  sessionsDone: z.number().int(),
  /** Sessions the item prescribed that week, counting only the days its version was in force. */
  prescribed: z.number().int(),
  note: z.string().nullable(),
});
export type AdherenceEntry = z.infer<typeof AdherenceEntry>;

/** Whole percent of the prescribed sessions done; null when nothing was prescribed. */
export function adherencePercent(done: number, prescribed: number): number | null {
  return prescribed > 0 ? Math.round((done / prescribed) * 100) : null;
}
