// Português (norma europeia): a folha de exercícios em casa.
export const homeSheet = {
  'homeSheet.loadingWhat': 'a folha de exercícios',
  'homeSheet.asPrinted': 'Esta é a página tal como é impressa: uma página {{paper}}, a preto e branco.',
  'homeSheet.print': 'Imprimir',
  'homeSheet.backToPlan': 'Voltar ao plano',
  'homeSheet.tooLong': 'Este programa é demasiado longo para uma página, mesmo com a letra mais pequena: encurte as instruções, ou divida os elementos por dois planos.',
  'homeSheet.telephone': 'Telefone {{phone}}',
  'homeSheet.title': 'Os seus exercícios em casa',
  'homeSheet.for': 'Para',
  'homeSheet.therapist': 'Terapeuta',
  'homeSheet.from': 'A partir de',
  'homeSheet.fromTo': '{{from}} a {{to}}',
  'homeSheet.noStretching': 'Não alongue a articulação nem deixe ninguém empurrá-la para além do que ela se move sozinha.',
  'homeSheet.tick': 'Assinale cada sessão desta semana:',
  'homeSheet.stopAndCall': 'Pare e telefone para a clínica se a articulação ficar inchada, vermelha, quente ou mais dolorosa, se tiver febre, ou se mexer menos do que antes.',
  'homeSheet.stopAndCallPhone': 'Pare e telefone para a clínica ({{phone}}) se a articulação ficar inchada, vermelha, quente ou mais dolorosa, se tiver febre, ou se mexer menos do que antes.',
  'homeSheet.planLine': '{{title}}, versão {{number}}. Impressa a {{date}}.',
} as const;
