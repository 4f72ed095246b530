// English (the source): the home exercise sheet.
export const homeSheet = {
  'homeSheet.loadingWhat': 'the exercise sheet',
  'homeSheet.asPrinted': 'This is the page as it prints: one {{paper}} page, black and white.',
  'homeSheet.print': 'Print',
  'homeSheet.backToPlan': 'Back to the plan',
  'homeSheet.tooLong': 'This programme is too long for one page even in the smallest type: shorten the instructions, or split the items over two plans.',
  'homeSheet.telephone': 'Telephone {{phone}}',
  'homeSheet.title': 'Your home exercises',
  'homeSheet.for': 'For',
  'homeSheet.therapist': 'Therapist',
  'homeSheet.from': 'From',
  'homeSheet.fromTo': '{{from}} to {{to}}',
  'homeSheet.noStretching': 'Do not stretch the joint or let anyone push it further than it moves by itself.',
  'homeSheet.tick': 'Tick each session this week:',
  'homeSheet.stopAndCall': 'Stop and call the clinic if the joint becomes swollen, red, warm or more painful, if you have a fever, or if it moves less than before.',
  'homeSheet.stopAndCallPhone': 'Stop and call the clinic ({{phone}}) if the joint becomes swollen, red, warm or more painful, if you have a fever, or if it moves less than before.',
  'homeSheet.planLine': '{{title}}, version {{number}}. Printed {{date}}.',
} as const;
