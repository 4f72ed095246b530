// The thresholds panel's words in the screen's language: a motion's name, an instrument's, a source's. Apart
// from the hook, plain functions of `t`, so the saved-message model can be tested without React.
import type { TFunction } from 'i18next';
import type { ThresholdEntry } from '../../../shared/api/operations/thresholds';
import { motionSpec } from '../../../shared/domain/catalogue';
import { useTranslation } from 'react-i18next';
import { useCatalogueWords, type CatalogueWords } from '../i18n/catalogue-words';
import { useFormatter } from '../session/session-context';
import type { SlotKey } from './threshold-model';

export interface ThresholdWords {
  t: TFunction;
  /** Lower case in the screen's language, for a name inside a sentence. */
  lower(text: string): string;
  /** "Hip extension". */
  entryName(entry: ThresholdEntry): string;
  /** "Extension": a row under its joint's heading. */
  motionOnly(entry: ThresholdEntry): string;
  /** "Any instrument", "Universal goniometer". */
  slot(slot: SlotKey): string;
  /** The catalogue's short source ("Cleffken 2007; to confirm") with its words translated, the citations kept. */
  source(sourceShort: string): string;
  degrees(n: number): string;
}

export function thresholdWords(t: TFunction, words: CatalogueWords, degrees: (n: number) => string, locale: string): ThresholdWords {
  const lower = (text: string) => text.toLocaleLowerCase(locale);
  const capital = (text: string) => text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
  return {
    t,
    lower,
    degrees,
    entryName: (entry) => {
      const spec = motionSpec(entry.motion);
      return capital(t('thresholdsPanel.entryName', { joint: lower(words.joint(spec.joint)), motion: lower(words.motion(spec.motion)) }));
    },
    motionOnly: (entry) => words.motion(motionSpec(entry.motion).motion),
    slot: (slot) => (slot === 'any' ? t('thresholdsPanel.anyInstrument') : words.instrument(slot)),
    // shared/domain/thresholds.ts shortens the catalogue's English source to "citations; to confirm", or to
    // "Clinical reference" when it cites no one: the citations are names and years, the rest is said here.
    source: (short) => {
      const cited = short.replace(/; to confirm$/, '');
      const citations = cited === 'Clinical reference' ? t('thresholdsPanel.clinicalReference') : cited;
      return cited === short ? citations : t('thresholdsPanel.sourceToConfirm', { citations });
    },
  };
}

export function useThresholdWords(): ThresholdWords {
  const { t, i18n } = useTranslation();
  const words = useCatalogueWords();
  const { degrees } = useFormatter();
  return thresholdWords(t, words, degrees, i18n.language === 'pseudo' ? 'en' : i18n.language);
}
