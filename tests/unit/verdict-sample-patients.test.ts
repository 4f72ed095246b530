// The verdict on the sample patients (electron/sample-data), built the way the app builds them: through the
// operations into SQLite, then analysePatient on the patient's file. Issue #22 started here: Chinedu NWOSU's
// right hip, losing after its excision, read "holding" because two therapists took turns.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSampleData } from '../../electron/sample-data';
import { analysePatient, type PatientAnalysis } from '../../shared/analysis/patient-series';
import { openTestBackend, type TestBackend } from '../support/backend';

const ANCHOR = '2026-06-30';

describe('the sample patients under the like-with-like rule', () => {
  let api: TestBackend;
  const analyses = new Map<string, PatientAnalysis>();
  beforeAll(async () => {
    api = openTestBackend();
    const created = await createSampleData(api.scoped, { anchor: ANCHOR });
    for (const patientId of created.patientIds) {
      const file = await api.ok('patients.file', { patientId });
      analyses.set(file.patient.clinicId ?? patientId, analysePatient(file, ANCHOR));
    }
  }, 60_000);
  afterAll(() => api.dispose());

  it('NWOSU: the right hip loses extension and rotation after its excision, measured by two therapists in turn', () => {
    const nwosu = analyses.get('SAMPLE-003')!;
    for (const motion of ['hip.extension', 'hip.internal_rotation', 'hip.external_rotation']) {
      const measured = nwosu.series.filter((s) => s.side === 'right' && s.motion === motion);
      expect(measured.length, motion).toBeGreaterThan(0);
      for (const s of measured) {
        expect(s.resets.map((r) => r.kind), s.key).toEqual(['excision']);
        expect(s.analysis.verdict.kind, `${s.key}: ${s.analysis.verdict.reason}`).toBe('losing');
        expect(s.analysis.verdict.reason).toContain('since the excision of heterotopic bone, right hip');
      }
    }
  });

  it('reads every falling series of every sample patient (printed for the record)', () => {
    const rows: { series: string; readings: string; verdict: string; basis: string }[] = [];
    for (const [clinicId, a] of analyses) {
      for (const s of a.series) {
        const { summary, verdict } = s.analysis;
        if (summary.changeSinceBaseline === null || summary.changeSinceBaseline > -s.threshold) continue;
        rows.push({
          series: `${clinicId} ${s.key}`,
          readings: `${summary.baseline!.value} → ${summary.latest!.value} (${summary.points.length})`,
          verdict: `${verdict.kind}${verdict.needsConfirmation ? ', re-measure' : ''}`,
          basis: String(verdict.basis),
        });
      }
    }
    console.table(rows);
    // Every series that fell by the threshold or more since its baseline is called losing.
    expect(rows.filter((r) => r.verdict !== 'losing')).toEqual([]);
  });
});
