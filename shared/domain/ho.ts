import { z } from 'zod';
import { JOINTS, SIDES, type JointId } from './catalogue';
import { RecordMeta, reason } from './record-meta';
import { optionalText, pastCalendarDate, uuid } from './schema-parts';
import { message, said } from '../i18n/message';

// Risk factors for heterotopic ossification (clinical-reference.md, "HO in one paragraph").
export const RISK_FACTORS = [
  'brain_injury_or_stroke',
  'spinal_cord_injury',
  'joint_surgery',
  'burns',
  'immobility',
  'joint_infection',
  'soft_tissue_trauma',
] as const;
export type RiskFactorKind = (typeof RISK_FACTORS)[number];
export const RISK_FACTOR_LABELS: Record<RiskFactorKind, string> = {
  brain_injury_or_stroke: 'Traumatic brain injury or stroke',
  spinal_cord_injury: 'Spinal cord injury',
  joint_surgery: 'Hip or other joint surgery',
  burns: 'Burns',
  immobility: 'Long immobility',
  joint_infection: 'Joint infection',
  soft_tissue_trauma: 'Muscle or soft-tissue trauma',
};

export const SITE_STATUSES = ['at_risk', 'suspected', 'confirmed', 'excised'] as const;
export type SiteStatus = (typeof SITE_STATUSES)[number];
export const SITE_STATUS_LABELS: Record<SiteStatus, string> = {
  at_risk: 'At risk',
  suspected: 'Suspected',
  confirmed: 'Confirmed',
  excised: 'Excised',
};

// Imaging classifications (clinical-reference.md, "Classifications to record with imaging").
export const BROOKER = ['0', 'I', 'II', 'III', 'IV'] as const;
export const HASTINGS_GRAHAM = ['I', 'IIA', 'IIB', 'IIC', 'III'] as const;
export const CLASSIFICATION_LABELS: Record<string, string> = {
  'brooker:0': 'Brooker 0: no HO',
  'brooker:I': 'Brooker I: islands of bone',
  'brooker:II': 'Brooker II: spurs, at least 1 cm apart',
  'brooker:III': 'Brooker III: spurs less than 1 cm apart',
  'brooker:IV': 'Brooker IV: apparent ankylosis',
  'hastings:I': 'Hastings-Graham I: radiographic only, no loss of motion',
  'hastings:IIA': 'Hastings-Graham IIA: limits flexion-extension',
  'hastings:IIB': 'Hastings-Graham IIB: limits forearm rotation',
  'hastings:IIC': 'Hastings-Graham IIC: limits both',
  'hastings:III': 'Hastings-Graham III: ankylosis',
};

/** Which classification applies to a joint's imaging, if any: Brooker for the hip, Hastings-Graham for the elbow. */
export function classificationsFor(joint: JointId): readonly string[] {
  if (joint === 'hip') return BROOKER.map((c) => `brooker:${c}`);
  if (joint === 'elbow') return HASTINGS_GRAHAM.map((c) => `hastings:${c}`);
  return [];
}

/**
 * The motions measured for a watched site. HO at the elbow also blocks forearm rotation
 * (Hastings-Graham IIB), so an elbow site brings the forearm's motions with it.
 */
export function siteMotionJoints(joint: JointId): readonly JointId[] {
  return joint === 'elbow' ? ['elbow', 'forearm'] : [joint];
}

const joint = z.enum(JOINTS, { error: said(message('domain.ho.joint')) });
const side = z.enum(SIDES, { error: said(message('domain.visit.side')) });
export const siteFields = { joint, side };

const riskFactorFields = {
  kind: z.enum(RISK_FACTORS, { error: said(message('domain.ho.riskFactor')) }),
  onsetDate: pastCalendarDate('The date').nullable().default(null),
  note: optionalText('Note', 1000),
};
export const RiskFactorInput = z.strictObject({ patientId: uuid, ...riskFactorFields });
export const RiskFactorCorrection = z.strictObject({ id: uuid, reason: reason('correction'), ...riskFactorFields });
export const RiskFactor = z.strictObject({
  ...RecordMeta,
  patientId: z.string(),
  kind: z.enum(RISK_FACTORS),
  onsetDate: z.string().nullable(),
  note: z.string().nullable(),
});
export type RiskFactor = z.infer<typeof RiskFactor>;

const siteStatusFields = {
  status: z.enum(SITE_STATUSES, { error: said(message('domain.ho.status')) }),
  since: pastCalendarDate('The date of this status'),
  note: optionalText('Note', 1000),
};
export const WatchedSiteInput = z.strictObject({ patientId: uuid, ...siteFields, ...siteStatusFields });
/** A status change is a new fact in time; a correction fixes a mistaken entry. Both write a new version. */
export const WatchedSiteStatusChange = z.strictObject({ id: uuid, ...siteStatusFields });
export const WatchedSite = z.strictObject({
  ...RecordMeta,
  patientId: z.string(),
  joint: z.enum(JOINTS),
  side: z.enum(SIDES),
  status: z.enum(SITE_STATUSES),
  since: z.string(),
  note: z.string().nullable(),
  /** The latest imaging classification of this site, from the X-ray events. */
  classification: z.strictObject({ code: z.string(), date: z.string() }).nullable(),
});
export type WatchedSite = z.infer<typeof WatchedSite>;
