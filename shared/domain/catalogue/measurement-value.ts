// Validation of one measured angle against its motion's plausible range. The message is shown next to
// the field, so it names the range and says how to fix the entry.
import { z } from 'zod';
import { findMotionSpec } from './index';
import type { MotionKey } from './types';
import { englishText, message, tagIssue, type MessageRef } from '../../i18n/message';
import { capitalName, motionName } from '../message-words';

/** A refusal's message as an id (`ref`) and its English text (`message`, for the exports' own reports). */
export type DegreesResult = { ok: true; value: number } | { ok: false; message: string; ref: MessageRef };

function refused(ref: MessageRef): DegreesResult {
  return { ok: false, message: englishText(ref), ref };
}

/**
 * Accepts exactly the whole numbers within the motion's plausible range. Never throws: the key and the
 * value may come straight from a form, an import file or an old database row.
 * Strings are refused, not parsed: the form layer decides how text becomes a number.
 */
export function validateDegrees(key: unknown, value: unknown): DegreesResult {
  const spec = findMotionSpec(key);
  if (!spec) {
    return refused(message('domain.degrees.unknownMotion'));
  }
  const { min, max } = spec.plausible;
  const range = { motion: capitalName(motionName(spec.key)), min: { number: min }, max: { number: max } };

  if (value === undefined || value === null || value === '') {
    return refused(message('domain.degrees.missing', range));
  }
  // Only the value's type is interpolated below for non-numbers: String() itself can throw on odd objects.
  if (typeof value !== 'number') {
    return refused(message('domain.degrees.notNumber', range));
  }
  if (!Number.isFinite(value)) {
    return refused(message('domain.degrees.notFinite', range));
  }
  if (!Number.isInteger(value)) {
    const rounded = Math.round(value);
    const shown = { ...range, value: { number: value } };
    if (rounded >= min && rounded <= max) return refused(message('domain.degrees.roundTo', { ...shown, rounded: { number: rounded === 0 ? 0 : rounded } }));
    return refused(message('domain.degrees.round', shown));
  }
  if (value < min || value > max) {
    return refused(message('domain.degrees.outside', { ...range, value: { number: value } }));
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
        if (result.ok) return undefined;
        tagIssue(issue, result.ref);
        return result.message;
      },
    })
    .transform((v) => (v === 0 ? 0 : v));
}
