// Português: the analysis keys.
export const analysis = {
  'analysis.duration.days_one': '{{count}} dia',
  'analysis.duration.days_many': '{{count}} dias',
  'analysis.duration.days_other': '{{count}} dias',
  'analysis.duration.weeks_one': '{{count}} semana',
  'analysis.duration.weeks_many': '{{count}} semanas',
  'analysis.duration.weeks_other': '{{count}} semanas',
  'analysis.duration.months_one': '{{count}} mês',
  'analysis.duration.months_many': '{{count}} meses',
  'analysis.duration.months_other': '{{count}} meses',
  'analysis.duration.years_one': '{{count}} ano',
  'analysis.duration.years_many': '{{count}} anos',
  'analysis.duration.years_other': '{{count}} anos',
} as const;
