import { describe, expect, it } from 'vitest';
import { createFormatter } from '../../shared/format';

describe('one way to read dates, instants and degrees', () => {
  it('writes a calendar date in each of the clinic formats', () => {
    expect(createFormatter({ dateFormat: 'DD/MM/YYYY' }).date('2026-03-04')).toBe('04/03/2026');
    expect(createFormatter({ dateFormat: 'MM/DD/YYYY' }).date('2026-03-04')).toBe('03/04/2026');
    expect(createFormatter({ dateFormat: 'D MMM YYYY' }).date('2026-03-04')).toBe('4 Mar 2026');
  });

  it('reads an instant in the workstation zone: the local day, not the UTC one, with a 24-hour time', () => {
    const f = (timeZone: string) => createFormatter({ dateFormat: 'D MMM YYYY', timeZone });
    expect(f('UTC').instant('2026-03-04T23:30:00Z')).toBe('4 Mar 2026, 23:30');
    expect(f('Africa/Nairobi').instant('2026-03-04T23:30:00Z')).toBe('5 Mar 2026, 02:30');
    expect(f('America/Bogota').instant('2026-03-05T01:05:00Z')).toBe('4 Mar 2026, 20:05');
    expect(f('UTC').instant('not a time')).toBe('—');
  });

  it('signs changes and keeps at most one decimal of a degree', () => {
    const f = createFormatter({ dateFormat: 'YYYY-MM-DD' });
    expect([f.change(10), f.change(-5), f.change(0), f.change(-0.04)]).toEqual(['+10°', '-5°', '0°', '0°']);
    expect(f.degrees(12.345)).toBe('12.3°');
  });
});
