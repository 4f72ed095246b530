import type { CodeableConcept, Condition, DiagnosticReport, MedicationStatement, Observation, Procedure, Resource } from './fhir';
import { sideLabel } from '../domain/catalogue';
import { EVENT_KIND_LABELS, type ClinicalEvent } from '../domain/event';
import { CLASSIFICATION_LABELS } from '../domain/ho';
import { ALP_LOINC, CONDITION_CATEGORY, EXTENSION, CONDITION_CLINICAL, CONDITION_VERIFICATION, OBSERVATION_CATEGORY, SYSTEM, UCUM } from './codes';
import { recordIdentifiers, ref, stateNote, type RecordState } from './identifiers';

/** What an event becomes: its own resource and, for a radiation dose, the dose as a linked Observation. */
export interface EventResources {
  main: Resource;
  /** Resources that have no row of their own, named by a key under the event's lineage. */
  derived: { key: string; resource: Observation }[];
}

function kindCode(e: ClinicalEvent): CodeableConcept {
  return { coding: [{ system: SYSTEM.eventKind, code: e.kind, display: EVENT_KIND_LABELS[e.kind] }], text: e.title ?? EVENT_KIND_LABELS[e.kind] };
}

function site(e: ClinicalEvent): CodeableConcept[] {
  if (!e.joint) return [];
  return [{ coding: [{ system: SYSTEM.joint, code: e.joint }], text: e.side ? `${sideLabel(e.side)} ${e.joint}` : e.joint }];
}

/** The joint, for the resources that have no bodySite of their own (a course of drugs, a lab test, imaging). */
function siteExtension(e: ClinicalEvent): { extension?: { url: string; valueCodeableConcept: CodeableConcept }[] } {
  const concept = site(e)[0];
  return concept ? { extension: [{ url: EXTENSION.site, valueCodeableConcept: concept }] } : {};
}

function notes(e: ClinicalEvent, state: RecordState): { text: string; time?: string }[] {
  return [...stateNote(state, e.voided?.at ?? e.recordedAt), ...(e.note ? [{ text: e.note }] : [])];
}

const isAlp = (e: ClinicalEvent): boolean => (e.title ?? '').toLowerCase().includes('alkaline phosphatase') && e.unit === 'U/L';

// Laboratory and imaging codes other than ALP were not checked against LOINC, so those carry ROMtrack's kind and
// the test's name as typed.
export function eventResources(e: ClinicalEvent, refs: { patient: string }, state: RecordState): EventResources {
  const voided = state.kind === 'voided';
  const common = {
    identifier: recordIdentifiers({ lineageId: e.lineageId, versionId: e.id }),
    subject: ref('Patient', refs.patient),
  };
  const note = notes(e, state);
  const withNote = note.length ? { note } : {};
  switch (e.kind) {
    case 'injury': {
      const c: Condition = {
        resourceType: 'Condition',
        ...common,
        ...(voided ? {} : { clinicalStatus: { coding: [{ system: CONDITION_CLINICAL, code: 'active' }] } }),
        verificationStatus: { coding: [{ system: CONDITION_VERIFICATION, code: voided ? 'entered-in-error' : 'confirmed' }] },
        category: [{ coding: [{ system: CONDITION_CATEGORY, code: 'problem-list-item' }] }],
        code: kindCode(e),
        ...(e.joint ? { bodySite: site(e) } : {}),
        onsetDateTime: e.date,
        recordedDate: e.recordedAt,
        ...(e.recordedBy ? { recorder: ref('Practitioner', e.recordedBy) } : {}),
        ...withNote,
      };
      return { main: c, derived: [] };
    }
    case 'surgery':
    case 'excision':
    case 'radiation': {
      const p: Procedure = {
        resourceType: 'Procedure',
        // Procedure has no time of recording in R4.
        extension: [{ url: EXTENSION.recordedAt, valueDateTime: e.recordedAt }],
        ...common,
        status: voided ? 'entered-in-error' : 'completed',
        code: kindCode(e),
        performedDateTime: e.date,
        ...(e.recordedBy ? { recorder: ref('Practitioner', e.recordedBy) } : {}),
        ...(e.joint ? { bodySite: site(e) } : {}),
        ...withNote,
      };
      const derived: EventResources['derived'] = [];
      if (e.kind === 'radiation' && e.value !== null) {
        const dose: Observation = {
          resourceType: 'Observation',
          status: voided ? 'entered-in-error' : 'final',
          partOf: [ref('Procedure', e.id)],
          code: { coding: [{ system: SYSTEM.eventKind, code: 'radiation-dose', display: 'Radiation dose' }], text: 'Radiation dose' },
          subject: ref('Patient', refs.patient),
          effectiveDateTime: e.date,
          valueQuantity: { value: e.value, unit: 'Gy', system: UCUM, code: 'Gy' },
        };
        derived.push({ key: 'dose', resource: dose });
      }
      return { main: p, derived };
    }
    case 'nsaid_course':
    case 'bisphosphonate_course': {
      const m: MedicationStatement = {
        resourceType: 'MedicationStatement',
        ...siteExtension(e),
        ...common,
        status: voided ? 'entered-in-error' : e.endDate ? 'completed' : 'active',
        medicationCodeableConcept: kindCode(e),
        effectivePeriod: { start: e.date, ...(e.endDate ? { end: e.endDate } : {}) },
        dateAsserted: e.recordedAt,
        ...(e.recordedBy ? { informationSource: ref('Practitioner', e.recordedBy) } : {}),
        ...withNote,
      };
      return { main: m, derived: [] };
    }
    case 'lab_result': {
      const alp = isAlp(e);
      const o: Observation = {
        resourceType: 'Observation',
        ...siteExtension(e),
        ...common,
        status: voided ? 'entered-in-error' : state.kind === 'corrected' ? 'amended' : 'final',
        category: [{ coding: [{ system: OBSERVATION_CATEGORY, code: 'laboratory', display: 'Laboratory' }] }],
        code: alp ? { coding: [ALP_LOINC], text: e.title ?? ALP_LOINC.display } : kindCode(e),
        effectiveDateTime: e.date,
        issued: e.recordedAt,
        ...(e.recordedBy ? { performer: [ref('Practitioner', e.recordedBy)] } : {}),
        ...(e.value !== null ? { valueQuantity: alp ? { value: e.value, unit: 'U/L', system: UCUM, code: 'U/L' } : { value: e.value, ...(e.unit ? { unit: e.unit } : {}) } } : {}),
        ...withNote,
      };
      return { main: o, derived: [] };
    }
    case 'xray':
    case 'bone_scan': {
      const grade = e.classification;
      const d: DiagnosticReport = {
        resourceType: 'DiagnosticReport',
        ...siteExtension(e),
        ...common,
        status: voided ? 'entered-in-error' : state.kind === 'corrected' ? 'amended' : 'final',
        category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0074', code: 'RAD', display: 'Radiology' }] }],
        code: kindCode(e),
        effectiveDateTime: e.date,
        issued: e.recordedAt,
        ...(e.recordedBy ? { performer: [ref('Practitioner', e.recordedBy)] } : {}),
        // DiagnosticReport has no note in R4: the report's text and any correction reason go in its conclusion.
        ...(note.length ? { conclusion: note.map((n) => n.text).join('\n') } : {}),
        ...(grade ? { conclusionCode: [{ coding: [{ system: SYSTEM.classification, code: grade, display: CLASSIFICATION_LABELS[grade] ?? grade }] }] } : {}),
      };
      return { main: d, derived: [] };
    }
  }
}
