import { z } from 'zod';
import { JOINTS, SIDES } from '../../domain/catalogue';
import { PAPER_SIZES } from '../../domain/clinic';
import { requiredText, uuid } from '../../domain/schema-parts';
import { SeriesKeySchema } from '../../domain/series';
import { message, said } from '../../i18n/message';

// Referral letters for a suspected HO (issue 16). The letter is drawn and edited in the renderer; when it is
// printed, the back end keeps its full text, as sent, in an append-only log beside the report log: paper that
// left the clinic is part of the record, and the clinic can always read again what it asked for.

/** Enough for a one-page letter many times over; a pasted document is refused with a message. */
export const REFERRAL_TEXT_MAX = 20_000;

export const ReferralRecordInput = z.strictObject({
  patientId: uuid,
  joint: z.enum(JOINTS, { error: said(message('domain.operations.letterJoint')) }),
  side: z.enum(SIDES, { error: said(message('domain.event.side')) }),
  /** The series whose chart was printed, if any. */
  seriesKey: SeriesKeySchema.nullable().default(null),
  paper: z.enum(PAPER_SIZES, { error: said(message('domain.clinic.paper')) }),
  /** To whom: "Dr A. Mensah, Rehabilitation Medicine". */
  addressee: requiredText('The addressee', 300),
  /** The whole letter as printed, as plain text. */
  text: requiredText('The letter', REFERRAL_TEXT_MAX),
});
export type ReferralRecordInput = z.input<typeof ReferralRecordInput>;

export const ReferralRecord = z.strictObject({
  id: z.string(),
  patientId: z.string(),
  joint: z.enum(JOINTS),
  side: z.enum(SIDES),
  seriesKey: SeriesKeySchema.nullable(),
  paper: z.enum(PAPER_SIZES),
  addressee: z.string(),
  text: z.string(),
  recordedAt: z.string(),
  recordedBy: z.string().nullable(),
  recordedByName: z.string().nullable(),
});
export type ReferralRecord = z.infer<typeof ReferralRecord>;

export const referralOperations = {
  'referrals.record': { kind: 'change', access: 'report', input: ReferralRecordInput, output: ReferralRecord },
  /** Newest first: the letter screen's "Sent before". */
  'referrals.list': { kind: 'read', input: z.strictObject({ patientId: uuid }), output: z.array(ReferralRecord) },
} as const;
