// Português (europeu): as chaves dos formulários.
export const forms = {
  'forms.cancel': 'Cancelar',
  'forms.void.label': 'Anular por erro: {{what}}',
  'forms.void.intro': 'O registo fica no histórico, marcado como anulado com o seu motivo. Nada é apagado.',
  'forms.void.reason': 'Motivo da anulação',
  'forms.void.submit': 'Anular',
  'forms.dateHint': '{{format}} ou {{iso}}, por exemplo {{example}}',
  'forms.dateHintIso': '{{iso}}, por exemplo {{example}}',
} as const;
