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
  'analysis.arc.notSameDay': '{{arc}}: {{first}} and {{second}} have not been measured on the same day yet.',
  'analysis.arc.measured': '{{arc}} {{from}}/{{to}} ({{total}}) on {{date}}.',
  'analysis.arc.reaches': '{{arc}} {{from}}/{{to}} ({{total}}) on {{date}} reaches the functional arc {{functionalFrom}}/{{functionalTo}} ({{functionalTotal}}).',
  'analysis.arc.short': '{{arc}} {{from}}/{{to}} ({{total}}) on {{date}} falls short of the functional arc {{functionalFrom}}/{{functionalTo}} ({{functionalTotal}}): {{shortfalls}}.',
  'analysis.arc.shortPart': '{{motion}} {{degrees}} short',
  'analysis.arc.name': '{{site}} {{planeMotions}} arc',
  'analysis.arc.namePassive': '{{site}} {{planeMotions}} arc (passive)',
  'analysis.arc.planeMotions': '{{first}}-{{second}}',
} as const;
