import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldMessages } from '../../shared/api/issues';
import { PlanInput } from '../../shared/domain/plan';
import { addDays, daysInForce, inForceOn, isMonday, mondayOf, prescribedSessions, versionPeriods, weeksOf } from '../../shared/domain/plan-periods';

describe('calendar arithmetic', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('finds the Monday a week starts on', () => {
    expect(mondayOf('2026-11-25')).toBe('2026-11-23'); // a Wednesday
    expect(mondayOf('2026-11-23')).toBe('2026-11-23');
    expect(mondayOf('2026-11-29')).toBe('2026-11-23'); // Sunday ends the week
    expect(isMonday('2026-11-30')).toBe(true);
    expect(isMonday('2026-12-01')).toBe(false);
  });
});

describe('versionPeriods', () => {
  it('ends each version the day before the next; the last runs to its end date or the day the plan stopped', () => {
    expect(
      versionPeriods([
        { effectiveFrom: '2026-01-05', endDate: '2026-12-31' },
        { effectiveFrom: '2026-02-02', endDate: '2026-06-30' },
        { effectiveFrom: '2026-03-02', endDate: '2026-06-30', endedOn: '2026-04-15' },
      ]),
    ).toEqual([
      { from: '2026-01-05', until: '2026-02-01' },
      { from: '2026-02-02', until: '2026-03-01' },
      { from: '2026-03-02', until: '2026-04-15' },
    ]);
    expect(versionPeriods([{ effectiveFrom: '2026-01-05', endDate: null }])).toEqual([{ from: '2026-01-05', until: null }]);
  });

  it('exactly one version is in force on every date from the start to the end, none outside', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 6 }), fc.option(fc.integer({ min: 0, max: 100 })), (offsets, tail) => {
        const starts = [...offsets].sort((a, b) => a - b).map((o) => addDays('2026-01-01', o));
        const last = starts[starts.length - 1]!;
        const end = tail === null ? null : addDays(last, tail);
        const periods = versionPeriods(starts.map((s, i) => ({ effectiveFrom: s, endDate: i === starts.length - 1 ? end : null })));
        for (let d = -3; d <= 510; d += 1) {
          const date = addDays('2026-01-01', d);
          const n = periods.filter((p) => date >= p.from && (p.until === null || date <= p.until)).length;
          const inside = date >= starts[0]! && (end === null || date <= end);
          expect(n).toBe(inside ? 1 : 0);
          expect(inForceOn(periods, date) !== null).toBe(inside);
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('prescribed sessions in a week', () => {
  const period = { from: '2026-11-05', until: '2026-11-24' }; // Thursday to Tuesday
  it('counts whole weeks in full and partial weeks by their days in force', () => {
    expect(daysInForce('2026-11-02', period)).toBe(4); // Thu-Sun
    expect(daysInForce('2026-11-09', period)).toBe(7);
    expect(daysInForce('2026-11-23', period)).toBe(2); // Mon-Tue
    expect(daysInForce('2026-11-30', period)).toBe(0);
    expect(prescribedSessions({ frequencyCount: 2, frequencyPer: 'day' }, '2026-11-09', period)).toBe(14);
    expect(prescribedSessions({ frequencyCount: 2, frequencyPer: 'day' }, '2026-11-02', period)).toBe(8);
    expect(prescribedSessions({ frequencyCount: 3, frequencyPer: 'week' }, '2026-11-09', period)).toBe(3);
    // A per-week item over two days still prescribes a session: rounded up, never down to none.
    expect(prescribedSessions({ frequencyCount: 3, frequencyPer: 'week' }, '2026-11-23', period)).toBe(1);
    expect(prescribedSessions({ frequencyCount: 3, frequencyPer: 'week' }, '2026-11-30', period)).toBe(0);
  });

  it('lists the weeks of a period up to today', () => {
    expect(weeksOf(period, '2026-12-20')).toEqual(['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23']);
    expect(weeksOf({ from: '2026-11-05', until: null }, '2026-11-12')).toEqual(['2026-11-02', '2026-11-09']);
    expect(weeksOf({ from: '2026-12-05', until: null }, '2026-11-12')).toEqual([]);
  });
});

describe('plan rules in the shared schema (the form and the back end give the same messages)', () => {
  const base = {
    patientId: '5a0c2f5e-8f3c-4d36-9a59-3f0b2e8f4a11',
    title: 'Left knee',
    startDate: '2026-11-02',
    sites: [{ joint: 'knee', side: 'left' }],
    passiveRomAllowed: false,
    items: [{ intervention: 'active_rom', motions: ['knee.flexion'], doseKind: 'sets_reps', sets: 2, repetitions: 15, frequencyCount: 1, frequencyPer: 'day' }],
  };
  const messages = (input: unknown) => {
    const r = PlanInput.safeParse(input);
    return r.success ? {} : fieldMessages(r.error);
  };

  it('accepts a plain plan', () => {
    expect(messages(base)).toEqual({});
  });

  it('refuses CPM when passive motion is not allowed: a machine moving the joint is passive motion', () => {
    const cpm = { ...base.items[0], intervention: 'cpm', doseKind: 'minutes', sets: null, repetitions: null, minutes: 60 };
    expect(messages({ ...base, items: [cpm] })['items.0.intervention']).toMatch(/moves the joint passively/);
  });

  it('places the dose messages on the boxes that must change', () => {
    const noReps = { ...base.items[0], repetitions: null };
    expect(messages({ ...base, items: [noReps] })).toEqual({ 'items.0.repetitions': 'Enter the repetitions in each set.' });
    const mixed = { ...base.items[0], doseKind: 'minutes', minutes: null };
    expect(Object.keys(messages({ ...base, items: [mixed] })).sort()).toEqual(['items.0.minutes', 'items.0.sets']);
  });

  it('brings the forearm with an elbow site, as watched sites do', () => {
    const elbow = { ...base, sites: [{ joint: 'elbow', side: 'right' }], items: [{ ...base.items[0], motions: ['forearm.supination', 'elbow.flexion'] }] };
    expect(messages(elbow)).toEqual({});
  });

  it('refuses a goal on the other side of a targeted joint', () => {
    const goal = { motion: 'knee.flexion', side: 'right', mode: 'active', target: 110, targetDate: '2027-02-01' };
    expect(messages({ ...base, goals: [goal] })['goals.0.motion']).toMatch(/Right knee flexion is not at a site this plan targets \(Left knee\)/);
  });
});
