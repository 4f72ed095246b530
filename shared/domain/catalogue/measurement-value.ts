// Validation of one measured angle against its motion's plausible range. The message is shown next to
// the field, so it names the range and says how to fix the entry.
import { z } from 'zod';
import { findMotionSpec } from './index';
import type { MotionKey } from './types';

export type DegreesResult = { ok: true; value: number } | { ok: false; message: string };

/**
 * Accepts exactly the whole numbers within the motion's plausible range. Never throws: the key and the
 * value may come straight from a form, an import file or an old database row.
 * Strings are refused, not parsed: the form layer decides how text becomes a number.
 */
export function validateDegrees(key: unknown, value: unknown): DegreesResult {
  const spec = findMotionSpec(key);
  if (!spec) {
    return { ok: false, message: 'This joint motion is not one ROMtrack knows. Choose the joint and the motion again.' };
  }
  const { min, max } = spec.plausible;
  const expected = `${spec.label} must be a whole number of degrees from ${min} to ${max}`;

  if (value === undefined || value === null || value === '') {
    return { ok: false, message: `${spec.label} is missing. Enter a whole number of degrees from ${min} to ${max}.` };
  }
  // Only the value's type is interpolated below for non-numbers: String() itself can throw on odd objects.
  if (typeof value !== 'number') {
    return { ok: false, message: `${expected}; enter it as a number, with a minus sign if the joint cannot reach 0.` };
  }
  if (!Number.isFinite(value)) {
    return { ok: false, message: `${expected}; enter a number.` };
  }
  if (!Number.isInteger(value)) {
    const rounded = Math.round(value);
    const fix = rounded >= min && rounded <= max ? `Round it to ${rounded === 0 ? 0 : rounded}.` : 'Round it.';
    return { ok: false, message: `${expected}; ${value} is not a whole number. ${fix}` };
  }
  if (value < min || value > max) {
    return { ok: false, message: `${expected}; ${value} is outside it.` };
  }
  // -0 would otherwise be stored and printed as "-0".
  return { ok: true, value: value === 0 ? 0 : value };
}

/** A zod schema for one motion's angle, sharing validateDegrees' rule and messages. */
export function degreesFor(key: MotionKey) {
  return z
    .custom<number>((v) => validateDegrees(key, v).ok, {
      error: (issue) => {
        const result = validateDegrees(key, issue.input);
        return result.ok ? undefined : result.message;
      },
    })
    .transform((v) => (v === 0 ? 0 : v));
}
