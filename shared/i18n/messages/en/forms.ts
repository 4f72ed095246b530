// English (the source): the forms keys (renderer/src/forms).
export const forms = {
  'forms.cancel': 'Cancel',
  'forms.void.label': 'Void {{what}}',
  'forms.void.intro': 'Voiding keeps the record in its history, marked void with your reason. Nothing is deleted.',
  'forms.void.reason': 'Reason for voiding',
  'forms.void.submit': 'Void',
  'forms.dateHint': '{{format}} or {{iso}}, for example {{example}}',
  'forms.dateHintIso': '{{iso}}, for example {{example}}',
} as const;
