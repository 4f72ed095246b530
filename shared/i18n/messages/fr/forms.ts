// Français : les clés des formulaires.
export const forms = {
  'forms.cancel': 'Annuler',
  'forms.void.label': 'Annuler comme erroné : {{what}}',
  'forms.void.intro': 'L’enregistrement reste dans l’historique, marqué erroné avec votre motif. Rien n’est supprimé.',
  'forms.void.reason': 'Motif',
  'forms.void.submit': 'Marquer erroné',
  'forms.dateHint': '{{format}} ou {{iso}}, par exemple {{example}}',
  'forms.dateHintIso': '{{iso}}, par exemple {{example}}',
} as const;
