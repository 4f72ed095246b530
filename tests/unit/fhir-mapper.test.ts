import { describe, expect, it } from 'vitest';
import type { Observation } from '@medplum/fhirtypes';
import { patientBundle } from '../../shared/exchange/bundle';
import { csvCell, measurementsCsv } from '../../shared/exchange/csv';
import { derivedUuid } from '../../shared/exchange/identifiers';
import type { ExchangeSource } from '../../shared/exchange/source';
import { AT, M, measurement, source, T, V } from '../support/exchange-fixtures';

const observationOf = (src: ExchangeSource) => {
  const entry = patientBundle(src).entry!.find((e) => e.resource?.resourceType === 'Observation' && (e.resource as Observation).valueQuantity)!;
  return { entry, obs: entry.resource as Observation };
};

describe('FHIR mapping of a measurement', () => {
  it('codes it as SNOMED 364564000 plus ROMtrack joint.motion.mode, in UCUM deg, sign kept', () => {
    const { obs } = observationOf(source(measurement()));
    expect(obs.code.coding).toEqual([
      { system: 'http://snomed.info/sct', code: '364564000', display: 'Range of joint movement' },
      expect.objectContaining({ system: 'urn:romtrack:motion', code: 'knee.extension.passive' }),
    ]);
    expect(obs.valueQuantity).toEqual({ value: -15, unit: '°', system: 'http://unitsofmeasure.org', code: 'deg' });
    expect(obs.status).toBe('final');
  });

  it('puts the side in bodySite laterality, the instrument in method, the rater as performer, end-feel and pain as components', () => {
    const { obs } = observationOf(source(measurement()));
    expect(obs.bodySite?.extension?.[0]).toEqual({
      url: 'http://hl7.org/fhir/StructureDefinition/observation-structureLaterality',
      valueCodeableConcept: { coding: [{ system: 'http://snomed.info/sct', code: '7771000', display: 'Left' }] },
    });
    expect(obs.bodySite?.coding?.[0]?.code).toBe('knee');
    expect(obs.method?.coding?.[0]?.code).toBe('goniometer');
    expect(obs.performer).toEqual([{ reference: `urn:uuid:${T}`, type: 'Practitioner' }]);
    expect(obs.component?.map((c) => c.code.coding?.[0]?.code)).toEqual(['end-feel', '72514-3']);
    expect(obs.component?.[1]?.valueInteger).toBe(4);
  });

  it('is a conditional create on its lineage identifier, whose value is never the fullUrl', () => {
    const { entry, obs } = observationOf(source(measurement()));
    expect(obs.identifier).toEqual([{ use: 'official', system: 'urn:romtrack:record-id', value: M }]);
    expect(entry.fullUrl).toBe(`urn:uuid:${M}`);
    expect(entry.request).toEqual({ method: 'POST', url: 'Observation', ifNoneExist: `identifier=${encodeURIComponent(`urn:romtrack:record-id|${M}`)}` });
  });

  it('a correction is a conditional update of the same lineage, amended, with the version id and the reason', () => {
    const version = '66666666-6666-4666-8666-666666666666';
    const { entry, obs } = observationOf(source(measurement({ id: version, supersedesId: M, correctionReason: 'Misread the scale', degrees: -10 })));
    expect(obs.status).toBe('amended');
    expect(obs.identifier?.map((i) => i.value)).toEqual([M, version]);
    expect(obs.note?.[0]?.text).toBe('Corrected: Misread the scale');
    expect(entry.request).toEqual({ method: 'PUT', url: `Observation?identifier=${encodeURIComponent(`urn:romtrack:record-id|${M}`)}` });
  });

  it('a void is entered-in-error with its reason', () => {
    const { obs } = observationOf(source(measurement({ voided: { at: AT, by: T, reason: 'Wrong patient' } })));
    expect(obs.status).toBe('entered-in-error');
    expect(obs.note?.[0]?.text).toBe('Entered in error: Wrong patient');
  });
});

describe('FHIR mapping of the rest of the record', () => {
  it('names the patient with clinic id, the visit as a finished ambulatory encounter, and each symptom present once', () => {
    const bundle = patientBundle(source(measurement()));
    const patient = bundle.entry!.find((e) => e.resource?.resourceType === 'Patient')!.resource!;
    expect(patient).toMatchObject({ name: [{ family: 'Mensah', given: ['Ama', 'Serwaa'] }], birthDate: '1980-01-02', gender: 'female' });
    expect(JSON.stringify(patient)).toContain('RV-7');
    const encounter = bundle.entry!.find((e) => e.resource?.resourceType === 'Encounter')!.resource!;
    expect(encounter).toMatchObject({ status: 'finished', class: { code: 'AMB' }, period: { start: '2025-03-01' } });
    const symptoms = bundle.entry!.filter((e) => e.resource?.resourceType === 'Observation' && !(e.resource as Observation).valueQuantity);
    expect(symptoms.map((e) => (e.resource as Observation).code.coding?.[0]?.code)).toEqual(['decreasedRange']);
  });

  it('gives the same Bundle for the same record, derived names included', () => {
    expect(JSON.stringify(patientBundle(source(measurement())))).toBe(JSON.stringify(patientBundle(source(measurement()))));
    expect(derivedUuid(V, 'swelling')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(derivedUuid(V, 'swelling')).not.toBe(derivedUuid(V, 'redness'));
  });
});

describe('CSV', () => {
  it('quotes per RFC 4180 and defuses formulas, but keeps negative angles as numbers', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('@cmd')).toBe("'@cmd");
    const text = measurementsCsv([{ label: '-RV7', measurements: [measurement()] }], () => 'Owusu, A');
    expect(text.split('\r\n')[1]).toBe(`'-RV7,2025-03-01,knee,left,extension,passive,-15,"Owusu, A",goniometer,hard,4`);
  });
});
