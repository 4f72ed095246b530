import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { createBackend } from '../api/backend';
import { automaticBackup } from '../backup/backup';
import { startupBackupAndCheck } from '../backup/startup-check';
import { replaceFromBackup, startupFailureAdvice } from '../backup/startup';
import { resolveDatabasePath } from '../db/default-path';
import { messageOf } from '../db/errors';
import { startServer } from '../server/http-server';
import { isLoopback, plainHttpRefusal, type TlsFiles } from '../server/network-access';

const USAGE = `Usage: npm run serve -- [--port N] [--db PATH] [--host ADDRESS --tls-cert FILE --tls-key FILE] [--restore-from BACKUP]
  --port N        port to listen on (default 5180; 0 picks a free one)
  --db PATH       database file (default: ROMTRACK_DB, else the per-user data folder)
  --host ADDRESS  listen beyond this machine (default 127.0.0.1); needs --tls-cert and --tls-key (see npm run certificates).
  --tls-cert FILE, --tls-key FILE  the server's certificate and private key (PEM): the server speaks HTTPS only.
  --restore-from BACKUP  replace a database that will not open with this backup (the old file is kept, renamed).`;

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({
      options: {
        port: { type: 'string', default: '5180' },
        db: { type: 'string' },
        host: { type: 'string', default: '127.0.0.1' },
        'tls-cert': { type: 'string' },
        'tls-key': { type: 'string' },
        'restore-from': { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    }).values;
  } catch (err) {
    console.error(`${messageOf(err)}\n${USAGE}`);
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
  const tls = readTlsFiles(args['tls-cert'], args['tls-key']);
  if (!isLoopback(args.host) && !tls) {
    console.error(plainHttpRefusal(args.host));
    process.exit(2);
  }
  if (args['restore-from']) {
    try {
      const { keptDamagedAs } = await replaceFromBackup(databasePath, args['restore-from']);
      console.log(`Restored ${databasePath} from ${args['restore-from']}.${keptDamagedAs ? ` The previous file was kept as ${keptDamagedAs}.` : ''}`);
    } catch (err) {
      console.error(`Nothing was changed: ${messageOf(err)}`);
      process.exit(1);
    }
  }
  let backend;
  try {
    backend = createBackend({ databasePath, mode: 'server' });
  } catch (err) {
    console.error(await startupFailureAdvice(databasePath, messageOf(err), (path) => `  npm run serve -- --db "${databasePath}" --restore-from "${path}"`));
    process.exit(1);
  }
  void startupBackupAndCheck(backend.context.db, databasePath).then((check) => {
    if (check.damage) console.error(`\n*** ${check.damage} ***\n`);
    if (check.auditLog) console.error(`\n*** ${check.auditLog} ***\n`);
    if (check.warning) console.warn(check.warning);
  });
  let server;
  try {
    server = await startServer({ dispatch: backend.dispatch, staticDir: join(__dirname, '..', '..', '..', 'renderer'), host: args.host, port, tls });
  } catch (err) {
    // A certificate and key that do not belong together, or a port already taken.
    console.error(`The server could not start: ${messageOf(err)}`);
    backend.close();
    process.exit(1);
  }
  console.log(`ROMtrack server mode. Database: ${databasePath}`);
  const where = isLoopback(args.host) ? 'on this computer' : "on a workstation that trusts the clinic's certificate authority";
  console.log(`Open this address in a browser ${where}:\n\n  ${server.openUrl}\n`);
  console.log('Press Ctrl+C to stop.');
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    console.log('Stopping: backing up first…');
    void server
      .close()
      .then(() => automaticBackup(backend.context.db, databasePath, 'quit'))
      .catch((err: unknown) => console.warn(`The backup on quit failed: ${messageOf(err)}`))
      .finally(() => {
        backend.close();
        process.exit(0);
      });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();

/** Both files or neither; a file that cannot be read stops the start with its name. */
function readTlsFiles(certPath: string | undefined, keyPath: string | undefined): TlsFiles | undefined {
  if (!certPath && !keyPath) return undefined;
  if (!certPath || !keyPath) {
    console.error(`Give both --tls-cert and --tls-key (the ${certPath ? 'key' : 'certificate'} is missing).`);
    process.exit(2);
  }
  try {
    return { certPem: readFileSync(certPath, 'utf8'), keyPem: readFileSync(keyPath, 'utf8') };
  } catch (err) {
    console.error(`The TLS files cannot be read: ${messageOf(err)}`);
    process.exit(2);
  }
}

