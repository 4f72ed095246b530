import { describe, expect, it } from 'vitest';
import { dueDates, scheduleAnchor } from '../../shared/worklist/schedule';
import { DEFAULT_WORKLIST_SETTINGS } from '../../shared/worklist/settings';
import { dueState } from '../../shared/worklist/today';

// The measurement schedule of a site at risk: weekly in weeks 2-12 after its risk event, every 4 weeks until
// week 26 (clinical-reference.md, "The HO timeline"), as dates the worklist compares with the day.

const S = DEFAULT_WORKLIST_SETTINGS;
const injury = '2026-01-01';

describe('dueDates', () => {
  it('asks for the first measurement when the weekly phase starts, two weeks after the risk event', () => {
    expect(dueDates(injury, null, S)).toEqual({ dueOn: '2026-01-15', overdueOn: '2026-01-22', endsOn: '2026-07-02', intervalDays: 7 });
  });

  it('counts a measurement before the weekly phase, but never asks again the next day', () => {
    expect(dueDates(injury, '2026-01-05', S)!.dueOn).toBe('2026-01-15');
    expect(dueDates(injury, '2026-01-13', S)!.dueOn).toBe('2026-01-20');
  });

  it('is weekly until week 12, then every 4 weeks, and ends at week 26', () => {
    expect(dueDates(injury, '2026-02-10', S)).toMatchObject({ dueOn: '2026-02-17', overdueOn: '2026-02-24', intervalDays: 7 });
    // Week 12 ends on 26 Mar: a measurement after it is next due 4 weeks later, overdue 4 weeks after that.
    expect(dueDates(injury, '2026-03-30', S)).toMatchObject({ dueOn: '2026-04-27', overdueOn: '2026-05-25', intervalDays: 28 });
    expect(dueDates(injury, '2026-06-20', S)).toBeNull();
  });

  it('follows the clinic’s own schedule', () => {
    expect(dueDates(injury, null, { ...S, weeklyFromWeek: 0, weeklyUntilWeek: 0, monthlyUntilWeek: 8 })).toMatchObject({ dueOn: injury, intervalDays: 28 });
  });
});

describe('dueState', () => {
  const d = dueDates(injury, null, S)!;
  it('is nothing before the due date, due from it, overdue a whole interval later, and nothing after the schedule', () => {
    expect(dueState(d, '2026-01-14')).toBeNull();
    expect(dueState(d, '2026-01-15')).toBe('due');
    expect(dueState(d, '2026-01-21')).toBe('due');
    expect(dueState(d, '2026-01-22')).toBe('overdue');
    expect(dueState(d, '2026-07-02')).toBe('overdue');
    expect(dueState(d, '2026-07-03')).toBeNull();
  });
});

describe('scheduleAnchor', () => {
  const site = { joint: 'elbow', side: 'right', since: '2026-03-01' } as const;
  const event = (kind: string, date: string, joint: string | null = null, side: string | null = null, voided: unknown = null) => ({ kind, date, joint, side, voided }) as never;

  it('is the latest injury or operation of the site (or of no joint), or risk factor onset', () => {
    expect(scheduleAnchor(site, [event('injury', '2026-01-01'), event('surgery', '2026-02-01', 'forearm', 'right')], [])).toEqual({ date: '2026-02-01', what: 'the operation' });
    expect(scheduleAnchor(site, [event('surgery', '2026-02-01', 'hip', 'right'), event('surgery', '2026-02-02', 'elbow', 'left')], [{ kind: 'burns', onsetDate: '2026-01-10', voided: null }])).toEqual({
      date: '2026-01-10',
      what: 'burns',
    });
    expect(scheduleAnchor(site, [event('excision', '2026-04-01', 'elbow', 'right')], [])).toEqual({ date: '2026-04-01', what: 'the excision' });
  });

  it('leaves out voided records, and falls back to the date the site took its status', () => {
    expect(scheduleAnchor(site, [event('injury', '2026-01-01', null, null, { at: 'x' })], [{ kind: 'burns', onsetDate: null, voided: null }])).toEqual({ date: '2026-03-01', what: 'the site was marked' });
  });
});
