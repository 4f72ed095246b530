import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { openBackend, type Backend } from '../api/backend';
import { consoleProgress, StartupGate } from '../api/startup-gate';
import { resolveDatabasePath } from '../db/default-path';
import { messageOf } from '../db/errors';
import { commandDatabaseKey, KEY_FILE_USAGE } from './database-key-option';

export interface DatabaseCommand {
  /** Shown for --help and after a wrong option. */
  usage: string;
  /** Creates the database's folder first (a command that may make a new database). */
  createFolder?: boolean;
  /** The command's work on the opened back end; resolves to the exit code. The back end is closed after it. */
  run(backend: Backend, databasePath: string): Promise<number> | number;
}

/**
 * The start of every maintenance command that works on one database (`--db PATH`, else ROMTRACK_DB, else the
 * per-user data folder): options read, the back end opened as server mode does, a message instead of a stack
 * trace when the database cannot be opened, and the exit code set (0 done, 1 failed, 2 wrong options).
 */
export function runDatabaseCommand(command: DatabaseCommand): void {
  void main(command).then((code) => {
    process.exitCode = code;
  });
}

async function main(command: DatabaseCommand): Promise<number> {
  let args;
  try {
    args = parseArgs({ options: { db: { type: 'string' }, 'key-file': { type: 'string' }, help: { type: 'boolean', default: false } } }).values;
  } catch (err) {
    console.error(`${messageOf(err)}\n${command.usage}\n${KEY_FILE_USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(`${command.usage}\n${KEY_FILE_USAGE}`);
    return 0;
  }
  const databasePath = resolveDatabasePath(args.db);
  let backend: Backend;
  try {
    if (command.createFolder) mkdirSync(dirname(databasePath), { recursive: true });
    // The mode only shows in app.info; the commands run in plain Node like server mode.
    // The same key file as server mode: a command on a plain database encrypts it first, as a start does.
    const key = await commandDatabaseKey(databasePath, args['key-file']);
    // A database from an older ROMtrack is updated as server mode's start updates it, its progress on stderr (the
    // command's own output may be redirected).
    const gate = new StartupGate('server');
    gate.onChange(consoleProgress((line) => console.error(line)));
    backend = await openBackend({ databasePath, mode: 'server', key }, gate, (line) => console.error(line));
  } catch (err) {
    console.error(messageOf(err));
    return 1;
  }
  try {
    return await command.run(backend, databasePath);
  } catch (err) {
    console.error(messageOf(err));
    return 1;
  } finally {
    backend.close();
  }
}
