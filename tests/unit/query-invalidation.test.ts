import { QueryObserver } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { operationKey } from '../../renderer/src/api/use-operation';
import { changeTouches, queryClient, refreshAfterChange } from '../../renderer/src/api/query-client';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';

describe('a change refreshes only the reads it may alter', () => {
  afterEach(() => queryClient.clear());

  it('a visit saved for one patient touches that patient and the lists, not another patient', () => {
    const saved = { operation: 'visits.record', input: { patientId: A, date: '2026-01-05', measurements: [] } };
    expect(changeTouches(saved, operationKey('analysis.sparklines', { patientId: A }))).toBe(true);
    expect(changeTouches(saved, operationKey('patients.file', { patientId: A }))).toBe(true);
    expect(changeTouches(saved, operationKey('patients.get', { id: A }))).toBe(true);
    expect(changeTouches(saved, ['worklist.today', {}])).toBe(true);
    expect(changeTouches(saved, ['patients.list', { query: '' }])).toBe(true);
    expect(changeTouches(saved, operationKey('analysis.patient', { patientId: B }))).toBe(false);
    expect(changeTouches(saved, operationKey('patients.get', { id: B }))).toBe(false);
  });

  it('a patient record updated touches that patient; a change about no one patient touches everything', () => {
    expect(changeTouches({ operation: 'patients.update', input: { id: A, version: 2 } }, operationKey('patients.file', { patientId: A }))).toBe(true);
    expect(changeTouches({ operation: 'patients.update', input: { id: A, version: 2 } }, operationKey('patients.file', { patientId: B }))).toBe(false);
    // A record voided by its own id could be any patient's.
    expect(changeTouches({ operation: 'measurements.void', input: { id: A, reason: 'wrong side' } }, operationKey('analysis.patient', { patientId: B }))).toBe(true);
  });

  it('after a visit saved, the shown reads of that patient are read again, and another patient\'s are not', async () => {
    const reads = { A: 0, B: 0 };
    const watch = (patientId: string, who: 'A' | 'B') => {
      const observer = new QueryObserver(queryClient, { queryKey: operationKey('analysis.patient', { patientId }), queryFn: () => ++reads[who], staleTime: 30_000 });
      return observer.subscribe(() => undefined);
    };
    const stop = [watch(A, 'A'), watch(B, 'B')];
    // Both answered (not only asked): a read still under way would be joined, not asked again.
    await vi.waitFor(() => expect(queryClient.getQueryCache().findAll({ type: 'active' }).map((q) => q.state.status)).toEqual(['success', 'success']));
    expect(reads).toEqual({ A: 1, B: 1 });
    queryClient.setQueryData(['worklist.today', {}], 'worklist');
    queryClient.setQueryData(operationKey('patients.file', { patientId: B }), 'their file');
    await refreshAfterChange('visits.record', { patientId: A });
    expect(reads).toEqual({ A: 2, B: 1 });
    // Not shown: the touched ones dropped, to be read afresh when a screen opens; the other patient's kept.
    expect(queryClient.getQueryData(['worklist.today', {}])).toBeUndefined();
    expect(queryClient.getQueryData(operationKey('patients.file', { patientId: B }))).toBe('their file');
    for (const s of stop) s();
  });
});
