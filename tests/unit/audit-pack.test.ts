import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { dictionaryOfFormat1, packAuditTexts, unpackAuditTexts } from '../../electron/db/audit-pack';

// The audit log's texts are stored packed; what is stored must unpack to the very text its hash covers, for as
// long as the file lives.

const THERAPIST = '3f0b6c1e-2a4d-4c8e-9b7f-0d1e2f3a4b5c';
const VISIT = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const context = { actorId: THERAPIST, entityId: VISIT };

const measurement = (i: number) => ({
  id: `00000000-0000-4000-8000-00000000000${i}`, lineageId: `00000000-0000-4000-8000-00000000000${i}`, supersedesId: null, recordedAt: '2025-03-04T10:00:00.000Z',
  recordedBy: THERAPIST, correctionReason: null, voided: null, visitId: VISIT, patientId: 'c1d2e3f4-a5b6-4c7d-8e9f-a0b1c2d3e4f5', date: '2025-03-04',
  motion: 'elbow.flexion', side: 'left', mode: 'active', degrees: 90 + i, raterId: THERAPIST, instrument: 'goniometer', endFeel: null, pain: null, note: null,
});
const visitText = JSON.stringify({ id: VISIT, therapistId: THERAPIST, measurements: [1, 2, 3, 4, 5].map(measurement), extensions: [] });

describe('audit texts packed', () => {
  it('never changes the dictionary of format 1: rows already stored must unpack to their texts for good', () => {
    expect(createHash('sha256').update(dictionaryOfFormat1()).digest('hex')).toBe('888dbc35a21cf9e6f978b1e1bf77876ac34953b2e6f919f05d411fa7c41856c6');
  });

  it('gives back every text exactly: a visit, non-ASCII, an empty text, a null, a before larger than deflate’s window', () => {
    const long = JSON.stringify({ note: 'é—“x”'.repeat(12_000) });
    const cases: [string | null, string | null][] = [
      ['null', visitText],
      [null, '{"name":"Clínica São João — Zoë’s 🦴"}'],
      ['', '""'],
      [long, JSON.stringify({ note: `${'é—“x”'.repeat(12_000)}!` })],
      [visitText, visitText.replace('"degrees":91', '"degrees":19')],
    ];
    for (const [before, after] of cases) {
      const packed = packAuditTexts(context, before, after);
      expect(unpackAuditTexts(context, packed.before, packed.after)).toEqual({ before, after });
    }
  });

  it('packs a visit to a fraction of its text, a correction to little more than what changed, and keeps a short text as it is', () => {
    const visit = packAuditTexts(context, 'null', visitText);
    expect(visit.after!.length).toBeLessThan(Buffer.byteLength(visitText) / 4);
    expect(visit.before).toEqual(Buffer.from('\0null'));
    const corrected = packAuditTexts(context, visitText, visitText.replace('"degrees":91', '"degrees":19'));
    expect(corrected.after!.length).toBeLessThan(64);
  });

  it('does not give back the text with another row’s ids, or from bytes that are no packed text', () => {
    const packed = packAuditTexts(context, 'null', visitText);
    const other = { actorId: THERAPIST, entityId: 'ffffffff-5e4f-4a3b-8c2d-1e0f9a8b7c6d' };
    const read = (): string | null => {
      try {
        return unpackAuditTexts(other, packed.before, packed.after).after;
      } catch {
        return null;
      }
    };
    expect(read()).not.toBe(visitText);
    expect(() => unpackAuditTexts(context, null, Buffer.from([7, 1, 2]))).toThrow(/unknown audit text format 7/);
  });
});
