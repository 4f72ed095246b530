import { z } from 'zod';
import { JOINTS, motionKeySchema } from '../../domain/catalogue';
import { isoInstant } from '../../domain/schema-parts';
import { thresholdOverrideSchema, thresholdSlotSchema } from '../../domain/thresholds';
import { INSTRUMENTS } from '../../domain/visit';
import { Empty } from './common';

// A clinic's own measurement-error thresholds (issue 22): the catalogue's figures are defaults marked "to
// confirm", so Settings lets the clinic set its own per motion and instrument. Every change is kept.

/** One of the clinic's current overrides of a motion, with who set it and when. */
export const ClinicThreshold = z.strictObject({
  /** null: applies to any instrument without an override of its own. */
  instrument: z.enum(INSTRUMENTS).nullable(),
  degrees: z.number(),
  setById: z.string(),
  setByName: z.string(),
  setAt: isoInstant,
});
export type ClinicThreshold = z.infer<typeof ClinicThreshold>;

/** One motion of the catalogue: its default threshold with the source, and what the clinic set. */
export const ThresholdEntry = z.strictObject({
  motion: motionKeySchema(),
  joint: z.enum(JOINTS),
  /** "Hip extension". */
  label: z.string(),
  catalogueDefault: z.strictObject({
    degrees: z.number(),
    /** The catalogue's full source text. */
    source: z.string(),
    /** "Cleffken 2007; to confirm": for a table cell. */
    sourceShort: z.string(),
  }),
  /** "Any instrument" first, then the instruments in their usual order; empty when the default applies. */
  overrides: z.array(ClinicThreshold),
});
export type ThresholdEntry = z.infer<typeof ThresholdEntry>;

export const thresholdOperations = {
  /** Every catalogue motion in clinical order. */
  'thresholds.list': { kind: 'read', input: Empty, output: z.array(ThresholdEntry) },
  /** Sets the clinic's threshold for a motion and instrument (null: any); returns the motion's entry. */
  'thresholds.set': { kind: 'change', role: 'administrator', input: thresholdOverrideSchema, output: ThresholdEntry },
  /** Removes that override, so the "any instrument" value or the catalogue default applies again. */
  'thresholds.clear': { kind: 'change', role: 'administrator', input: thresholdSlotSchema, output: ThresholdEntry },
} as const;
