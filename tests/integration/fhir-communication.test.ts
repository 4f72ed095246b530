import { validateResource } from '@medplum/core';
import type { Bundle, Patient } from '@medplum/fhirtypes';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openTestBackend, type TestBackend } from '../support/backend';
import { loadR4Definitions, openSecondWorkstation } from '../support/fhir-setup';

// The language a patient's documents are printed in travels as FHIR Patient.communication (BCP 47, preferred) and
// comes back on another workstation; a workstation that already holds the patient with another language lists the
// difference for a person, like any other detail.

let a: TestBackend;
let b: TestBackend;

beforeAll(() => {
  loadR4Definitions();
  a = openTestBackend();
  b = openSecondWorkstation();
}, 120_000);
afterAll(() => {
  a?.dispose();
  b?.dispose();
});

async function exported(api: TestBackend, patientId: string): Promise<{ text: string; patient: Patient }> {
  const file = await api.ok('exchange.exportFhir', { patientId });
  const bundle = JSON.parse(file.content) as Bundle;
  const patient = bundle.entry?.map((e) => e.resource).find((r): r is Patient => r?.resourceType === 'Patient');
  if (!patient) throw new Error('no Patient in the export');
  return { text: file.content, patient };
}

it('sends the document language as Patient.communication, valid R4, and the other workstation prints in it', async () => {
  const p = await a.ok('patients.create', { familyName: 'Diallo', givenNames: 'Aminata', clinicId: 'C-77', dateOfBirth: '1988-03-14', sex: 'female', documentLanguage: 'fr' });
  const sent = await exported(a, p.id);
  expect(sent.patient.communication).toEqual([{ language: { coding: [{ system: 'urn:ietf:bcp:47', code: 'fr', display: 'Français' }], text: 'Français' }, preferred: true }]);
  expect(() => validateResource(sent.patient)).not.toThrow();

  const report = await b.ok('exchange.importFhir', { content: sent.text });
  expect(report.matchedBy).toBeNull();
  expect((await b.ok('patients.file', { patientId: p.id })).patient.documentLanguage).toBe('fr');
  // And back out of the second workstation as it came in.
  expect((await exported(b, p.id)).patient.communication).toEqual(sent.patient.communication);
});

it('leaves communication out for a patient who follows the clinic language', async () => {
  const p = await a.ok('patients.create', { familyName: 'Okafor', givenNames: 'Chidi', clinicId: null, dateOfBirth: '1975-01-02', sex: 'male' });
  const sent = await exported(a, p.id);
  expect(sent.patient.communication).toBeUndefined();
  await b.ok('exchange.importFhir', { content: sent.text });
  expect((await b.ok('patients.file', { patientId: p.id })).patient.documentLanguage).toBeNull();
});

it('lists a different language for a decision, keeps this one until a person takes the file’s', async () => {
  const p = await a.ok('patients.create', { familyName: 'Mendes', givenNames: 'Rui', clinicId: 'C-78', dateOfBirth: '1990-06-30', sex: 'male', documentLanguage: 'pt' });
  await b.ok('exchange.importFhir', { content: (await exported(a, p.id)).text });
  const { createdAt: _c, updatedAt: _u, ...here } = (await a.ok('patients.file', { patientId: p.id })).patient;
  await a.ok('patients.update', { ...here, documentLanguage: 'es' });
  const changed = (await exported(a, p.id)).text;

  const first = await b.ok('exchange.importFhir', { content: changed });
  expect(first.conflicts).toEqual([expect.objectContaining({ field: 'documentLanguage', here: 'pt', incoming: 'es' })]);
  expect((await b.ok('patients.file', { patientId: p.id })).patient.documentLanguage).toBe('pt');

  const decided = await b.ok('exchange.importFhir', { content: changed, decisions: { takeIncoming: ['documentLanguage'] } });
  expect(decided.conflicts).toEqual([]);
  expect((await b.ok('patients.file', { patientId: p.id })).patient.documentLanguage).toBe('es');
});

it('reads a regional tag as its language and ignores one ROMtrack does not print in', async () => {
  const p = await a.ok('patients.create', { familyName: 'Tremblay', givenNames: 'Luc', clinicId: 'C-79', dateOfBirth: '1969-11-11', sex: 'male', documentLanguage: 'fr' });
  const { text } = await exported(a, p.id);
  const regional = text.replace('"code": "fr"', '"code": "fr-CA"');
  expect(regional).not.toBe(text);
  await b.ok('exchange.importFhir', { content: regional });
  expect((await b.ok('patients.file', { patientId: p.id })).patient.documentLanguage).toBe('fr');

  const q = await a.ok('patients.create', { familyName: 'Weber', givenNames: 'Anna', clinicId: 'C-80', dateOfBirth: '1959-05-05', sex: 'female', documentLanguage: 'fr' });
  const german = (await exported(a, q.id)).text.replace('"code": "fr"', '"code": "de"');
  await b.ok('exchange.importFhir', { content: german });
  expect((await b.ok('patients.file', { patientId: q.id })).patient.documentLanguage).toBeNull();
});
