// Français : la fiche d’exercices à domicile.
export const homeSheet = {
  'homeSheet.loadingWhat': 'la fiche d’exercices',
  'homeSheet.asPrinted': 'Voici la page telle qu’elle s’imprime : une page {{paper}}, en noir et blanc.',
  'homeSheet.print': 'Imprimer',
  'homeSheet.backToPlan': 'Retour au plan',
  'homeSheet.tooLong': 'Ce programme est trop long pour une page, même dans le plus petit caractère : raccourcissez les consignes, ou répartissez les éléments sur deux plans.',
  'homeSheet.telephone': 'Téléphone {{phone}}',
  'homeSheet.title': 'Vos exercices à domicile',
  'homeSheet.for': 'Pour',
  'homeSheet.therapist': 'Thérapeute',
  'homeSheet.from': 'À partir du',
  'homeSheet.fromTo': '{{from}} au {{to}}',
  'homeSheet.noStretching': 'N’étirez pas l’articulation et ne laissez personne la pousser plus loin qu’elle ne bouge d’elle-même.',
  'homeSheet.tick': 'Cochez chaque séance cette semaine :',
  'homeSheet.stopAndCall': 'Arrêtez et appelez la clinique si l’articulation devient gonflée, rouge, chaude ou plus douloureuse, si vous avez de la fièvre, ou si elle bouge moins qu’avant.',
  'homeSheet.stopAndCallPhone': 'Arrêtez et appelez la clinique ({{phone}}) si l’articulation devient gonflée, rouge, chaude ou plus douloureuse, si vous avez de la fièvre, ou si elle bouge moins qu’avant.',
  'homeSheet.planLine': '{{title}}, version {{number}}. Imprimée le {{date}}.',
} as const;
