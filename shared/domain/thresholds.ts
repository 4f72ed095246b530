// A clinic's own measurement-error thresholds: the catalogue's defaults are published figures marked "to confirm",
// so a clinic may set its own per motion, and per instrument where the instrument's error differs
// (clinical-reference.md, "Comparing like with like": 6° with an inclinometer, 14° by visual estimate at the knee).
import { z } from 'zod';
import { motionKeySchema, type MotionKey } from './catalogue';
import { INSTRUMENTS, type Instrument } from './visit';
import { message, said } from '../i18n/message';

/** One override: the threshold T for a motion, for one instrument or (instrument null) for any instrument. */
export interface ThresholdOverride {
  motion: MotionKey;
  instrument: Instrument | null;
  degrees: number;
}

export const thresholdDegrees = z
  .number({ error: said(message('domain.threshold.type')) })
  .min(1, { error: said(message('domain.threshold.low')) })
  .max(45, { error: said(message('domain.threshold.high')) })
  .refine((n) => Number.isInteger(n * 2), { error: said(message('domain.threshold.half')) });

export const thresholdOverrideSchema = z.strictObject({
  motion: motionKeySchema(message('domain.threshold.motion')),
  instrument: z.enum(INSTRUMENTS, { error: said(message('domain.threshold.instrument')) }).nullable(),
  degrees: thresholdDegrees,
});

/**
 * The threshold for one motion measured with one instrument: the clinic's override for that instrument,
 * else its override for any instrument, else the catalogue default passed in.
 */
export function thresholdFor(
  overrides: readonly ThresholdOverride[],
  motion: MotionKey,
  instrument: Instrument | string | null,
  catalogueDefault: number,
): number {
  let any: number | null = null;
  for (const o of overrides) {
    if (o.motion !== motion) continue;
    if (o.instrument !== null && o.instrument === instrument) return o.degrees;
    if (o.instrument === null) any = o.degrees;
  }
  return any ?? catalogueDefault;
}

/** Which override a clear removes: the motion and the instrument (null: the "any instrument" value). */
export const thresholdSlotSchema = thresholdOverrideSchema.pick({ motion: true, instrument: true });

/**
 * The citations of a catalogue threshold source, short enough for a table cell: "Cleffken 2007; to confirm".
 * The full text stays available beside the form; a source naming no study is the clinical reference's own
 * figure ("Clinical reference; to confirm").
 */
export function shortThresholdSource(source: string): string {
  const cited = [...new Set([...source.matchAll(/\b([A-Z][a-z]+(?: et al\.)?) ((?:19|20)\d\d)\b/g)].map((m) => `${m[1]} ${m[2]}`))];
  const base = cited.length > 0 ? cited.join(', ') : 'Clinical reference';
  return /to confirm/i.test(source) ? `${base}; to confirm` : base;
}
