// Lookups over the catalogue. Everything else in the app asks here instead of reading the arrays,
// so that an unknown key is answered the same way everywhere.
import { z } from 'zod';
import { message, said, saidIssue, type MessageRef } from '../../i18n/message';
import { isOneOf } from '../one-of';
import { withSameValueTest } from '../same-value-test';
import { MOTION_CATALOGUE, PLANES } from './catalogue';
import {
  JOINTS,
  MODES,
  type JointId,
  type Mode,
  type MotionId,
  type MotionKey,
  type MotionSpec,
  type PlaneId,
  type PlaneSpec,
  type Side,
} from './types';

export * from './types';
export { MOTION_CATALOGUE, PLANES } from './catalogue';

// Sorted once so screens, exports and charts list motions in the same clinical order whatever order
// the catalogue file happens to be written in.
export const MOTION_SPECS: readonly MotionSpec[] = Object.freeze(
  MOTION_CATALOGUE.map((spec, i) => ({ spec, i }))
    .sort((a, b) => JOINTS.indexOf(a.spec.joint) - JOINTS.indexOf(b.spec.joint) || a.i - b.i)
    .map(({ spec }) => spec),
);

export const MOTION_KEYS: readonly MotionKey[] = Object.freeze(MOTION_SPECS.map((s) => s.key));

// Maps, not object literals, so that input such as "__proto__" or "toString" is never mistaken for a key.
const BY_KEY: ReadonlyMap<string, MotionSpec> = new Map(MOTION_SPECS.map((s) => [s.key, s]));
const PLANE_BY_ID: ReadonlyMap<string, PlaneSpec> = new Map(PLANES.map((p) => [p.id, p]));
const BY_JOINT: ReadonlyMap<JointId, readonly MotionSpec[]> = new Map(
  JOINTS.map((j) => [j, Object.freeze(MOTION_SPECS.filter((s) => s.joint === j))]),
);

/** True only for keys in the catalogue: "elbow.pronation" fits the MotionKey pattern but is not one. */
export function isMotionKey(s: unknown): s is MotionKey {
  return typeof s === 'string' && BY_KEY.has(s);
}

/** True for the joints of the catalogue; data read back or typed in is checked with this before use. */
export function isJointId(s: unknown): s is JointId {
  return isOneOf(JOINTS, s);
}

export function isSide(s: unknown): s is Side {
  return s === 'left' || s === 'right';
}

export function isMode(s: unknown): s is Mode {
  return isOneOf(MODES, s);
}

/**
 * A motion key of the catalogue, checked: text in (a form's box, a row), a MotionKey out, so neither the caller nor
 * the reader of a result needs a cast. The message is the input's own where a person chose the motion.
 */
export function motionKeySchema(error: MessageRef = message('domain.catalogue.notMotion')) {
  const schema = z.string({ error: said(error) }).transform((key, ctx): MotionKey => {
    if (isMotionKey(key)) return key;
    ctx.addIssue({ ...saidIssue(error), input: key });
    return z.NEVER;
  });
  // The transform keeps exactly the catalogue's keys, unchanged: the output check tests that without running it.
  return withSameValueTest(schema, isMotionKey);
}

/** The spec of a catalogue key, or undefined for a key the catalogue does not hold (stale data, bad input). */
export function findMotionSpec(key: unknown): MotionSpec | undefined {
  return typeof key === 'string' ? BY_KEY.get(key) : undefined;
}

/** The spec of a catalogue key. Throws for a key that is not in the catalogue: check with isMotionKey first. */
export function motionSpec(key: MotionKey): MotionSpec {
  const spec = findMotionSpec(key);
  if (!spec) throw new RangeError(`Unknown joint motion "${String(key)}".`);
  return spec;
}

/** The motions of one joint in clinical order; empty for a value that is not a joint. */
export function motionsOfJoint(joint: JointId): readonly MotionSpec[] {
  return BY_JOINT.get(joint) ?? [];
}

/** The catalogue key for a joint and a motion, or null when that joint has no such motion (knee pronation). */
export function motionKey(joint: JointId, motion: MotionId): MotionKey | null {
  const key = `${joint}.${motion}`;
  return isMotionKey(key) ? key : null;
}

export function motionBelongsToJoint(joint: JointId, motion: MotionId): boolean {
  return motionKey(joint, motion) !== null;
}

export function planeSpec(id: PlaneId): PlaneSpec {
  const plane = PLANE_BY_ID.get(id);
  if (!plane) throw new RangeError(`Unknown plane "${String(id)}".`);
  return plane;
}

/** The plane a motion belongs to, whose motions add up to its arc. Throws like motionSpec. */
export function planeOf(key: MotionKey): PlaneSpec {
  return planeSpec(motionSpec(key).plane);
}

/** The other motion of the plane (flexion for extension), or null for a one-motion plane. */
export function opposingMotion(key: MotionKey): MotionKey | null {
  return planeOf(key).motions.find((k) => k !== key) ?? null;
}

export function sideLabel(side: Side): 'Left' | 'Right' {
  return side === 'left' ? 'Left' : 'Right';
}

export function modeLabel(mode: Mode): 'Active' | 'Passive' {
  return mode === 'active' ? 'Active' : 'Passive';
}

/** "Right elbow flexion (active)": one line of a chart or table. */
export function seriesLabel(side: Side, key: MotionKey, mode: Mode): string {
  return `${sideLabel(side)} ${motionSpec(key).label.toLowerCase()} (${mode === 'active' ? 'active' : 'passive'})`;
}

/**
 * "-30°", "130°". The ASCII hyphen-minus keeps exports, copy-paste and screen readers consistent.
 * Averages may be fractional and are shown as given; a missing value (NaN, Infinity) shows as an em dash.
 */
export function formatDegrees(n: number): string {
  if (!Number.isFinite(n)) return '—';
  // One decimal at most (averages, slopes); -0 and a change that rounds to nothing read as 0.
  const rounded = Math.round(n * 10) / 10;
  return `${rounded === 0 ? 0 : rounded}°`;
}
