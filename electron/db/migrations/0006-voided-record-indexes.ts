import type { Migration } from './types';

// Voided records are read per patient ("Voided entries" on the patient page); without these small partial
// indexes that read would scan every measurement of the clinic.
export const migration0006: Migration = {
  version: 6,
  name: 'indexes for voided records',
  up: `
    CREATE INDEX measurements_voided ON measurements (patient_id) WHERE voided_at IS NOT NULL;
    CREATE INDEX clinical_events_voided ON clinical_events (patient_id) WHERE voided_at IS NOT NULL;
    CREATE INDEX risk_factors_voided ON risk_factors (patient_id) WHERE voided_at IS NOT NULL;
    CREATE INDEX watched_sites_voided ON watched_sites (patient_id) WHERE voided_at IS NOT NULL;
  `,
};
