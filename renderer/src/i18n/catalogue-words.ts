import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { JointId, Mode, MotionId, Side } from '../../../shared/domain/catalogue';
import type { Therapist } from '../../../shared/domain/therapist';
import type { EndFeel, Instrument } from '../../../shared/domain/visit';

/** The symptoms a visit records as yes or no (the visit form's boxes, the report's rows, the warning signs). */
export type SymptomWord = 'decreasedRange' | 'swelling' | 'redness' | 'warmth' | 'fever';

export interface CatalogueWords {
  joint(joint: JointId): string;
  motion(motion: MotionId): string;
  side(side: Side): string;
  mode(mode: Mode): string;
  /** "Universal goniometer"; null: "Instrument not recorded"; one this version does not know, as it was stored. */
  instrument(instrument: Instrument | string | null): string;
  endFeel(endFeel: EndFeel): string;
  symptom(symptom: SymptomWord): string;
}

/**
 * The catalogue's names in a language: the screen's (useCatalogueWords) or a printed document's (its fixed
 * translation's t). The catalogue (shared/domain/catalogue, shared/domain/visit) keeps its English labels for the
 * back end and the exports; screens and documents name joints, motions, sides, modes, instruments, end-feels and
 * symptoms through here, capitalised as a label; a sentence lower-cases the first letter itself. Each template
 * key is checked by the compiler against the English source for every joint, motion, side and mode; the other
 * keys are written out whole, so the key test sees each one used.
 */
export function catalogueWords(t: TFunction): CatalogueWords {
  const instruments: Record<Instrument, string> = {
    goniometer: t('catalogue.instrument.goniometer'),
    inclinometer: t('catalogue.instrument.inclinometer'),
    smartphone: t('catalogue.instrument.smartphone'),
    visual: t('catalogue.instrument.visual'),
  };
  const endFeels: Record<EndFeel, string> = {
    soft: t('catalogue.endFeel.soft'),
    firm: t('catalogue.endFeel.firm'),
    hard: t('catalogue.endFeel.hard'),
    empty: t('catalogue.endFeel.empty'),
  };
  const symptoms: Record<SymptomWord, string> = {
    decreasedRange: t('catalogue.symptom.decreasedRange'),
    swelling: t('catalogue.symptom.swelling'),
    redness: t('catalogue.symptom.redness'),
    warmth: t('catalogue.symptom.warmth'),
    fever: t('catalogue.symptom.fever'),
  };
  const isInstrument = (value: string): value is Instrument => Object.hasOwn(instruments, value);
  return {
    joint: (joint) => t(`joint.${joint}`),
    motion: (motion) => t(`motion.${motion}`),
    side: (side) => t(`side.${side}`),
    mode: (mode) => t(`mode.${mode}`),
    instrument: (instrument) => (instrument === null ? t('catalogue.instrument.notRecorded') : isInstrument(instrument) ? instruments[instrument] : instrument),
    endFeel: (endFeel) => endFeels[endFeel],
    symptom: (symptom) => symptoms[symptom],
  };
}

export function useCatalogueWords(): CatalogueWords {
  const { t, i18n } = useTranslation();
  // A new t can come with each render; the language is what changes the words.
  return useMemo(() => catalogueWords(t), [t, i18n.language]);
}

/**
 * Names for the ids a record carries (rater, recorder), in a language: the file lists every therapist it names,
 * so "Unknown therapist" is a record from a newer version or another clinic; no id means none was recorded.
 */
export function therapistNamer(t: TFunction, therapists: readonly Therapist[]): (id: string | null) => string {
  const names = new Map(therapists.map((th) => [th.id, th.name]));
  return (id) => (id === null ? t('catalogue.therapist.notRecorded') : (names.get(id) ?? t('catalogue.therapist.unknown')));
}

/** The therapist namer in the screen's language. */
export function useTherapistNamer(therapists: readonly Therapist[]): (id: string | null) => string {
  const { t, i18n } = useTranslation();
  return useMemo(() => therapistNamer(t, therapists), [t, i18n.language, therapists]);
}
