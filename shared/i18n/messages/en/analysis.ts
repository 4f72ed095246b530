// English (the source): the analysis keys.
export const analysis = {
  'analysis.duration.days_one': '{{count}} day',
  'analysis.duration.days_other': '{{count}} days',
  'analysis.duration.weeks_one': '{{count}} week',
  'analysis.duration.weeks_other': '{{count}} weeks',
  'analysis.duration.months_one': '{{count}} month',
  'analysis.duration.months_other': '{{count}} months',
  'analysis.duration.years_one': '{{count}} year',
  'analysis.duration.years_other': '{{count}} years',
} as const;
