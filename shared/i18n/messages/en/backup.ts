// English: why a backup file cannot be used (electron/backup/verify.ts, file-tasks.ts), the key store's place
// (electron/shell/desktop-key.ts) and the start that encrypted the database (encrypt-at-rest.ts). Each reason is a
// whole sentence: it ends a message such as "This file cannot be restored: {{reason}} Nothing was changed."
export const backup = {
  'backup.verify.notSqlite': 'This file is not a database (it is not SQLite at all), or it is encrypted and no key was given.',
  'backup.verify.unreadable': 'The file cannot be read ({{code}}).',
  'backup.verify.otherKey': 'This file is not a ROMtrack database, or it is encrypted with another key (made on another computer, or this workstation’s key was replaced): restore it with the clinic’s recovery key (npm run serve -- --restore-from FILE --recovery-key KEY).',
  'backup.verify.cannotOpen': 'The database cannot be read ({{error}}).',
  'backup.verify.damaged': 'The database is damaged: its integrity check failed ({{result}}).',
  'backup.verify.newer': 'It was written by a newer ROMtrack (schema {{version}}; this app knows up to {{known}}). Install the newer ROMtrack first.',
  'backup.verify.notRomtrack': 'This is an SQLite database, but not a ROMtrack one (it has no ROMtrack schema version).',
  'backup.verify.altered': 'This is not a ROMtrack database as schema version {{version}} makes it ({{difference}}): it was altered, or made by something else.',
  'backup.verify.auditAltered': 'Its audit log was altered: {{reason}}. Records whose history cannot be trusted are not restored.',
  'backup.verify.auditUnreadable': 'the audit row numbered {{seq}} was changed after it was written (its before and after can no longer be read)',
  'backup.verify.auditOutOfOrder': 'the audit row numbered {{seq}} does not follow the row before it (a row was removed, inserted or reordered before it)',
  'backup.verify.auditChanged': 'the audit row numbered {{seq}} ({{operation}} at {{at}}) was changed after it was written',
  'backup.verify.auditCut': 'audit rows after number {{last}} were removed (rows up to {{highest}} had been written)',
  'backup.verify.failsAfterUpgrade': 'Brought up to this version of ROMtrack and this workstation’s key, it fails its check: {{reason}}',
  'backup.keyStore.where': 'the key kept by this computer’s key store in {{path}}',
  'backup.keyFile.where': 'the key file {{path}}',
  'backup.givenKey.where': 'the key given',
  'backup.workstationKey.where': 'this workstation’s key',
  'backup.encrypted.database': 'The database {{path}} is now encrypted ({{tables}} tables, {{rows}} rows, every one kept). An encrypted backup was taken first: {{backup}}.',
  'backup.encrypted.older_one': '{{count}} older backup in {{folder}} was encrypted too. Backups made earlier on USB sticks or elsewhere are still plain: back up to that stick again, then delete its older files.',
  'backup.encrypted.older_other': '{{count}} older backups in {{folder}} were encrypted too. Backups made earlier on USB sticks or elsewhere are still plain: back up to that stick again, then delete its older files.',
  'backup.encrypted.leftPlain': 'Left plain (could not be encrypted): {{path}}: {{reason}}',
} as const;
