import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/api/backend';
import { generateClinic } from '../bench/generate-clinic';
import { makeTempDir } from '../support/temp-dir';

// A smoke test of the benchmark's data: the full bench is not part of the test run, but its generator
// must keep writing data the app reads as it reads its own.
const temps: { cleanup(): void }[] = [];
afterEach(() => temps.splice(0).forEach((t) => t.cleanup()));

describe('benchmark clinic generator', () => {
  it('writes a tiny clinic, deterministically, that the operations read back', async () => {
    const sizes = { patients: 40, withHistory: 3, years: 1 };
    const a = makeTempDir();
    const b = makeTempDir();
    temps.push(a, b);
    const first = generateClinic(a.dbPath, sizes);
    const second = generateClinic(b.dbPath, sizes);
    expect(second.measurements).toBe(first.measurements);
    expect(first.visits).toBeGreaterThan(1000); // three one-year histories and the 1,000-visit series

    const api = createBackend({ databasePath: a.dbPath, mode: 'server' });
    try {
      const file = await api.dispatch('patients.file', { patientId: first.largestPatientId });
      expect(file.ok).toBe(true);
      if (file.ok) {
        const value = file.value as { visits: { measurements: unknown[] }[] };
        expect(value.visits.reduce((n, v) => n + v.measurements.length, 0)).toBe(first.largestPatientMeasurements);
      }
      const long = await api.dispatch('patients.file', { patientId: first.longSeriesPatientId });
      expect(long.ok && (long.value as { visits: unknown[] }).visits.length).toBe(1000);
      const search = await api.dispatch('patients.list', { query: first.searchPrefixes[0]! });
      expect(search.ok).toBe(true);
    } finally {
      api.close();
    }
  });
});
