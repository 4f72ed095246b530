import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { createBackend } from '../api/backend';
import { automaticBackup } from '../backup/backup';
import { startupBackupAndCheck } from '../backup/startup-check';
import { replaceFromBackup, startupFailureAdvice } from '../backup/startup';
import { resolveDatabasePath } from '../db/default-path';
import { isLoopback, startServer } from '../server/http-server';

const USAGE = `Usage: npm run serve -- [--port N] [--db PATH] [--host ADDRESS] [--restore-from BACKUP]
  --port N        port to listen on (default 5180; 0 picks a free one)
  --db PATH       database file (default: ROMTRACK_DB, else the per-user data folder)
  --host ADDRESS  listen beyond this machine (default 127.0.0.1). Anyone who can reach it and has the token can read every record.
  --restore-from BACKUP  replace a database that will not open with this backup (the old file is kept, renamed).`;

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({
      options: {
        port: { type: 'string', default: '5180' },
        db: { type: 'string' },
        host: { type: 'string', default: '127.0.0.1' },
        'restore-from': { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    }).values;
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const port = Number(args.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a whole number from 0 to 65535, not "${args.port}".`);
    process.exit(2);
  }
  const databasePath = resolveDatabasePath(args.db);
  // Owner-only: the folders holding patient records are nobody else's to list (files are 0600, db/open.ts).
  mkdirSync(dirname(databasePath), { recursive: true, mode: 0o700 });
  if (!isLoopback(args.host)) {
    console.warn(`WARNING: listening on ${args.host}, not only this machine. Every record is reachable from the network by anyone with the token.`);
  }
  if (args['restore-from']) {
    try {
      const { keptDamagedAs } = await replaceFromBackup(databasePath, args['restore-from']);
      console.log(`Restored ${databasePath} from ${args['restore-from']}.${keptDamagedAs ? ` The previous file was kept as ${keptDamagedAs}.` : ''}`);
    } catch (err) {
      console.error(`Nothing was changed: ${(err as Error).message}`);
      process.exit(1);
    }
  }
  let backend;
  try {
    backend = createBackend({ databasePath, mode: 'server' });
  } catch (err) {
    console.error(await startupFailureAdvice(databasePath, (err as Error).message, (path) => `  npm run serve -- --db "${databasePath}" --restore-from "${path}"`));
    process.exit(1);
  }
  void startupBackupAndCheck(backend.context.db, databasePath).then((check) => {
    if (check.damage) console.error(`\n*** ${check.damage} ***\n`);
    if (check.auditLog) console.error(`\n*** ${check.auditLog} ***\n`);
    if (check.warning) console.warn(check.warning);
  });
  const server = await startServer({
    dispatch: backend.dispatch,
    staticDir: join(__dirname, '..', '..', '..', 'renderer'),
    host: args.host,
    port,
  });
  console.log(`ROMtrack server mode. Database: ${databasePath}`);
  console.log(`Open this address in a browser on this computer:\n\n  ${server.openUrl}\n`);
  console.log('Press Ctrl+C to stop.');
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    console.log('Stopping: backing up first…');
    void server
      .close()
      .then(() => automaticBackup(backend.context.db, databasePath, 'quit'))
      .catch((err: unknown) => console.warn(`The backup on quit failed: ${(err as Error).message}`))
      .finally(() => {
        backend.close();
        process.exit(0);
      });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
