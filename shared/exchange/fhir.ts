// The FHIR R4 types the mapper uses, from @medplum/fhirtypes (types only: nothing of it is loaded at run time).
// The package is an ES module and the back end compiles to CommonJS, so its types are imported once here with
// the resolution mode it needs.
export type {
  Bundle,
  BundleEntry,
  CarePlan,
  CarePlanActivity,
  CodeableConcept,
  Condition,
  DiagnosticReport,
  Encounter,
  Goal,
  Identifier,
  MedicationStatement,
  Observation,
  ObservationComponent,
  Organization,
  Patient,
  Practitioner,
  Procedure,
  Reference,
  Resource,
} from '@medplum/fhirtypes' with { 'resolution-mode': 'import' };
