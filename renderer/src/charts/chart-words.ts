import { useMemo } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Mode, Side } from '../../../shared/domain/catalogue';
import type { EventKind } from '../../../shared/domain/event';
import type { BROOKER, HASTINGS_GRAHAM } from '../../../shared/domain/ho';
import type { EventWords } from './chart-model';

// The charts' words in the screen's (or the printed document's) language: the series' names in legends, the
// event markers, slopes and spans. The pure chart model takes them as a parameter, so it stays free of React.

export interface ChartWords extends EventWords {
  /** "Right, active": a series of the motion, in a legend. */
  seriesStyle(side: Side, mode: Mode): string;
  /** "-2.1°/week". */
  slope(perWeek: number, degrees: (n: number) => string): string;
  /** "5 weeks": a span in the unit a clinician would say. */
  duration(days: number): string;
}

// Keys written out in full, so the key check (tests/unit/i18n-keys.test.ts) reads each one in the source.
const KIND_KEYS = {
  injury: 'events.kind.injury',
  surgery: 'events.kind.surgery',
  excision: 'events.kind.excision',
  nsaid_course: 'events.kind.nsaid_course',
  bisphosphonate_course: 'events.kind.bisphosphonate_course',
  radiation: 'events.kind.radiation',
  lab_result: 'events.kind.lab_result',
  bone_scan: 'events.kind.bone_scan',
  xray: 'events.kind.xray',
} as const satisfies Record<EventKind, string>;

type ClassificationId = `brooker:${(typeof BROOKER)[number]}` | `hastings:${(typeof HASTINGS_GRAHAM)[number]}`;
const CLASSIFICATION_KEYS = {
  'brooker:0': 'profile.classification.brooker:0',
  'brooker:I': 'profile.classification.brooker:I',
  'brooker:II': 'profile.classification.brooker:II',
  'brooker:III': 'profile.classification.brooker:III',
  'brooker:IV': 'profile.classification.brooker:IV',
  'hastings:I': 'profile.classification.hastings:I',
  'hastings:IIA': 'profile.classification.hastings:IIA',
  'hastings:IIB': 'profile.classification.hastings:IIB',
  'hastings:IIC': 'profile.classification.hastings:IIC',
  'hastings:III': 'profile.classification.hastings:III',
} as const satisfies Record<ClassificationId, string>;
const isClassification = (c: string): c is ClassificationId => Object.hasOwn(CLASSIFICATION_KEYS, c);

/** The words in the screen's language. */
export function useChartWords(): ChartWords {
  const { t } = useTranslation();
  return useMemo(() => chartWordsOf(t), [t]);
}

/**
 * The words of one language's t: a printed document's (i18next.getFixedT(language)) where the words are
 * needed outside its DocumentLanguage, as the report's model is built before the page is.
 */
export function chartWordsOf(t: TFunction): ChartWords {
  return {
    seriesStyle: (side, mode) => t('charts.seriesStyle', { side: t(`side.${side}`), mode: t(`mode.${mode}`).toLocaleLowerCase() }),
    slope: (perWeek, degrees) => t('charts.slopePerWeek', { value: degrees(Math.round(perWeek * 10) / 10) }),
    duration: (days) => {
      const d = Math.max(0, Math.round(days));
      if (d < 14) return t('analysis.duration.days', { count: d });
      if (d <= 16 * 7) return t('analysis.duration.weeks', { count: Math.round(d / 7) });
      if (d < 730) return t('analysis.duration.months', { count: Math.round(d / 30.4375) });
      return t('analysis.duration.years', { count: Math.round(d / 365.25) });
    },
    kind: (kind: EventKind) => t(KIND_KEYS[kind]),
    classification: (c) => (isClassification(c) ? t(CLASSIFICATION_KEYS[c]) : c),
    side: (side) => t(`side.${side}`).toLocaleLowerCase(),
    drugStart: (kind) => (kind === 'nsaid_course' ? t('charts.event.nsaidStart') : t('charts.event.bisphosphonateStart')),
    drugStop: (kind) => (kind === 'nsaid_course' ? t('charts.event.nsaidStop') : t('charts.event.bisphosphonateStop')),
    starts: (detail) => t('charts.event.starts', { detail }),
    stops: (detail) => t('charts.event.stops', { detail }),
    detail: (event, extra) => t('charts.event.detail', { event, extra }),
    excision: () => t('charts.event.excision'),
    xray: (grade) => t('charts.event.xray', { grade }),
  };
}
