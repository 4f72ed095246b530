// Português (europeu): a atualização da base de dados ao iniciar.
export const update = {
  'update.heading': 'A atualizar a base de dados',
  'update.intro': 'Esta versão do ROMtrack guarda os registos de uma forma nova e mais compacta. Cada registo é transferido tal como está; nada é alterado nem perdido.',
  'update.step.backup': 'Passo {{index}} de {{count}}: primeiro, uma cópia de segurança da base de dados',
  'update.step.migrate': 'Passo {{index}} de {{count}}: a transferir os registos para a nova organização',
  'update.step.compact': 'Passo {{index}} de {{count}}: a libertar o espaço em disco que a organização anterior ocupava',
  'update.progress': 'Progresso da atualização da base de dados',
  'update.percent': '{{percent}} concluído',
  'update.doNotSwitchOff': 'Não desligue o computador nem feche o ROMtrack até terminar. Com a base de dados de uma clínica grande, pode demorar alguns minutos.',
  'update.opening': 'A abrir a base de dados…',
  'update.failed.heading': 'O ROMtrack não consegue abrir a sua base de dados',
  'update.failed.what': 'O que aconteceu: {{reason}}',
  'update.failed.reason': 'a atualização parou ({{reason}}).',
  'update.advice.server': 'A base de dados está como estava antes deste arranque: uma atualização que para é desfeita. A janela onde corre o servidor do ROMtrack indica o que fazer (normalmente: restaurar a cópia de segurança válida mais recente). Avise quem cuida deste computador.',
  'update.advice.desktop': 'A base de dados está como estava antes deste arranque: uma atualização que para é desfeita. O ROMtrack indica o que fazer numa janela de mensagem (normalmente: restaurar a cópia de segurança válida mais recente).',
  'update.refused.busy': 'A base de dados está a ser atualizada para esta versão do ROMtrack; aguarde até terminar e tente novamente.',
  'update.refused.failed': 'O ROMtrack não conseguiu abrir a sua base de dados; o ecrã de arranque indica o que aconteceu.',
} as const;
