import type { Organization, Patient, Practitioner } from './fhir';
import type { Patient as RomPatient } from '../domain/patient';
import type { Therapist } from '../domain/therapist';
import { LANGUAGE_NAMES } from '../i18n/languages';
import { BCP47, clinicSystem } from './codes';
import { recordIdentifiers } from './identifiers';
import type { ExchangeClinic } from './source';

export function patientResource(p: RomPatient, clinicId: string): Patient {
  const identifier = recordIdentifiers({ lineageId: p.id, versionId: p.id });
  if (p.clinicId) identifier.push({ use: 'usual', system: clinicSystem(clinicId, 'patient-id'), value: p.clinicId });
  return {
    resourceType: 'Patient',
    identifier,
    name: [{ use: 'official', family: p.familyName, given: p.givenNames.split(/\s+/).filter(Boolean) }],
    birthDate: p.dateOfBirth,
    // ROMtrack's sexes are FHIR's administrative genders, one to one (domain/patient.ts).
    gender: p.sex,
    // The language the patient's documents are printed in: the one ROMtrack knows the patient prefers.
    ...(p.documentLanguage
      ? { communication: [{ language: { coding: [{ system: BCP47, code: p.documentLanguage, display: LANGUAGE_NAMES[p.documentLanguage] }], text: LANGUAGE_NAMES[p.documentLanguage] }, preferred: true }] }
      : {}),
  };
}

export function practitionerResource(t: Therapist, clinicId: string): Practitioner {
  const identifier = recordIdentifiers({ lineageId: t.id, versionId: t.id });
  if (t.registrationNumber) {
    // The licensing body is not recorded, so the number is scoped to the clinic that typed it.
    identifier.push({ use: 'official', type: { text: 'Professional registration number' }, system: clinicSystem(clinicId, 'registration-number'), value: t.registrationNumber });
  }
  return {
    resourceType: 'Practitioner',
    identifier,
    active: t.active,
    name: [{ text: t.name, ...(t.title ? { suffix: [t.title] } : {}) }],
  };
}

export function organizationResource(c: ExchangeClinic): Organization {
  return {
    resourceType: 'Organization',
    identifier: recordIdentifiers({ lineageId: c.id, versionId: c.id }),
    active: true,
    name: c.name,
    ...(c.address ? { address: [{ text: c.address }] } : {}),
    ...(c.phone ? { telecom: [{ system: 'phone', value: c.phone }] } : {}),
  };
}
