// Español: la actualización de la base de datos al iniciar.
export const update = {
  'update.heading': 'Actualizando la base de datos',
  'update.intro': 'Esta versión de ROMtrack guarda los registros de una forma nueva y más compacta. Cada registro se traslada tal como está; nada se cambia ni se pierde.',
  'update.step.backup': 'Paso {{index}} de {{count}}: primero se hace una copia de seguridad de la base de datos',
  'update.step.migrate': 'Paso {{index}} de {{count}}: trasladando los registros a la nueva organización',
  'update.step.compact': 'Paso {{index}} de {{count}}: liberando el espacio en disco que usaba la organización anterior',
  'update.progress': 'Progreso de la actualización de la base de datos',
  'update.percent': '{{percent}} completado',
  'update.doNotSwitchOff': 'No apague el ordenador ni cierre ROMtrack hasta que termine. Con la base de datos de una clínica grande puede tardar unos minutos.',
  'update.opening': 'Abriendo la base de datos…',
  'update.failed.heading': 'ROMtrack no puede abrir su base de datos',
  'update.failed.what': 'Qué ha ocurrido: {{reason}}',
  'update.failed.reason': 'la actualización se detuvo ({{reason}}).',
  'update.advice.server': 'La base de datos está como estaba antes de este inicio: una actualización que se detiene se deshace. La ventana donde se ejecuta el servidor de ROMtrack indica qué hacer (normalmente: restaurar la copia de seguridad válida más reciente). Avise a quien se ocupa de este ordenador.',
  'update.advice.desktop': 'La base de datos está como estaba antes de este inicio: una actualización que se detiene se deshace. ROMtrack indica qué hacer en una ventana de mensaje (normalmente: restaurar la copia de seguridad válida más reciente).',
  'update.refused.busy': 'La base de datos se está actualizando a esta versión de ROMtrack; espere a que termine y vuelva a intentarlo.',
  'update.refused.failed': 'ROMtrack no pudo abrir su base de datos; la pantalla de inicio indica qué ha ocurrido.',
} as const;
