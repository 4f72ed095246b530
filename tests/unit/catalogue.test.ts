import { describe, expect, it } from 'vitest';
import {
  JOINTS,
  MOTIONS,
  MOTION_KEYS,
  MOTION_SPECS,
  PLANES,
  formatDegrees,
  isMotionKey,
  modeLabel,
  motionBelongsToJoint,
  motionKey,
  motionSpec,
  motionsOfJoint,
  opposingMotion,
  planeOf,
  seriesLabel,
  sideLabel,
  type MotionKey,
} from '../../shared/domain/catalogue';

// Copied by hand from the "Normal active range" table of /work/shared/clinical-reference.md, in its order,
// so a change to the catalogue that drifts from the reference fails here.
const REFERENCE_TABLE: [MotionKey, number][] = [
  ['shoulder.flexion', 180],
  ['shoulder.extension', 60],
  ['shoulder.abduction', 180],
  ['shoulder.internal_rotation', 70],
  ['shoulder.external_rotation', 90],
  ['elbow.flexion', 150],
  ['elbow.extension', 0],
  ['forearm.pronation', 80],
  ['forearm.supination', 80],
  ['wrist.flexion', 80],
  ['wrist.extension', 70],
  ['wrist.radial_deviation', 20],
  ['wrist.ulnar_deviation', 30],
  ['hip.flexion', 120],
  ['hip.extension', 30],
  ['hip.abduction', 45],
  ['hip.adduction', 30],
  ['hip.internal_rotation', 45],
  ['hip.external_rotation', 45],
  ['knee.flexion', 135],
  ['knee.extension', 0],
  ['ankle.dorsiflexion', 20],
  ['ankle.plantarflexion', 50],
];

// The reference's default thresholds, per joint, with knee split by motion.
const REFERENCE_THRESHOLDS: Record<string, number> = {
  shoulder: 15,
  elbow: 8,
  forearm: 8,
  wrist: 8,
  hip: 12,
  'knee.flexion': 10,
  'knee.extension': 5,
  ankle: 6,
};

const REFERENCE_FUNCTIONAL: Partial<Record<MotionKey, number>> = {
  'elbow.flexion': 130,
  'elbow.extension': -30,
  'forearm.pronation': 50,
  'forearm.supination': 50,
  'knee.flexion': 110,
  'hip.flexion': 100,
};

describe('catalogue integrity', () => {
  it('holds every motion of the reference table, in its order, with its normal value, and nothing else', () => {
    expect(MOTION_SPECS.map((s) => [s.key, s.normal.value])).toEqual(REFERENCE_TABLE);
  });

  it('has unique keys, each made of its joint and motion', () => {
    expect(new Set(MOTION_KEYS).size).toBe(MOTION_SPECS.length);
    for (const s of MOTION_SPECS) {
      expect(s.key).toBe(`${s.joint}.${s.motion}`);
      expect(JOINTS).toContain(s.joint);
      expect(MOTIONS).toContain(s.motion);
      expect(s.label).toMatch(/^[A-Z][a-z]+ [a-z ]+$/);
    }
  });

  it.each(MOTION_SPECS.map((s) => [s.key, s] as const))('%s: sourced normal inside a sane plausible range', (_key, s) => {
    expect(Number.isInteger(s.normal.value)).toBe(true);
    expect(s.normal.source).toMatch(/AAOS/);
    expect(Number.isInteger(s.plausible.min)).toBe(true);
    expect(Number.isInteger(s.plausible.max)).toBe(true);
    expect(s.plausible.min).toBeLessThan(s.plausible.max);
    expect(s.plausible.min).toBeLessThanOrEqual(s.normal.value);
    expect(s.plausible.max).toBeGreaterThanOrEqual(s.normal.value);
    // Neutral must always be enterable: a joint fixed at 0 is a real finding.
    expect(s.plausible.min).toBeLessThanOrEqual(0);
    expect(s.plausible.max).toBeGreaterThan(0);
  });

  it.each(MOTION_SPECS.map((s) => [s.key, s] as const))('%s: positive threshold with a source', (key, s) => {
    expect(s.threshold.value).toBeGreaterThan(0);
    expect(s.threshold.value).toBe(REFERENCE_THRESHOLDS[key] ?? REFERENCE_THRESHOLDS[s.joint]);
    // The reference marks all default thresholds "to confirm".
    expect(s.threshold.source).toMatch(/to confirm/);
  });

  it('marks the values the reference marks "to confirm"', () => {
    expect(motionSpec('hip.extension').normal.source).toMatch(/to confirm/);
    expect(motionSpec('hip.adduction').normal.source).toMatch(/to confirm/);
  });

  it('has the reference functional values, sourced and within range, and no others', () => {
    const withFunctional = MOTION_SPECS.filter((s) => s.functional);
    expect(Object.fromEntries(withFunctional.map((s) => [s.key, s.functional!.value]))).toEqual(REFERENCE_FUNCTIONAL);
    for (const s of withFunctional) {
      expect(s.functional!.source.length).toBeGreaterThan(5);
      expect(s.functional!.value).toBeGreaterThanOrEqual(s.plausible.min);
      expect(s.functional!.value).toBeLessThanOrEqual(s.plausible.max);
    }
    expect(motionSpec('elbow.flexion').functional!.source).toMatch(/Morrey 1981/);
    expect(motionSpec('knee.flexion').functional!.source).toMatch(/Rowe 2000/);
  });
});

describe('planes', () => {
  it('each motion is listed by its plane, and the plane is of the same joint', () => {
    for (const s of MOTION_SPECS) {
      const plane = planeOf(s.key);
      expect(plane.id).toBe(s.plane);
      expect(plane.motions).toContain(s.key);
      expect(plane.joint).toBe(s.joint);
      expect(plane.id.startsWith(`${s.joint}.`)).toBe(true);
    }
  });

  it('every plane motion is a catalogue motion of that plane, and each motion is in exactly one plane', () => {
    expect(new Set(PLANES.map((p) => p.id)).size).toBe(PLANES.length);
    const listed = PLANES.flatMap((p) => p.motions);
    expect([...listed].sort()).toEqual([...MOTION_KEYS].sort());
    for (const p of PLANES) for (const k of p.motions) expect(motionSpec(k).plane).toBe(p.id);
  });

  it('pairs opposite motions; shoulder abduction stands alone', () => {
    const pairs = new Set(
      PLANES.filter((p) => p.motions.length === 2).map((p) => p.motions.map((k) => motionSpec(k).motion).join('+')),
    );
    expect(pairs).toEqual(
      new Set([
        'flexion+extension',
        'abduction+adduction',
        'internal_rotation+external_rotation',
        'pronation+supination',
        'radial_deviation+ulnar_deviation',
        'dorsiflexion+plantarflexion',
      ]),
    );
    const singles = PLANES.filter((p) => p.motions.length !== 2);
    expect(singles.map((p) => p.motions)).toEqual([['shoulder.abduction']]);
    expect(opposingMotion('elbow.extension')).toBe('elbow.flexion');
    expect(opposingMotion('shoulder.abduction')).toBeNull();
  });
});

describe('lookups', () => {
  it('orders motions by joint as JOINTS does', () => {
    const jointOrder = MOTION_SPECS.map((s) => JOINTS.indexOf(s.joint));
    expect(jointOrder).toEqual([...jointOrder].sort((a, b) => a - b));
    expect(MOTION_SPECS.flatMap((s) => s.key)).toEqual(JOINTS.flatMap((j) => motionsOfJoint(j).map((s) => s.key)));
  });

  it('tells catalogue keys from look-alikes', () => {
    expect(isMotionKey('elbow.flexion')).toBe(true);
    for (const bad of ['elbow.pronation', 'knee.abduction', 'Elbow.flexion', '', '__proto__', 'toString', 42, null, undefined, {}])
      expect(isMotionKey(bad)).toBe(false);
  });

  it('builds keys only for motions the joint has', () => {
    expect(motionKey('elbow', 'flexion')).toBe('elbow.flexion');
    expect(motionKey('knee', 'pronation')).toBeNull();
    expect(motionBelongsToJoint('forearm', 'supination')).toBe(true);
    expect(motionBelongsToJoint('forearm', 'flexion')).toBe(false);
    expect(motionBelongsToJoint('shoulder', 'adduction')).toBe(false);
    for (const j of JOINTS)
      for (const m of MOTIONS) expect(motionBelongsToJoint(j, m)).toBe(motionsOfJoint(j).some((s) => s.motion === m));
  });

  it('lists the motions of a joint', () => {
    expect(motionsOfJoint('knee').map((s) => s.motion)).toEqual(['flexion', 'extension']);
    expect(motionsOfJoint('forearm').map((s) => s.motion)).toEqual(['pronation', 'supination']);
    expect(motionsOfJoint('shoulder')).toHaveLength(5);
  });

  it('refuses an unknown key loudly', () => {
    expect(() => motionSpec('elbow.pronation')).toThrow(/Unknown joint motion/);
    expect(() => planeOf('knee.adduction')).toThrow(/Unknown joint motion/);
  });
});

describe('labels', () => {
  it('names sides, modes and series', () => {
    expect(sideLabel('left')).toBe('Left');
    expect(sideLabel('right')).toBe('Right');
    expect(modeLabel('active')).toBe('Active');
    expect(modeLabel('passive')).toBe('Passive');
    expect(seriesLabel('right', 'elbow.flexion', 'active')).toBe('Right elbow flexion (active)');
    expect(seriesLabel('left', 'hip.internal_rotation', 'passive')).toBe('Left hip internal rotation (passive)');
  });

  it('formats degrees with an ASCII minus', () => {
    expect(formatDegrees(-30)).toBe('-30°');
    expect(formatDegrees(130)).toBe('130°');
    expect(formatDegrees(0)).toBe('0°');
    expect(formatDegrees(-0)).toBe('0°');
    expect(formatDegrees(12.5)).toBe('12.5°');
    expect(formatDegrees(Number.NaN)).toBe('—');
  });
});
