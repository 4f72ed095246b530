// Español: las claves de los formularios.
export const forms = {
  'forms.cancel': 'Cancelar',
  'forms.void.label': 'Anular por error: {{what}}',
  'forms.void.intro': 'El registro se conserva en su historial, marcado como anulado con su motivo. No se borra nada.',
  'forms.void.reason': 'Motivo de la anulación',
  'forms.void.submit': 'Anular',
  'forms.dateHint': '{{format}} o {{iso}}, por ejemplo {{example}}',
  'forms.dateHintIso': '{{iso}}, por ejemplo {{example}}',
} as const;
