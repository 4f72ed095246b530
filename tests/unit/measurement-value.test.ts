import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MOTION_SPECS, motionSpec, type MotionKey } from '../../shared/domain/catalogue';
import { degreesFor, validateDegrees } from '../../shared/domain/catalogue/measurement-value';

const anyKey = fc.constantFrom(...MOTION_SPECS.map((s) => s.key));
// Keys as they might arrive from a form, an import file or an old row.
const anyKeyInput = fc.oneof(anyKey, fc.string(), fc.constantFrom('elbow.pronation', '__proto__', 'toString'), fc.anything());
const oddNumbers = fc.oneof(
  fc.double(),
  fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, Number.MAX_VALUE, Number.MIN_VALUE, Number.MAX_SAFE_INTEGER + 2),
);
const anyValue = fc.oneof(
  fc.anything({ withBigInt: true, withBoxedValues: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true }),
  oddNumbers,
  fc.string(),
  fc.integer().map(String),
);

describe('validateDegrees', () => {
  it('never throws and always answers with a result', () => {
    fc.assert(
      fc.property(anyKeyInput, anyValue, (key, value) => {
        const r = validateDegrees(key, value);
        if (r.ok) expect(Number.isInteger(r.value)).toBe(true);
        else expect(r.message.length).toBeGreaterThan(10);
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts exactly the integers within the plausible range', () => {
    fc.assert(
      fc.property(anyKey, fc.integer({ min: -400, max: 400 }), (key, value) => {
        const { min, max } = motionSpec(key).plausible;
        const r = validateDegrees(key, value);
        expect(r.ok).toBe(value >= min && value <= max);
        if (r.ok) expect(r.value).toBe(value);
      }),
      { numRuns: 3000 },
    );
  });

  it('accepts every integer of every range, including both ends', () => {
    for (const s of MOTION_SPECS) {
      for (let v = s.plausible.min; v <= s.plausible.max; v++) expect(validateDegrees(s.key, v)).toEqual({ ok: true, value: v });
      expect(validateDegrees(s.key, s.plausible.min - 1).ok).toBe(false);
      expect(validateDegrees(s.key, s.plausible.max + 1).ok).toBe(false);
    }
  });

  it('refuses every non-integer number and every non-number', () => {
    fc.assert(
      fc.property(anyKey, oddNumbers, (key, value) => {
        fc.pre(!Number.isInteger(value));
        expect(validateDegrees(key, value).ok).toBe(false);
      }),
    );
    fc.assert(
      fc.property(anyKey, fc.anything(), (key, value) => {
        fc.pre(typeof value !== 'number');
        expect(validateDegrees(key, value).ok).toBe(false);
      }),
    );
  });

  it('names the range in every refusal for a known motion', () => {
    fc.assert(
      fc.property(anyKey, anyValue, (key, value) => {
        const r = validateDegrees(key, value);
        const { label, plausible } = motionSpec(key);
        if (!r.ok) {
          expect(r.message).toContain(label);
          expect(r.message).toContain(`from ${plausible.min} to ${plausible.max}`);
        }
      }),
    );
  });

  it.each<[MotionKey, unknown, string]>([
    ['elbow.flexion', 190, 'Elbow flexion must be a whole number of degrees from -10 to 170; 190 is outside it.'],
    ['elbow.extension', -151, 'Elbow extension must be a whole number of degrees from -150 to 20; -151 is outside it.'],
    ['knee.flexion', 92.5, 'Knee flexion must be a whole number of degrees from -10 to 160; 92.5 is not a whole number. Round it to 93.'],
    ['knee.flexion', Number.NaN, 'Knee flexion must be a whole number of degrees from -10 to 160; enter a number.'],
    ['knee.flexion', null, 'Knee flexion is missing. Enter a whole number of degrees from -10 to 160.'],
    ['knee.flexion', '', 'Knee flexion is missing. Enter a whole number of degrees from -10 to 160.'],
    [
      'ankle.dorsiflexion',
      '10',
      'Ankle dorsiflexion must be a whole number of degrees from -60 to 45; enter it as a number, with a minus sign if the joint cannot reach 0.',
    ],
  ])('explains %s = %s', (key, value, message) => {
    expect(validateDegrees(key, value)).toMatchObject({ ok: false, message });
  });

  it('refuses a motion the catalogue does not hold', () => {
    for (const key of ['elbow.pronation', 'knee', '', '__proto__', null, 7]) {
      const r = validateDegrees(key, 10);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/Choose the joint and the motion/);
    }
  });

  it('turns -0 into 0', () => {
    const r = validateDegrees('knee.extension', -0);
    expect(r.ok && Object.is(r.value, 0)).toBe(true);
  });
});

describe('degreesFor', () => {
  it('agrees with validateDegrees on every input, with the same message', () => {
    fc.assert(
      fc.property(anyKey, anyValue, (key, value) => {
        const parsed = degreesFor(key).safeParse(value);
        const r = validateDegrees(key, value);
        expect(parsed.success).toBe(r.ok);
        if (parsed.success && r.ok) expect(parsed.data).toBe(r.value);
        if (!parsed.success && !r.ok) expect(parsed.error.issues.map((i) => i.message)).toEqual([r.message]);
      }),
      { numRuns: 1000 },
    );
  });

  it('composes into an object schema with the message on the field', () => {
    const schema = degreesFor('elbow.extension');
    expect(schema.parse(-30)).toBe(-30);
    expect(Object.is(schema.parse(-0), 0)).toBe(true);
    const r = z.object({ degrees: schema }).safeParse({ degrees: 45 });
    expect(r.success).toBe(false);
    expect(r.error?.issues).toEqual([
      expect.objectContaining({
        path: ['degrees'],
        message: 'Elbow extension must be a whole number of degrees from -150 to 20; 45 is outside it.',
      }),
    ]);
  });
});
