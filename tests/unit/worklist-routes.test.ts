import { describe, expect, it } from 'vitest';
import { href, parseRoute } from '../../renderer/src/router';

// The worklist is the first screen: an address with no route (the app as it starts, after "Who is working?")
// opens it; the referral letter's address carries the site it is about.

describe('routes', () => {
  it('opens the worklist when the address names no screen', () => {
    for (const hash of ['', '#', '#/']) expect(parseRoute(hash)).toEqual({ name: 'worklist' });
    expect(parseRoute(href.worklist())).toEqual({ name: 'worklist' });
    expect(parseRoute(href.patients())).toEqual({ name: 'patients' });
  });

  it('writes a referral letter’s address that the letter page reads back', () => {
    const to = href.referral('p 1', { joint: 'elbow', side: 'right', seriesKey: 'right.elbow.flexion.active' });
    expect(to).toBe('#/patients/p%201/referral?joint=elbow&side=right&series=right.elbow.flexion.active');
    expect(parseRoute(to)).toEqual({ name: 'patient-referral', id: 'p 1', query: 'joint=elbow&side=right&series=right.elbow.flexion.active' });
    expect(href.referral('p1')).toBe('#/patients/p1/referral');
  });
});
