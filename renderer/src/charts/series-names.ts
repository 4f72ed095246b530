import { useTranslation } from 'react-i18next';
import { motionSpec, type Mode, type MotionKey, type Side } from '../../../shared/domain/catalogue';
import { useCatalogueWords } from '../i18n/catalogue-words';
import { useDisplayLanguage } from '../i18n/use-language';

// A series named in the screen's language: "Left knee flexion (active)", "Flexion, genou côté gauche (active)",
// here in charts/ so the chart screens and the patient page share it. The side is a phrase of its own per language rather than the catalogue's bare
// adjective, which in French, Spanish and Portuguese would have to agree with the joint; see shared/i18n/terms.md.

export interface SeriesNames {
  /** "Left knee flexion". */
  motionAtSite(side: Side, motion: MotionKey): string;
  /** "Left knee flexion (active)". */
  series(side: Side, motion: MotionKey, mode: Mode): string;
}

export function useSeriesNames(): SeriesNames {
  const { t } = useTranslation();
  const words = useCatalogueWords();
  const language = useDisplayLanguage();
  const locale = language === 'pseudo' ? 'en' : language;
  const lower = (text: string) => text.toLocaleLowerCase(locale);
  const capital = (text: string) => text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
  const motionAtSite = (side: Side, key: MotionKey) => {
    const spec = motionSpec(key);
    const joint = lower(words.joint(spec.joint));
    const site = side === 'left' ? t('seriesName.leftSite', { joint }) : t('seriesName.rightSite', { joint });
    return capital(t('seriesName.motionAtSite', { site, motion: lower(words.motion(spec.motion)) }));
  };
  return {
    motionAtSite,
    series: (side, key, mode) => t('seriesName.withMode', { name: motionAtSite(side, key), mode: lower(words.mode(mode)) }),
  };
}
