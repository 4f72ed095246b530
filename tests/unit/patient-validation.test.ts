import { describe, expect, it } from 'vitest';
import { fieldMessages } from '../../shared/api/issues';
import { todayLocal } from '../../shared/domain/dates';
import { PatientInput } from '../../shared/domain/patient';

const valid = { familyName: 'Mensah', givenNames: 'Kofi', clinicId: 'RT-0042', dateOfBirth: '1961-07-14', sex: 'male' };

function errorsOf(input: unknown): Record<string, string> {
  const r = PatientInput.safeParse(input);
  return r.success ? {} : fieldMessages(r.error);
}

describe('patient input validation', () => {
  it('accepts a complete patient and trims text', () => {
    const r = PatientInput.parse({ ...valid, familyName: '  Mensah ' });
    expect(r.familyName).toBe('Mensah');
    expect(r.clinicId).toBe('RT-0042');
  });

  it('treats an empty clinic id as none', () => {
    expect(PatientInput.parse({ ...valid, clinicId: '' }).clinicId).toBeNull();
    expect(PatientInput.parse({ ...valid, clinicId: undefined }).clinicId).toBeNull();
  });

  it.each([
    ['familyName', { familyName: '   ' }, /Family name is required/],
    ['givenNames', { givenNames: undefined }, /Given names is required/],
    ['dateOfBirth', { dateOfBirth: '1961-02-30' }, /real date written YYYY-MM-DD/],
    ['dateOfBirth', { dateOfBirth: '14/07/1961' }, /real date written YYYY-MM-DD/],
    ['dateOfBirth', { dateOfBirth: '1850-01-01' }, /cannot be before 1900-01-01/],
    ['sex', { sex: 'M' }, /Choose female, male, other or unknown/],
    ['clinicId', { clinicId: 'x'.repeat(41) }, /keep it to 40 characters/],
  ])('refuses a bad %s with a message for that field', (field, change, message) => {
    const errors = errorsOf({ ...valid, ...change });
    expect(Object.keys(errors)).toEqual([field]);
    expect(errors[field]).toMatch(message);
  });

  it('refuses a date of birth in the future', () => {
    const next = new Date();
    next.setFullYear(next.getFullYear() + 1);
    expect(errorsOf({ ...valid, dateOfBirth: todayLocal(next) }).dateOfBirth).toMatch(/cannot be in the future/);
    expect(errorsOf({ ...valid, dateOfBirth: todayLocal() })).toEqual({});
  });

  it('names unknown fields instead of ignoring them', () => {
    expect(errorsOf({ ...valid, ward: '3B' })).toEqual({ ward: expect.stringMatching(/"ward" is not a field/) });
  });
});
