import { z } from 'zod';
import { MODES, SIDES, motionKeySchema, type Mode, type MotionKey, type Side } from './catalogue';
import { validateDegrees } from './catalogue/measurement-value';
import { RecordMeta, reason } from './record-meta';
import { isoInstant, optionalText, pastCalendarDate, uuid } from './schema-parts';
import { inner, message, said, saidIssue } from '../i18n/message';
import { capitalName, motionName } from './message-words';

export const VISIT_SETTINGS = ['outpatient', 'inpatient', 'home', 'other'] as const;
export const VISIT_SETTING_LABELS: Record<(typeof VISIT_SETTINGS)[number], string> = {
  outpatient: 'Outpatient clinic',
  inpatient: 'Inpatient ward',
  home: 'Home visit',
  other: 'Other',
};
export const INSTRUMENTS = ['goniometer', 'inclinometer', 'smartphone', 'visual'] as const;
export type Instrument = (typeof INSTRUMENTS)[number];
export const INSTRUMENT_LABELS: Record<Instrument, string> = {
  goniometer: 'Universal goniometer',
  inclinometer: 'Inclinometer',
  smartphone: 'Smartphone app',
  visual: 'Visual estimate',
};
/** A hard, bony end-feel where there was none is a warning sign of HO. */
export const END_FEELS = ['soft', 'firm', 'hard', 'empty'] as const;
export type EndFeel = (typeof END_FEELS)[number];
export const END_FEEL_LABELS: Record<EndFeel, string> = { soft: 'Soft', firm: 'Firm', hard: 'Hard (bony)', empty: 'Empty' };

const pain = z
  .number({ error: said(message('domain.visit.painNumber')) })
  .int({ error: said(message('domain.visit.painWhole')) })
  .min(0, { error: said(message('domain.visit.painWhole')) })
  .max(10, { error: said(message('domain.visit.painWhole')) })
  .nullable()
  .default(null);

const motion = motionKeySchema(message('domain.visit.motion'));
const side = z.enum(SIDES, { error: said(message('domain.visit.side')) });
const mode = z.enum(MODES, { error: said(message('domain.visit.mode')) });
const instrument = z.enum(INSTRUMENTS, { error: said(message('domain.visit.instrument')) });
const endFeel = z.enum(END_FEELS, { error: said(message('domain.visit.endFeel')) }).nullable();

/** The angle is checked against its own motion's range, so it is checked on the whole entry; it leaves a number. */
function withCheckedDegrees<E extends { motion: MotionKey; degrees: unknown }>(entry: E, ctx: z.RefinementCtx): Omit<E, 'degrees'> & { degrees: number } {
  const r = validateDegrees(entry.motion, entry.degrees);
  if (r.ok) return { ...entry, degrees: r.value };
  ctx.addIssue({ ...saidIssue(r.ref), path: ['degrees'] });
  return z.NEVER;
}

export const MeasurementEntry = z
  .strictObject({
    motion,
    side,
    mode,
    degrees: z.unknown(),
    /** Omitted: the visit's default. */
    instrument: instrument.optional(),
    endFeel: endFeel.optional(),
    pain,
    note: optionalText('Note', 500),
  })
  .transform(withCheckedDegrees);

export const Symptoms = z.strictObject({
  decreasedRange: z.boolean().default(false),
  swelling: z.boolean().default(false),
  redness: z.boolean().default(false),
  warmth: z.boolean().default(false),
  fever: z.boolean().default(false),
  pain,
});
export type Symptoms = z.infer<typeof Symptoms>;

/**
 * One reading per motion, side and mode in a visit: a second one is a slip (or a correction, which has its own
 * operation). Used by the visit and by measurements added to it later.
 */
export function refuseRepeatedReadings(measurements: readonly { motion: MotionKey; side: Side; mode: Mode }[], ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  measurements.forEach((m, i) => {
    const key = `${m.side} ${m.motion} ${m.mode}`;
    if (seen.has(key)) {
      ctx.addIssue({ ...saidIssue(message('domain.visit.twice', { motion: capitalName(motionName(m.motion)), side: inner(message(`side.${m.side}`)), mode: inner(message(`mode.${m.mode}`)) })), path: ['measurements', i, 'degrees'] });
    } else seen.add(key);
  });
}

export const VisitInput = z
  .strictObject({
    patientId: uuid,
    date: pastCalendarDate('Visit date'),
    /** Omitted: the therapist who is working. */
    therapistId: uuid.optional(),
    setting: z.enum(VISIT_SETTINGS, { error: said(message('domain.visit.setting')) }).default('outpatient'),
    symptoms: Symptoms.default({ decreasedRange: false, swelling: false, redness: false, warmth: false, fever: false, pain: null }),
    notes: optionalText('Notes', 4000),
    defaults: z.strictObject({ instrument: instrument.default('goniometer'), endFeel: endFeel.default(null) }).default({ instrument: 'goniometer', endFeel: null }),
    measurements: z.array(MeasurementEntry).max(200, { error: said(message('domain.visit.atMost', { max: 200 })) }),
  })
  .superRefine((visit, ctx) => refuseRepeatedReadings(visit.measurements, ctx));
export type VisitInput = z.input<typeof VisitInput>;

/**
 * Readings added to a visit already recorded (the visit completed later the same day, or extended after): the
 * measurements as a visit takes them; omitted instrument and end-feel are the visit's own defaults.
 */
export const MeasurementsAddition = z
  .strictObject({
    visitId: uuid,
    /** Who took these readings; omitted: the therapist who is working. */
    raterId: uuid.optional(),
    measurements: z
      .array(MeasurementEntry)
      .min(1, { error: said(message('domain.visit.atLeastOne')) })
      .max(200, { error: said(message('domain.visit.atMost', { max: 200 })) }),
  })
  .superRefine((addition, ctx) => refuseRepeatedReadings(addition.measurements, ctx));
export type MeasurementsAddition = z.input<typeof MeasurementsAddition>;

export const Measurement = z.strictObject({
  ...RecordMeta,
  visitId: z.string(),
  patientId: z.string(),
  date: z.string(),
  motion: motionKeySchema(),
  side: z.enum(SIDES),
  mode: z.enum(MODES),
  degrees: z.number().int(),
  raterId: z.string().nullable(),
  instrument: z.enum(INSTRUMENTS),
  endFeel: z.enum(END_FEELS).nullable(),
  pain: z.number().int().nullable(),
  note: z.string().nullable(),
});
export type Measurement = z.infer<typeof Measurement>;

/**
 * Measurements added to a visit after it was recorded (visits.addMeasurements), grouped by when and by whom:
 * read from the first version of each current measurement, so a later correction does not hide it.
 */
export const VisitExtension = z.strictObject({ at: isoInstant, by: z.string().nullable(), measurements: z.number().int() });
export type VisitExtension = z.infer<typeof VisitExtension>;

export const Visit = z.strictObject({
  id: z.string(),
  patientId: z.string(),
  date: z.string(),
  therapistId: z.string().nullable(),
  setting: z.enum(VISIT_SETTINGS),
  symptoms: z.strictObject({
    decreasedRange: z.boolean(),
    swelling: z.boolean(),
    redness: z.boolean(),
    warmth: z.boolean(),
    fever: z.boolean(),
    pain: z.number().int().nullable(),
  }),
  notes: z.string().nullable(),
  instrument: z.enum(INSTRUMENTS),
  endFeel: z.enum(END_FEELS).nullable(),
  recordedAt: isoInstant,
  recordedBy: z.string().nullable(),
  /** The current (not superseded, not voided) measurements. */
  measurements: z.array(Measurement),
  /** Oldest first; empty for a visit recorded whole. */
  extensions: z.array(VisitExtension),
});
export type Visit = z.infer<typeof Visit>;

/** A corrected angle (or its details); the motion, side and mode stay those of the original. */
export const MeasurementCorrection = z
  .strictObject({
    id: uuid,
    reason: reason('correction'),
    degrees: z.unknown(),
    instrument,
    endFeel,
    pain,
    note: optionalText('Note', 500),
  });
