// The HO profile's words in the screen's language: watched sites, their statuses, the risk factors and the
// imaging classifications. Each key is written out whole (not built from a value), so the key test sees it used.
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { JointId, Side } from '../../../shared/domain/catalogue';
import type { BROOKER, HASTINGS_GRAHAM, RiskFactorKind, SiteStatus } from '../../../shared/domain/ho';

type ClassificationCode = `brooker:${(typeof BROOKER)[number]}` | `hastings:${(typeof HASTINGS_GRAHAM)[number]}`;

export interface ProfileWords {
  /** "Right elbow": the side agrees with the joint in French, Spanish and Portuguese, hence one phrase per site. */
  site(joint: JointId, side: Side): string;
  status(status: SiteStatus): string;
  riskFactor(kind: RiskFactorKind): string;
  /** "Brooker II: spurs, at least 1 cm apart"; a code the catalogue does not know shows as stored. */
  classification(code: string): string;
  /** "Brooker II": the grade without its description. */
  grade(code: string): string;
}

export function profileWords(t: TFunction): ProfileWords {
  const sites: Record<Side, Record<JointId, string>> = {
    left: {
      shoulder: t('profile.site.left.shoulder'),
      elbow: t('profile.site.left.elbow'),
      forearm: t('profile.site.left.forearm'),
      wrist: t('profile.site.left.wrist'),
      hip: t('profile.site.left.hip'),
      knee: t('profile.site.left.knee'),
      ankle: t('profile.site.left.ankle'),
    },
    right: {
      shoulder: t('profile.site.right.shoulder'),
      elbow: t('profile.site.right.elbow'),
      forearm: t('profile.site.right.forearm'),
      wrist: t('profile.site.right.wrist'),
      hip: t('profile.site.right.hip'),
      knee: t('profile.site.right.knee'),
      ankle: t('profile.site.right.ankle'),
    },
  };
  const statuses: Record<SiteStatus, string> = {
    at_risk: t('profile.status.at_risk'),
    suspected: t('profile.status.suspected'),
    confirmed: t('profile.status.confirmed'),
    excised: t('profile.status.excised'),
  };
  const riskFactors: Record<RiskFactorKind, string> = {
    brain_injury_or_stroke: t('profile.riskFactor.brain_injury_or_stroke'),
    spinal_cord_injury: t('profile.riskFactor.spinal_cord_injury'),
    joint_surgery: t('profile.riskFactor.joint_surgery'),
    burns: t('profile.riskFactor.burns'),
    immobility: t('profile.riskFactor.immobility'),
    joint_infection: t('profile.riskFactor.joint_infection'),
    soft_tissue_trauma: t('profile.riskFactor.soft_tissue_trauma'),
  };
  const classifications: Record<ClassificationCode, string> = {
    'brooker:0': t('profile.classification.brooker:0'),
    'brooker:I': t('profile.classification.brooker:I'),
    'brooker:II': t('profile.classification.brooker:II'),
    'brooker:III': t('profile.classification.brooker:III'),
    'brooker:IV': t('profile.classification.brooker:IV'),
    'hastings:I': t('profile.classification.hastings:I'),
    'hastings:IIA': t('profile.classification.hastings:IIA'),
    'hastings:IIB': t('profile.classification.hastings:IIB'),
    'hastings:IIC': t('profile.classification.hastings:IIC'),
    'hastings:III': t('profile.classification.hastings:III'),
  };
  const grades: Record<ClassificationCode, string> = {
    'brooker:0': t('profile.grade.brooker:0'),
    'brooker:I': t('profile.grade.brooker:I'),
    'brooker:II': t('profile.grade.brooker:II'),
    'brooker:III': t('profile.grade.brooker:III'),
    'brooker:IV': t('profile.grade.brooker:IV'),
    'hastings:I': t('profile.grade.hastings:I'),
    'hastings:IIA': t('profile.grade.hastings:IIA'),
    'hastings:IIB': t('profile.grade.hastings:IIB'),
    'hastings:IIC': t('profile.grade.hastings:IIC'),
    'hastings:III': t('profile.grade.hastings:III'),
  };
  const known = (code: string): code is ClassificationCode => Object.hasOwn(classifications, code);
  return {
    site: (joint, side) => sites[side][joint],
    status: (status) => statuses[status],
    riskFactor: (kind) => riskFactors[kind],
    classification: (code) => (known(code) ? classifications[code] : code),
    grade: (code) => (known(code) ? grades[code] : code),
  };
}

export function useProfileWords(): ProfileWords {
  const { t, i18n } = useTranslation();
  return useMemo(() => profileWords(t), [t, i18n.language]);
}
