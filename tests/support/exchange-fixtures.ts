// One patient with one visit and one measurement, the smallest record the FHIR mapper and its reverse are tried on.
import type { Therapist } from '../../shared/domain/therapist';
import type { Measurement, Visit } from '../../shared/domain/visit';
import type { ExchangeSource } from '../../shared/exchange/source';

export const P = '11111111-1111-4111-8111-111111111111';
export const T = '22222222-2222-4222-8222-222222222222';
export const V = '33333333-3333-4333-8333-333333333333';
export const M = '44444444-4444-4444-8444-444444444444';
export const C = '55555555-5555-4555-8555-555555555555';
export const AT = '2025-03-01T10:00:00.000Z';

export function measurement(over: Partial<Measurement> = {}): Measurement {
  return {
    id: M, lineageId: M, supersedesId: null, recordedAt: AT, recordedBy: T, correctionReason: null, voided: null,
    visitId: V, patientId: P, date: '2025-03-01', motion: 'knee.extension', side: 'left', mode: 'passive',
    degrees: -15, raterId: T, instrument: 'goniometer', endFeel: 'hard', pain: 4, note: null, ...over,
  };
}

export function source(m: Measurement, over: { visit?: Partial<Visit>; therapist?: Partial<Therapist> } = {}): ExchangeSource {
  const visit: Visit = {
    id: V, patientId: P, date: '2025-03-01', therapistId: T, setting: 'outpatient',
    symptoms: { decreasedRange: true, swelling: false, redness: false, warmth: false, fever: false, pain: null },
    notes: null, instrument: 'goniometer', endFeel: null, recordedAt: AT, recordedBy: T, measurements: [m], extensions: [],
    ...over.visit,
  };
  return {
    clinic: { id: C, name: 'Riverside', address: null, phone: null },
    file: {
      patient: { id: P, familyName: 'Mensah', givenNames: 'Ama Serwaa', clinicId: 'RV-7', dateOfBirth: '1980-01-02', sex: 'female', documentLanguage: null, version: 1, createdAt: AT, updatedAt: AT },
      riskFactors: [], sites: [], visits: [visit], events: [],
      therapists: [{ id: T, name: 'Abena Owusu', title: null, registrationNumber: 'PT-1', initials: 'AO', active: true, role: 'therapist', hasCredential: true, mustChangeCredential: false, language: null, version: 1, createdAt: AT, updatedAt: AT, ...over.therapist }],
    },
    plans: [],
    today: '2025-06-01',
    voided: { goals: [], visits: [], measurements: [], events: [], riskFactors: [], sites: [] },
  };
}
