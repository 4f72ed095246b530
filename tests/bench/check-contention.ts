// Whether the day's full check competes with the person's work: visits saved one after another while it runs (its
// copy, its integrity_check and its audit-chain walk, all in a worker thread), against the same saves with nothing
// running beside them. The check reads the whole file and keeps one of the two cores busy; what matters is that a
// save, which waits on its own fsync, is not held up by it.
import { performance } from 'node:perf_hooks';
import type { Backend } from '../../electron/api/backend';
import type { BenchRow } from './harness';

const MOTIONS = ['elbow.flexion', 'elbow.extension', 'forearm.pronation', 'forearm.supination', 'hip.flexion', 'hip.extension'] as const;

/** A 12-measurement visit of the patient, as the bench's other saves. */
export function twelveReadings(patientId: string, date: string) {
  return { patientId, date, measurements: MOTIONS.flatMap((motion) => (['left', 'right'] as const).map((side) => ({ motion, side, mode: 'passive' as const, degrees: 10 }))) };
}

const ALONE_MAX = 51;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length === 0 ? Number.NaN : s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** A patient no other figure reads (neither the largest nor the long series), so these saves change no other figure. */
export function anotherPatient(backend: Backend, not: string[]): string {
  const row = backend.context.db.prepare<string[], { id: string }>(`SELECT id FROM patients WHERE id NOT IN (${not.map(() => '?').join(', ')}) ORDER BY clinic_id DESC LIMIT 1`).get(...not);
  if (!row) throw new Error('the generated clinic has no third patient');
  return row.id;
}

/**
 * Runs `check` and, until it settles, saves a visit every `gapMs` (a busy front desk, not a loop that would starve
 * the worker's messages); then as many saves (up to 51) with nothing beside them. Returns the check's own result and the row.
 */
export async function savesDuringCheck<T>(check: () => Promise<T>, saver: Backend, patientId: string, date: string, gapMs = 50): Promise<{ result: T; checkMs: number; row: BenchRow }> {
  const save = async () => {
    const t0 = performance.now();
    const saved = await saver.dispatch('visits.record', twelveReadings(patientId, date));
    if (!saved.ok) throw new Error(`a visit could not be saved during the check: ${saved.error.message}`);
    return performance.now() - t0;
  };
  const pause = () => new Promise((resolve) => setTimeout(resolve, gapMs));
  let settled = false;
  const started = performance.now();
  let checkMs = Number.NaN;
  const running = check().finally(() => {
    settled = true;
    checkMs = performance.now() - started;
  });
  const during: number[] = [];
  while (!settled) {
    during.push(await save());
    await pause();
  }
  const result = await running;
  // As many saves alone as during the check, up to 51: their median is settled well before that, and at the full
  // size the check lasts minutes, so matching its every save again would double the section for no better figure.
  const alone: number[] = [];
  for (let i = 0; i < Math.min(ALONE_MAX, Math.max(5, during.length)); i++) {
    alone.push(await save());
    await pause();
  }
  const ms = median(during);
  const quiet = median(alone);
  return {
    result,
    checkMs,
    row: {
      name: `record a 12-measurement visit while the day's full check runs (${during.length} saves during it)`,
      medianMs: ms,
      targetMs: 25,
      runs: during.length,
      note: `${(ms / quiet).toFixed(2)}x the same save with nothing beside it (${quiet.toFixed(1)} ms, ${alone.length} saves); slowest during the check ${Math.max(...during).toFixed(1)} ms`,
    },
  };
}
