// Français : la mise à jour de la base de données au démarrage.
export const update = {
  'update.heading': 'Mise à jour de la base de données',
  'update.intro': 'Cette version de ROMtrack range les dossiers d’une façon nouvelle, plus compacte. Chaque dossier est repris tel quel ; rien n’est modifié ni perdu.',
  'update.step.backup': 'Étape {{index}} sur {{count}} : sauvegarde de la base de données avant tout',
  'update.step.migrate': 'Étape {{index}} sur {{count}} : reprise des dossiers dans la nouvelle organisation',
  'update.step.compact': 'Étape {{index}} sur {{count}} : libération de l’espace disque de l’ancienne organisation',
  'update.progress': 'Avancement de la mise à jour de la base de données',
  'update.percent': '{{percent}} effectués',
  'update.doNotSwitchOff': 'N’éteignez pas l’ordinateur et ne fermez pas ROMtrack avant la fin. Pour la base de données d’une grande clinique, cela peut prendre quelques minutes.',
  'update.opening': 'Ouverture de la base de données…',
  'update.failed.heading': 'ROMtrack ne peut pas ouvrir sa base de données',
  'update.failed.what': 'Ce qui s’est passé : {{reason}}',
  'update.failed.reason': 'la mise à jour s’est arrêtée ({{reason}}).',
  'update.advice.server': 'La base de données est telle qu’elle était avant ce démarrage : une mise à jour interrompue est annulée. La fenêtre où tourne le serveur de ROMtrack indique la marche à suivre (en général : restaurer la sauvegarde valide la plus récente). Prévenez la personne qui s’occupe de cet ordinateur.',
  'update.advice.desktop': 'La base de données est telle qu’elle était avant ce démarrage : une mise à jour interrompue est annulée. ROMtrack indique la marche à suivre dans une fenêtre de message (en général : restaurer la sauvegarde valide la plus récente).',
  'update.refused.busy': 'La base de données est en cours de mise à jour pour cette version de ROMtrack ; attendez la fin, puis réessayez.',
  'update.refused.failed': 'ROMtrack n’a pas pu ouvrir sa base de données ; l’écran de démarrage indique ce qui s’est passé.',
} as const;
