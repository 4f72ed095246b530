// Every system URI and code the FHIR export uses, in one place, each with where it was checked.
// Codes that exchange.md marked "to verify" and that could not be checked against the code system's own
// published tables are left out here (see the notes below), and ROMtrack's own code stands alone.

/**
 * ROMtrack's own URIs. ROMtrack has no web domain of its own, so its systems are URNs under one prefix: a
 * receiving server only needs them to be stable and distinct, and this is the one place to change them.
 */
const ROMTRACK = 'urn:romtrack';
export const SYSTEM = {
  /** The record's lineage UUID: the same through every correction, so a resend matches the same resource. */
  record: `${ROMTRACK}:record-id`,
  /** The UUID of the version sent, as a second identifier. */
  version: `${ROMTRACK}:version-id`,
  /** `<joint>.<motion>.<mode>`, e.g. `elbow.flexion.active`, from the catalogue's keys. */
  motion: `${ROMTRACK}:motion`,
  joint: `${ROMTRACK}:joint`,
  instrument: `${ROMTRACK}:instrument`,
  endFeel: `${ROMTRACK}:end-feel`,
  symptom: `${ROMTRACK}:symptom`,
  component: `${ROMTRACK}:observation-component`,
  condition: `${ROMTRACK}:condition`,
  riskFactor: `${ROMTRACK}:risk-factor`,
  /** `brooker:III`, `hastings:IIB`: ROMtrack's stored classification codes. */
  classification: `${ROMTRACK}:classification`,
  eventKind: `${ROMTRACK}:event-kind`,
  intervention: `${ROMTRACK}:intervention`,
  /** A plan's lineage (its first version's id): every version of one plan carries it, each version being a CarePlan. */
  plan: `${ROMTRACK}:plan-id`,
} as const;

/**
 * ROMtrack's own extensions, for facts FHIR R4's resources have no element for, so that an import gets back what
 * was sent: when a record was written where the resource has no such time (Procedure, Goal), the joint of an
 * event whose resource has no bodySite, a plan's planned end and sites, and a plan item's dose and motions.
 */
export const EXTENSION = {
  recordedAt: `${ROMTRACK}:extension:recorded-at`,
  site: `${ROMTRACK}:extension:body-site`,
  plannedEnd: `${ROMTRACK}:extension:planned-end`,
  planSite: `${ROMTRACK}:extension:plan-site`,
  planItem: `${ROMTRACK}:extension:plan-item`,
} as const;

/** A clinic's own identifier systems, one per clinic (the database's identity), as exchange.md asks. */
export function clinicSystem(clinicId: string, what: 'patient-id' | 'registration-number'): string {
  return `${ROMTRACK}:clinic:${clinicId}:${what}`;
}

export const SNOMED = 'http://snomed.info/sct';
export const LOINC = 'http://loinc.org';
export const UCUM = 'http://unitsofmeasure.org';
/** Languages as BCP 47 tags: FHIR R4's system for Patient.communication.language (CommonLanguages is bound to it). */
export const BCP47 = 'urn:ietf:bcp:47';
export const ICD10 = 'http://hl7.org/fhir/sid/icd-10';

/** SNOMED CT 364564000 "Range of joint movement (observable entity)": clinical-reference.md, not marked to verify. */
export const RANGE_OF_JOINT_MOVEMENT = { system: SNOMED, code: '364564000', display: 'Range of joint movement' } as const;

/**
 * Laterality qualifiers, checked: HL7's value set http://hl7.org/fhir/ValueSet/bodystructure-laterality, expanded
 * from SNOMED CT International (Feb 2025), lists 7771000 Left (qualifier value) and 24028007 Right (qualifier value);
 * mCODE's laterality value set (SNOMED CT International, Feb 2024) agrees.
 */
export const LATERALITY = {
  left: { system: SNOMED, code: '7771000', display: 'Left' },
  right: { system: SNOMED, code: '24028007', display: 'Right' },
} as const;
export const STRUCTURE_LATERALITY_URL = 'http://hl7.org/fhir/StructureDefinition/observation-structureLaterality';

/**
 * LOINC 72514-3 "Pain severity - 0-10 verbal numeric rating [Score] - Reported", checked against an HL7 Belgium
 * value set expanded by tx.fhir.org from LOINC 2.82, which names it and its 0-10 answer list.
 */
export const PAIN_SCORE = { system: LOINC, code: '72514-3', display: 'Pain severity - 0-10 verbal numeric rating [Score] - Reported' } as const;

/**
 * LOINC 6768-6 "Alkaline phosphatase [Enzymatic activity/volume] in Serum or Plasma", checked against a value set
 * expanded by tx.fhir.org from LOINC 2.82.
 */
export const ALP_LOINC = { system: LOINC, code: '6768-6', display: 'Alkaline phosphatase [Enzymatic activity/volume] in Serum or Plasma' } as const;

/** ICD-10 M61.5 "Other ossification of muscle": clinical-reference.md, not marked to verify. */
export const HO_ICD10 = { system: ICD10, code: 'M61.5', display: 'Other ossification of muscle' } as const;

// Left out, not verified against SNOMED CT's own tables in this piece of work, so ROMtrack's own code stands alone:
// - the SNOMED joint structures for bodySite (knee 72696002, hip 24136001, elbow 16953009 were seen only in DICOM
//   value sets; no code for shoulder, forearm, wrist or ankle was checked): bodySite carries ROMtrack's joint code;
// - the SNOMED concept for heterotopic ossification: the Condition carries ICD-10 M61.5 and ROMtrack's own code;
// - LOINC per joint motion: none is published for knee, hip or elbow (clinical-reference.md);
// - the SNOMED motion qualifiers (flexion 9964006 etc.) and passive movement 21278004: the motion and mode are in
//   ROMtrack's own code.

export const OBSERVATION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';
export const CONDITION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/condition-category';
export const CONDITION_CLINICAL = 'http://terminology.hl7.org/CodeSystem/condition-clinical';
export const CONDITION_VERIFICATION = 'http://terminology.hl7.org/CodeSystem/condition-ver-status';
export const ACT_CODE = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
export const GOAL_ACHIEVEMENT = 'http://terminology.hl7.org/CodeSystem/goal-achievement';
