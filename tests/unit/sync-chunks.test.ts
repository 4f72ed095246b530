import { describe, expect, it } from 'vitest';
import { chunked } from '../../electron/api/exchange/sync-push';
import type { BundleEntry } from '../../shared/exchange/fhir';

// A transaction's `urn:uuid` references resolve only inside their own Bundle: the cut between two Bundles must
// never fall between an entry and one it references further on.

function planned(n: number, refs: Record<number, number[]> = {}) {
  return Array.from({ length: n }, (_, i) => {
    const entry: BundleEntry = {
      fullUrl: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      resource: { resourceType: 'Observation', status: 'final', code: { text: 'x' }, hasMember: (refs[i] ?? []).map((j) => ({ reference: `urn:uuid:00000000-0000-4000-8000-${String(j).padStart(12, '0')}` })) },
      request: { method: 'POST', url: 'Observation' },
    };
    return { entry, type: 'Observation', lineage: String(i), hash: String(i) };
  });
}

const sizes = (chunks: unknown[][]) => chunks.map((c) => c.length);

describe('chunked', () => {
  it('cuts every `size` entries when nothing references ahead', () => {
    expect(sizes(chunked(planned(20), 8))).toEqual([8, 8, 4]);
    expect(sizes(chunked(planned(0), 8))).toEqual([]);
  });

  it('keeps an entry with the later entry it references, and references back across a cut are allowed', () => {
    // Entry 3 names entry 9: nothing may be cut between them.
    expect(sizes(chunked(planned(20, { 3: [9] }), 8))).toEqual([10, 8, 2]);
    // Entry 12 names entry 2, already acknowledged by then.
    expect(sizes(chunked(planned(20, { 12: [2] }), 8))).toEqual([8, 8, 4]);
  });
});
