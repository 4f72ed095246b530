// Español: the analysis keys.
export const analysis = {
  'analysis.duration.days_one': '{{count}} día',
  'analysis.duration.days_many': '{{count}} días',
  'analysis.duration.days_other': '{{count}} días',
  'analysis.duration.weeks_one': '{{count}} semana',
  'analysis.duration.weeks_many': '{{count}} semanas',
  'analysis.duration.weeks_other': '{{count}} semanas',
  'analysis.duration.months_one': '{{count}} mes',
  'analysis.duration.months_many': '{{count}} meses',
  'analysis.duration.months_other': '{{count}} meses',
  'analysis.duration.years_one': '{{count}} año',
  'analysis.duration.years_many': '{{count}} años',
  'analysis.duration.years_other': '{{count}} años',
} as const;
