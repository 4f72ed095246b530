import { describe, expect, it, vi } from 'vitest';
import type { ThresholdEntry } from '../../shared/api/operations/thresholds';
import { MOTION_SPECS } from '../../shared/domain/catalogue';
import { shortThresholdSource } from '../../shared/domain/thresholds';
import { changesOf, motionOnly, savedMessage, valuesOf } from '../../renderer/src/settings/threshold-model';

// The model borrows the renderer's number parsing, whose module pulls in the API client; the client needs a
// browser window, which these pure checks do not.
vi.mock('../../renderer/src/api/client', () => ({ call: vi.fn() }));

describe('shortThresholdSource', () => {
  it('keeps the citations and the "to confirm" of every catalogue threshold, short enough for a table cell', () => {
    for (const spec of MOTION_SPECS) {
      const short = shortThresholdSource(spec.threshold.source);
      expect(short, spec.key).toMatch(/; to confirm$/);
      expect(short.length, spec.key).toBeLessThanOrEqual(40);
    }
    expect(shortThresholdSource('Smallest detectable change 6-8 (Cleffken 2007); goniometer error about 10 (Chapleau 2011), to confirm')).toBe('Cleffken 2007, Chapleau 2011; to confirm');
    expect(shortThresholdSource('SEM 3.4, so MDC95 about 9')).toBe('Clinical reference');
  });
});

describe('the thresholds form model', () => {
  const entry: ThresholdEntry = {
    motion: 'hip.extension',
    joint: 'hip',
    label: 'Hip extension',
    catalogueDefault: { degrees: 12, source: 'x', sourceShort: 'x' },
    overrides: [{ instrument: null, degrees: 14, setById: 't', setByName: 'A', setAt: '2026-01-01T00:00:00.000Z' }],
  };

  it('turns the boxes into sets and clears of what changed only', () => {
    const values = valuesOf(entry);
    expect(values).toEqual({ any: '14', goniometer: '', inclinometer: '', smartphone: '', visual: '' });
    expect(changesOf(entry, values)).toEqual([]);
    expect(changesOf(entry, { ...values, any: '', goniometer: ' 10° ', visual: 'ten' })).toEqual([
      { slot: 'any', degrees: null },
      { slot: 'goniometer', degrees: 10 },
      { slot: 'visual', degrees: 'ten' },
    ]);
  });

  it('says what was saved in words', () => {
    expect(motionOnly(entry)).toBe('Extension');
    expect(savedMessage(entry, [{ slot: 'goniometer', degrees: 10 }, { slot: 'any', degrees: null }])).toBe(
      'Hip extension saved: universal goniometer 10°; any instrument back to the default. Catalogue default 12°.',
    );
    expect(savedMessage(entry, [])).toBe('No change to hip extension.');
  });
});
