import type { CodeableConcept, Encounter, Observation, ObservationComponent } from './fhir';
import { findMotionSpec, modeLabel, seriesLabel, sideLabel } from '../domain/catalogue';
import { END_FEEL_LABELS, INSTRUMENT_LABELS, VISIT_SETTING_LABELS, type Measurement, type Visit } from '../domain/visit';
import { ACT_CODE, LATERALITY, OBSERVATION_CATEGORY, PAIN_SCORE, RANGE_OF_JOINT_MOVEMENT, STRUCTURE_LATERALITY_URL, SYSTEM, UCUM } from './codes';
import { recordIdentifiers, ref, stateNote, type RecordState } from './identifiers';

const EXAM = [{ coding: [{ system: OBSERVATION_CATEGORY, code: 'exam', display: 'Exam' }] }];

// v3 ActCode: AMB ambulatory, IMP inpatient encounter, HH home health. "Other" has no closer code than ambulatory;
// the setting's own words go in the type's text so nothing is lost.
const ENCOUNTER_CLASS = { outpatient: 'AMB', inpatient: 'IMP', home: 'HH', other: 'AMB' } as const;

export function encounterResource(v: Visit, refs: { patient: string; clinic: string }, voided: boolean): Encounter {
  return {
    resourceType: 'Encounter',
    identifier: recordIdentifiers({ lineageId: v.id, versionId: v.id }),
    status: voided ? 'entered-in-error' : 'finished',
    class: { system: ACT_CODE, code: ENCOUNTER_CLASS[v.setting] },
    type: [{ text: VISIT_SETTING_LABELS[v.setting] }],
    subject: ref('Patient', refs.patient),
    period: { start: v.date, end: v.date },
    ...(v.therapistId ? { participant: [{ individual: ref('Practitioner', v.therapistId) }] } : {}),
    serviceProvider: ref('Organization', refs.clinic),
  };
}

/** The measured joint motion: SNOMED's observable plus ROMtrack's own `<joint>.<motion>.<mode>`. */
export function motionCode(m: { motion: string } & Pick<Measurement, 'mode' | 'side'>): CodeableConcept {
  const spec = findMotionSpec(m.motion);
  const label = spec ? `${spec.label} (${modeLabel(m.mode).toLowerCase()})` : m.motion;
  return {
    coding: [RANGE_OF_JOINT_MOVEMENT, { system: SYSTEM.motion, code: `${m.motion}.${m.mode}`, display: label }],
    text: spec ? seriesLabel(m.side, spec.key, m.mode) : label,
  };
}

function bodySite(m: Pick<Measurement, 'motion' | 'side'>): CodeableConcept {
  const spec = findMotionSpec(m.motion);
  const joint = spec?.joint ?? m.motion.split('.')[0] ?? m.motion;
  return {
    extension: [{ url: STRUCTURE_LATERALITY_URL, valueCodeableConcept: { coding: [LATERALITY[m.side]] } }],
    coding: [{ system: SYSTEM.joint, code: joint }],
    text: `${sideLabel(m.side)} ${joint}`,
  };
}

function components(m: Measurement): ObservationComponent[] {
  const out: ObservationComponent[] = [];
  if (m.endFeel) {
    out.push({
      code: { coding: [{ system: SYSTEM.component, code: 'end-feel', display: 'End-feel' }] },
      valueCodeableConcept: { coding: [{ system: SYSTEM.endFeel, code: m.endFeel, display: END_FEEL_LABELS[m.endFeel] }] },
    });
  }
  if (m.pain !== null) out.push({ code: { coding: [PAIN_SCORE] }, valueInteger: m.pain });
  return out;
}

const STATUS = { original: 'final', corrected: 'amended', voided: 'entered-in-error' } as const;

export function measurementResource(m: Measurement, refs: { patient: string }, state: RecordState): Observation {
  const note = [...stateNote(state, m.voided?.at ?? m.recordedAt), ...(m.note ? [{ text: m.note }] : [])];
  const comps = components(m);
  return {
    resourceType: 'Observation',
    identifier: recordIdentifiers({ lineageId: m.lineageId, versionId: m.id }),
    status: STATUS[state.kind],
    category: EXAM,
    code: motionCode(m),
    subject: ref('Patient', refs.patient),
    encounter: ref('Encounter', m.visitId),
    effectiveDateTime: m.date,
    issued: m.recordedAt,
    ...(m.raterId ? { performer: [ref('Practitioner', m.raterId)] } : {}),
    // Negative values are real (a knee short of full extension), so the sign is kept as recorded.
    valueQuantity: { value: m.degrees, unit: '°', system: UCUM, code: 'deg' },
    bodySite: bodySite(m),
    method: { coding: [{ system: SYSTEM.instrument, code: m.instrument, display: INSTRUMENT_LABELS[m.instrument] }], text: INSTRUMENT_LABELS[m.instrument] },
    ...(comps.length ? { component: comps } : {}),
    ...(note.length ? { note } : {}),
  };
}

export const SYMPTOMS = ['decreasedRange', 'swelling', 'redness', 'warmth', 'fever'] as const;
export const SYMPTOM_LABELS: Record<(typeof SYMPTOMS)[number], string> = {
  decreasedRange: 'Decreased range of motion',
  swelling: 'Swelling',
  redness: 'Redness',
  warmth: 'Warmth',
  fever: 'Fever',
};

/** One Observation per symptom present at the visit, and the visit's pain score; absent symptoms are not sent. */
export function symptomResources(v: Visit, refs: { patient: string }, voided: boolean): { key: string; resource: Observation }[] {
  const base = { subject: ref('Patient', refs.patient), encounter: ref('Encounter', v.id), effectiveDateTime: v.date, category: EXAM } as const;
  const status = voided ? 'entered-in-error' : 'final';
  const out: { key: string; resource: Observation }[] = SYMPTOMS.filter((s) => v.symptoms[s]).map((s) => ({
    key: s,
    resource: { resourceType: 'Observation', status, ...base, code: { coding: [{ system: SYSTEM.symptom, code: s, display: SYMPTOM_LABELS[s] }], text: SYMPTOM_LABELS[s] }, valueBoolean: true },
  }));
  if (v.symptoms.pain !== null) {
    out.push({ key: 'pain', resource: { resourceType: 'Observation', status, ...base, code: { coding: [PAIN_SCORE], text: 'Pain (0-10)' }, valueInteger: v.symptoms.pain } });
  }
  return out;
}
