// A reading's words in the screen's language: settings, instruments, end-feels and symptoms (the last three are
// the catalogue's words, i18n/catalogue-words.ts), the catalogue's motions named with their joint, and one reading
// named in full ("Right elbow flexion, active"). Each key is written out whole (not built from a value), so the
// key test sees it used.
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { motionSpec, type Mode, type MotionKey, type Side } from '../../../shared/domain/catalogue';
import type { EndFeel, Instrument, VISIT_SETTINGS } from '../../../shared/domain/visit';
import { useCatalogueWords, type CatalogueWords } from '../i18n/catalogue-words';
import { profileWords } from '../profile/profile-words';
import type { SYMPTOM_FIELDS } from './visit-form-model';

type Setting = (typeof VISIT_SETTINGS)[number];
type Symptom = (typeof SYMPTOM_FIELDS)[number];

export interface VisitWords {
  setting(setting: Setting): string;
  instrument(instrument: Instrument): string;
  endFeel(endFeel: EndFeel): string;
  symptom(symptom: Symptom): string;
  /** "Elbow flexion": a grid row. */
  motionName(key: MotionKey): string;
  /** "Right elbow flexion". */
  readingName(side: Side, key: MotionKey): string;
  /** "Right elbow flexion, active": a box's accessible name, a measurement's row, its history's caption. */
  readingLabel(r: { side: Side; motion: MotionKey; mode: Mode }): string;
}

export function visitWords(t: TFunction, catalogue: CatalogueWords): VisitWords {
  const settings: Record<Setting, string> = {
    outpatient: t('visits.setting.outpatient'),
    inpatient: t('visits.setting.inpatient'),
    home: t('visits.setting.home'),
    other: t('visits.setting.other'),
  };
  // The catalogue's motions only: a joint and a motion that do not go together have no name.
  const motions: Partial<Record<MotionKey, string>> = {
    'shoulder.flexion': t('visits.motionName.shoulder.flexion'),
    'shoulder.extension': t('visits.motionName.shoulder.extension'),
    'shoulder.abduction': t('visits.motionName.shoulder.abduction'),
    'shoulder.internal_rotation': t('visits.motionName.shoulder.internal_rotation'),
    'shoulder.external_rotation': t('visits.motionName.shoulder.external_rotation'),
    'elbow.flexion': t('visits.motionName.elbow.flexion'),
    'elbow.extension': t('visits.motionName.elbow.extension'),
    'forearm.pronation': t('visits.motionName.forearm.pronation'),
    'forearm.supination': t('visits.motionName.forearm.supination'),
    'wrist.flexion': t('visits.motionName.wrist.flexion'),
    'wrist.extension': t('visits.motionName.wrist.extension'),
    'wrist.radial_deviation': t('visits.motionName.wrist.radial_deviation'),
    'wrist.ulnar_deviation': t('visits.motionName.wrist.ulnar_deviation'),
    'hip.flexion': t('visits.motionName.hip.flexion'),
    'hip.extension': t('visits.motionName.hip.extension'),
    'hip.abduction': t('visits.motionName.hip.abduction'),
    'hip.adduction': t('visits.motionName.hip.adduction'),
    'hip.internal_rotation': t('visits.motionName.hip.internal_rotation'),
    'hip.external_rotation': t('visits.motionName.hip.external_rotation'),
    'knee.flexion': t('visits.motionName.knee.flexion'),
    'knee.extension': t('visits.motionName.knee.extension'),
    'ankle.dorsiflexion': t('visits.motionName.ankle.dorsiflexion'),
    'ankle.plantarflexion': t('visits.motionName.ankle.plantarflexion'),
  };
  const { site } = profileWords(t);
  const readingName = (side: Side, key: MotionKey) => {
    const spec = motionSpec(key);
    return t('visits.cellName', { site: site(spec.joint, side), motion: catalogue.motion(spec.motion).toLocaleLowerCase() });
  };
  return {
    setting: (s) => settings[s],
    instrument: (i) => catalogue.instrument(i),
    endFeel: (f) => catalogue.endFeel(f),
    symptom: (s) => catalogue.symptom(s),
    motionName: (key) => motions[key] ?? motionSpec(key).label,
    readingName,
    readingLabel: ({ side, motion, mode }) => {
      const name = readingName(side, motion);
      return mode === 'active' ? t('visits.cellLabel.active', { name }) : t('visits.cellLabel.passive', { name });
    },
  };
}

export function useVisitWords(): VisitWords {
  const { t, i18n } = useTranslation();
  const catalogue = useCatalogueWords();
  // The catalogue's words are a new object at each render: the language is what changes them.
  return useMemo(() => visitWords(t, catalogue), [t, i18n.language]);
}
