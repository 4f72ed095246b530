import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { motionSpec, type Mode, type MotionKey, type Side } from '../../../shared/domain/catalogue';
import type { TFunction } from 'i18next';
import { useProfileWords, type ProfileWords } from '../profile/profile-words';

export interface SeriesName {
  /** "Right elbow flexion (active)": one row of a table. */
  series(side: Side, motion: MotionKey, mode: Mode): string;
  /** "Right elbow flexion": a motion at a site. */
  sideMotion(side: Side, motion: MotionKey): string;
  /** "Elbow flexion": a chart's title. */
  motion(motion: MotionKey): string;
  /** "Elbow flexion, active": a series under its site. */
  motionMode(motion: MotionKey, mode: Mode): string;
  /** "Left, active": a series under its chart. */
  sideMode(side: Side, mode: Mode): string;
}

// Inner words lower case, the phrase's first letter capital, wherever the language puts them. The site is one
// phrase per joint and side (profile-words.ts), since the side agrees with the joint in French, Spanish, Portuguese.
const lower = (s: string) => s.toLowerCase();
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The catalogue's names of a series with the given translation (a document's fixed one, or the screen's). */
export function seriesNames(t: TFunction, profile: ProfileWords): SeriesName {
  const side = (s: Side) => lower(t(`side.${s}`));
  const mode = (m: Mode) => lower(t(`mode.${m}`));
  const motionOf = (key: MotionKey) => lower(t(`motion.${motionSpec(key).motion}`));
  const site = (s: Side, key: MotionKey) => lower(profile.site(motionSpec(key).joint, s));
  return {
    series: (s, key, m) => capital(t('report.seriesName', { site: site(s, key), motion: motionOf(key), mode: mode(m) })),
    sideMotion: (s, key) => capital(t('report.siteMotion', { site: site(s, key), motion: motionOf(key) })),
    motion: (key) => capital(t('report.motionName', { joint: lower(t(`joint.${motionSpec(key).joint}`)), motion: motionOf(key) })),
    motionMode: (key, m) => capital(t('report.motionMode', { motion: lower(t('report.motionName', { joint: lower(t(`joint.${motionSpec(key).joint}`)), motion: motionOf(key) })), mode: mode(m) })),
    sideMode: (s, m) => capital(t('report.sideMode', { side: side(s), mode: mode(m) })),
  };
}

/** The catalogue's names of a series in the language of the document being rendered (the nearest i18next provider). */
export function useSeriesName(): SeriesName {
  const { t } = useTranslation();
  const profile = useProfileWords();
  return useMemo(() => seriesNames(t, profile), [t, profile]);
}
