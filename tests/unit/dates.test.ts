import { describe, expect, it } from 'vitest';
import { ageInYears, daysBetween, formatDate, isCalendarDate } from '../../shared/domain/dates';

describe('calendar dates', () => {
  it('knows real dates, leap years included', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2023-13-01')).toBe(false);
    expect(isCalendarDate('2023-1-01')).toBe(false);
  });

  it('counts age in whole years, the day before a birthday included', () => {
    expect(ageInYears('1960-06-15', '2026-06-14')).toBe(65);
    expect(ageInYears('1960-06-15', '2026-06-15')).toBe(66);
  });

  it('counts days across a leap day', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
  });

  it('formats dates as the clinic reads them', () => {
    expect(formatDate('2026-03-04')).toBe('4 Mar 2026');
    expect(formatDate('2026-03-04', 'DD/MM/YYYY')).toBe('04/03/2026');
    expect(formatDate('2026-03-04', 'MM/DD/YYYY')).toBe('03/04/2026');
  });
});
