import { describe, expect, it } from 'vitest';
import { DEFAULT_WORKLIST_SETTINGS } from '../../shared/worklist/settings';
import { adultFrom, alpFinding, alpWindowStart } from '../../shared/worklist/signs';
import { reasonsOn } from '../../shared/worklist/today';
import type { LabValue } from '../../shared/worklist/types';

// The worklist's ALP reason: above the clinic's adult limit only in a result taken at 18 or older (children's
// ALP is higher while their bones grow), a rise of more than half at any age, and nothing from a result older
// than the HO active window of 6 months (clinical-reference.md, "The HO timeline").

const today = '2026-09-15';
const limit = 130;
const adult = '1980-05-01';
const alp = (value: number, date: string): LabValue => ({ value, date });
const finding = (latest: LabValue, previous: LabValue | null, dateOfBirth: string | null = adult, on = today) =>
  alpFinding({ alpLatest: latest, alpPrevious: previous }, { today: on, upperLimit: limit, dateOfBirth });

describe('ALP against the adult limit', () => {
  it('flags an adult result above the limit, and not one at it', () => {
    expect(finding(alp(131, '2026-09-01'), null)).toMatchObject({ aboveLimit: true, risen: false, beforeAdult: false });
    expect(finding(alp(130, '2026-09-01'), null)).toBeNull();
  });

  it('does not compare a result taken before the 18th birthday with the adult limit', () => {
    const fifteen = '2011-03-10';
    expect(finding(alp(320, '2026-09-01'), null, fifteen)).toBeNull();
    expect(finding(alp(320, '2026-09-01'), alp(300, '2026-08-01'), fifteen)).toBeNull();
  });

  it('judges the age at the date of the result, not today', () => {
    const eighteenOn = '2008-07-01'; // 18 on 1 Jul 2026
    expect(finding(alp(250, '2026-06-30'), null, eighteenOn)).toBeNull();
    expect(finding(alp(250, '2026-07-01'), null, eighteenOn)).toMatchObject({ aboveLimit: true, beforeAdult: false });
  });

  it('still flags a rise of more than half before 18, saying the adult limit was not applied', () => {
    const fifteen = '2011-03-10';
    expect(finding(alp(320, '2026-09-01'), alp(200, '2026-08-01'), fifteen)).toEqual({
      latest: alp(320, '2026-09-01'),
      previous: alp(200, '2026-08-01'),
      aboveLimit: false,
      risen: true,
      beforeAdult: true,
    });
    // Exactly half is not more than half.
    expect(finding(alp(300, '2026-09-01'), alp(200, '2026-08-01'), fifteen)).toBeNull();
  });

  it('applies the limit when the date of birth is not known', () => {
    expect(finding(alp(200, '2026-09-01'), null, null)).toMatchObject({ aboveLimit: true });
  });
});

describe('the ALP active window', () => {
  it('counts a result from six calendar months before today, and not the day before', () => {
    expect(alpWindowStart('2026-09-15')).toBe('2026-03-15');
    expect(finding(alp(250, '2026-03-15'), null)).not.toBeNull();
    expect(finding(alp(250, '2026-03-14'), null)).toBeNull();
    // An old rise is no reason either.
    expect(finding(alp(250, '2026-03-14'), alp(100, '2026-02-01'))).toBeNull();
  });

  it('ends the window on the last day of a shorter month, and crosses the new year', () => {
    expect(alpWindowStart('2026-08-31')).toBe('2026-02-28');
    expect(alpWindowStart('2028-08-31')).toBe('2028-02-29');
    expect(alpWindowStart('2026-03-31')).toBe('2025-09-30');
    expect(alpWindowStart('2026-01-05')).toBe('2025-07-05');
  });
});

describe('adultFrom', () => {
  it('is the 18th birthday as text; a 29 February birthday counts from 1 March in other years', () => {
    expect(adultFrom('2008-07-01')).toBe('2026-07-01');
    const leap = adultFrom('2008-02-29');
    expect(leap).toBe('2026-02-29');
    expect('2026-02-28' >= leap).toBe(false);
    expect('2026-03-01' >= leap).toBe(true);
  });
});

describe('reasonsOn: the ALP sentence', () => {
  const summary = (latest: LabValue, previous: LabValue | null, dateOfBirth: string) => ({
    patient: { lastMeasured: null, lastTherapistId: null, alpLatest: latest, alpPrevious: previous },
    sites: [],
    reasons: [],
    dateOfBirth,
  });
  const reasons = (s: ReturnType<typeof summary>) => reasonsOn(s, today, DEFAULT_WORKLIST_SETTINGS, (d) => d);

  it('says why a child’s high value is flagged: the rise, not the adult limit', () => {
    const [r] = reasons(summary(alp(320, '2026-09-01'), alp(200, '2026-08-01'), '2011-03-10'));
    expect(r).toMatchObject({
      code: 'alp_high',
      message: { id: 'worklist.reason.alpChild' },
      text: 'Alkaline phosphatase 320 U/L on 2026-09-01 (2 weeks ago): up 60 % from 200 U/L on 2026-08-01 (taken before the age of 18: the adult limit does not apply).',
    });
  });

  it('gives no ALP reason for a child within the rise, nor for an adult’s result from before the window', () => {
    expect(reasons(summary(alp(320, '2026-09-01'), null, '2011-03-10'))).toEqual([]);
    expect(reasons(summary(alp(400, '2026-01-10'), alp(100, '2025-12-01'), adult))).toEqual([]);
  });

  it('gives an adult’s recent high value with the limit', () => {
    expect(reasons(summary(alp(245, '2026-09-01'), null, adult))[0]!.text).toBe("Alkaline phosphatase 245 U/L on 2026-09-01 (2 weeks ago): above the clinic's upper limit of 130 U/L.");
  });
});
