import type { CodeableConcept, Condition } from './fhir';
import { sideLabel } from '../domain/catalogue';
import { CLASSIFICATION_LABELS, RISK_FACTOR_LABELS, SITE_STATUS_LABELS, type RiskFactor, type WatchedSite } from '../domain/ho';
import { CONDITION_CATEGORY, CONDITION_CLINICAL, CONDITION_VERIFICATION, HO_ICD10, SYSTEM } from './codes';
import { recordIdentifiers, ref, stateNote, type RecordState } from './identifiers';

const HO_CODE: CodeableConcept = {
  coding: [HO_ICD10, { system: SYSTEM.condition, code: 'heterotopic-ossification', display: 'Heterotopic ossification' }],
  text: 'Heterotopic ossification',
};

const clinical = (code: 'active' | 'resolved'): CodeableConcept => ({ coding: [{ system: CONDITION_CLINICAL, code }] });
const verification = (code: 'provisional' | 'confirmed' | 'entered-in-error'): CodeableConcept => ({ coding: [{ system: CONDITION_VERIFICATION, code }] });

/**
 * A watched site's status as FHIR's two condition statuses. "At risk" is not a condition the patient has: it has no
 * Condition (a RiskAssessment would carry it; not sent yet). entered-in-error carries no clinical status (con-5).
 */
function statuses(site: WatchedSite, voided: boolean): Pick<Condition, 'clinicalStatus' | 'verificationStatus'> | null {
  if (voided) return { verificationStatus: verification('entered-in-error') };
  if (site.status === 'suspected') return { clinicalStatus: clinical('active'), verificationStatus: verification('provisional') };
  if (site.status === 'confirmed') return { clinicalStatus: clinical('active'), verificationStatus: verification('confirmed') };
  if (site.status === 'excised') return { clinicalStatus: clinical('resolved'), verificationStatus: verification('confirmed') };
  return null;
}

/** The watched site's HO as a Condition, or null for a site only at risk. */
export function siteCondition(site: WatchedSite, refs: { patient: string }, state: RecordState): Condition | null {
  const status = statuses(site, state.kind === 'voided');
  if (!status) return null;
  const note = [...stateNote(state, site.voided?.at ?? site.recordedAt), ...(site.note ? [{ text: site.note }] : [])];
  const grade = site.classification;
  return {
    resourceType: 'Condition',
    identifier: recordIdentifiers({ lineageId: site.lineageId, versionId: site.id }),
    ...status,
    category: [{ coding: [{ system: CONDITION_CATEGORY, code: 'problem-list-item' }] }],
    code: HO_CODE,
    // Condition has no laterality extension of its own: the side is in the text with ROMtrack's joint code.
    bodySite: [{ coding: [{ system: SYSTEM.joint, code: site.joint }], text: `${sideLabel(site.side)} ${site.joint}` }],
    subject: ref('Patient', refs.patient),
    onsetDateTime: site.since,
    recordedDate: site.recordedAt,
    ...(site.recordedBy ? { recorder: ref('Practitioner', site.recordedBy) } : {}),
    ...(grade
      ? {
          stage: [
            {
              summary: { coding: [{ system: SYSTEM.classification, code: grade.code, display: CLASSIFICATION_LABELS[grade.code] ?? grade.code }] },
              type: { text: grade.code.startsWith('brooker:') ? 'Brooker classification' : 'Hastings and Graham classification' },
            },
          ],
        }
      : {}),
    note: [{ text: `ROMtrack status: ${SITE_STATUS_LABELS[site.status]} since ${site.since}` }, ...note],
  };
}

export function riskFactorCondition(r: RiskFactor, refs: { patient: string }, state: RecordState): Condition {
  const note = [...stateNote(state, r.voided?.at ?? r.recordedAt), ...(r.note ? [{ text: r.note }] : [])];
  return {
    resourceType: 'Condition',
    identifier: recordIdentifiers({ lineageId: r.lineageId, versionId: r.id }),
    ...(state.kind === 'voided' ? { verificationStatus: verification('entered-in-error') } : { clinicalStatus: clinical('active'), verificationStatus: verification('confirmed') }),
    category: [{ coding: [{ system: CONDITION_CATEGORY, code: 'problem-list-item' }] }],
    code: { coding: [{ system: SYSTEM.riskFactor, code: r.kind, display: RISK_FACTOR_LABELS[r.kind] }], text: RISK_FACTOR_LABELS[r.kind] },
    subject: ref('Patient', refs.patient),
    ...(r.onsetDate ? { onsetDateTime: r.onsetDate } : {}),
    recordedDate: r.recordedAt,
    ...(r.recordedBy ? { recorder: ref('Practitioner', r.recordedBy) } : {}),
    ...(note.length ? { note } : {}),
  };
}
