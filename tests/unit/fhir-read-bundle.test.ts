import { describe, expect, it } from 'vitest';
import type { Bundle } from '@medplum/fhirtypes';
import { patientBundle } from '../../shared/exchange/bundle';
import { SYSTEM } from '../../shared/exchange/codes';
import { readBundle, type BundleContents } from '../../shared/exchange/read-bundle';
import { englishText } from '../../shared/i18n/message';
import type { Measurement } from '../../shared/domain/visit';
import { AT, C, M, measurement as baseMeasurement, P, source as baseSource, T, V } from '../support/exchange-fixtures';

const M2 = '66666666-6666-4666-8666-666666666666';

// A home visit with symptoms and a note, so every field the reverse mapper reads has a value to give back.
const measurement = (over: Partial<Measurement> = {}) => baseMeasurement({ note: 'Guarded', ...over });
const source = (m: Measurement) =>
  baseSource(m, {
    visit: { setting: 'home', symptoms: { decreasedRange: true, swelling: false, redness: false, warmth: true, fever: false, pain: 6 } },
    therapist: { title: 'Physiotherapist' },
  });

function read(bundle: unknown): BundleContents {
  const r = readBundle(JSON.stringify(bundle));
  if (!r.ok) throw new Error(r.problems.map((p) => englishText(p)).join('\n'));
  return r.contents;
}

function problemsOf(bundle: unknown): string[] {
  const r = readBundle(typeof bundle === 'string' ? bundle : JSON.stringify(bundle));
  if (r.ok) throw new Error('accepted');
  return r.problems.map((p) => englishText(p));
}

describe('readBundle, the reverse of patientBundle', () => {
  it('gives back the patient, therapist, visit with its symptoms, and the measurement', () => {
    const c = read(patientBundle(source(measurement())));
    expect(c.clinicId).toBe(C);
    expect(c.patient).toEqual({ id: P, familyName: 'Mensah', givenNames: 'Ama Serwaa', clinicId: 'RV-7', dateOfBirth: '1980-01-02', sex: 'female', documentLanguage: null });
    expect(c.therapists).toEqual([{ id: T, name: 'Abena Owusu', title: 'Physiotherapist', registrationNumber: 'PT-1', active: true }]);
    expect(c.visits).toEqual([
      { id: V, date: '2025-03-01', therapistId: T, setting: 'home', voided: false, symptoms: { decreasedRange: true, swelling: false, redness: false, warmth: true, fever: false, pain: 6 } },
    ]);
    expect(c.measurements).toEqual([
      {
        id: M, lineageId: M, visitId: V, motion: 'knee.extension', side: 'left', mode: 'passive', degrees: -15, raterId: T,
        instrument: 'goniometer', endFeel: 'hard', pain: 4, note: 'Guarded', recordedAt: AT, state: { kind: 'original' }, voidedAt: null,
      },
    ]);
    expect(c.notImported).toEqual([]);
  });

  it('reads a correction as a later version of its lineage with its reason, and a void with its reason and time', () => {
    const corrected = read(patientBundle(source(measurement({ id: M2, supersedesId: M, correctionReason: 'Misread' })))).measurements[0]!;
    expect(corrected).toMatchObject({ id: M2, lineageId: M, state: { kind: 'corrected', reason: 'Misread' } });
    const voided = read(patientBundle(source(measurement({ voided: { at: '2025-03-02T09:00:00.000Z', by: T, reason: 'Wrong side' } })))).measurements[0]!;
    expect(voided).toMatchObject({ id: M, state: { kind: 'voided', reason: 'Wrong side' }, voidedAt: '2025-03-02T09:00:00.000Z', note: 'Guarded' });
  });

  it('lists the kinds of resource it does not import yet instead of dropping them', () => {
    const bundle = patientBundle(source(measurement()));
    bundle.entry!.push({
      fullUrl: 'urn:uuid:77777777-7777-4777-8777-777777777777',
      resource: { resourceType: 'Condition', identifier: [{ system: SYSTEM.record, value: '77777777-7777-4777-8777-777777777777' }], subject: { reference: `urn:uuid:${P}` } },
    });
    expect(read(bundle).notImported).toEqual([{ resourceType: 'Condition', count: 1 }]);
  });
});

describe('readBundle refuses what is not a ROMtrack patient Bundle', () => {
  const good = (): Bundle => patientBundle(source(measurement()));
  const indexOf = (b: Bundle, type: string) => b.entry!.findIndex((e) => e.resource?.resourceType === type);

  it('refuses text that is not JSON, and JSON that is not a transaction Bundle', () => {
    expect(problemsOf('date,degrees\n')).toEqual([expect.stringMatching(/not JSON/)]);
    expect(problemsOf({ ...good(), type: 'collection' })).toEqual([expect.stringMatching(/not a FHIR transaction Bundle/)]);
  });

  it('names the entry that has no ROMtrack identifier', () => {
    const b = good();
    const i = indexOf(b, 'Encounter');
    const enc = b.entry![i]!.resource!;
    if (enc.resourceType !== 'Encounter') throw new Error('no visit');
    enc.identifier = [{ system: 'http://example.org/visits', value: '1' }];
    expect(problemsOf(b)).toContain(`Entry ${i + 1} (Encounter): it has no ROMtrack record identifier: this is not a ROMtrack export.`);
  });

  it('refuses a Bundle of two patients', () => {
    const b = good();
    b.entry!.push({ ...b.entry![indexOf(b, 'Patient')]!, fullUrl: 'urn:uuid:88888888-8888-4888-8888-888888888888' });
    expect(problemsOf(b)).toEqual([expect.stringMatching(/one patient; it holds 2/)]);
  });

  it('names a measurement whose motion, value or visit is wrong', () => {
    const b = good();
    const i = b.entry!.findIndex((e) => e.resource?.resourceType === 'Observation' && e.resource.valueQuantity);
    const obs = b.entry![i]!.resource!;
    if (obs.resourceType !== 'Observation') throw new Error('no measurement');
    obs.valueQuantity = { value: 500, code: 'deg', system: 'http://unitsofmeasure.org' };
    obs.encounter = { reference: 'urn:uuid:99999999-9999-4999-8999-999999999999' };
    obs.code = { coding: [{ system: SYSTEM.motion, code: 'knee.twist.active' }] };
    const problems = problemsOf(b);
    expect(problems).toContain(`Entry ${i + 1} (Observation): "knee.twist.active" is not a joint motion and mode ROMtrack knows.`);
    expect(problems).toContain(`Entry ${i + 1} (Observation): the measurement's visit (encounter) is not in the Bundle.`);

    const b2 = good();
    const o2 = b2.entry![i]!.resource!;
    if (o2.resourceType !== 'Observation') throw new Error('no measurement');
    o2.valueQuantity = { value: 500, code: 'deg', system: 'http://unitsofmeasure.org' };
    expect(problemsOf(b2)).toEqual([expect.stringMatching(new RegExp(`^Entry ${i + 1} \\(Observation\\): .*whole number of degrees`))]);
  });
});
