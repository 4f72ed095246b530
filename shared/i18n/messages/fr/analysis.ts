// Français: the analysis keys.
export const analysis = {
  'analysis.duration.days_one': '{{count}} jour',
  'analysis.duration.days_many': '{{count}} jours',
  'analysis.duration.days_other': '{{count}} jours',
  'analysis.duration.weeks_one': '{{count}} semaine',
  'analysis.duration.weeks_many': '{{count}} semaines',
  'analysis.duration.weeks_other': '{{count}} semaines',
  'analysis.duration.months_one': '{{count}} mois',
  'analysis.duration.months_many': '{{count}} mois',
  'analysis.duration.months_other': '{{count}} mois',
  'analysis.duration.years_one': '{{count}} an',
  'analysis.duration.years_many': '{{count}} ans',
  'analysis.duration.years_other': '{{count}} ans',
} as const;
