// Español: la hoja de ejercicios en casa.
export const homeSheet = {
  'homeSheet.loadingWhat': 'la hoja de ejercicios',
  'homeSheet.asPrinted': 'Así se imprime la página: una página {{paper}}, en blanco y negro.',
  'homeSheet.print': 'Imprimir',
  'homeSheet.backToPlan': 'Volver al plan',
  'homeSheet.tooLong': 'Este programa es demasiado largo para una página incluso con la letra más pequeña: acorte las instrucciones, o reparta los elementos en dos planes.',
  'homeSheet.telephone': 'Teléfono {{phone}}',
  'homeSheet.title': 'Sus ejercicios en casa',
  'homeSheet.for': 'Para',
  'homeSheet.therapist': 'Terapeuta',
  'homeSheet.from': 'Desde',
  'homeSheet.fromTo': '{{from}} a {{to}}',
  'homeSheet.noStretching': 'No estire la articulación ni deje que nadie la empuje más allá de lo que se mueve por sí sola.',
  'homeSheet.tick': 'Marque cada sesión de esta semana:',
  'homeSheet.stopAndCall': 'Pare y llame a la clínica si la articulación se hincha, se pone roja, caliente o duele más, si tiene fiebre, o si se mueve menos que antes.',
  'homeSheet.stopAndCallPhone': 'Pare y llame a la clínica ({{phone}}) si la articulación se hincha, se pone roja, caliente o duele más, si tiene fiebre, o si se mueve menos que antes.',
  'homeSheet.planLine': '{{title}}, versión {{number}}. Impresa el {{date}}.',
} as const;
