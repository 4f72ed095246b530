import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { openBackend, type Backend } from '../api/backend';
import { consoleProgress, StartupGate } from '../api/startup-gate';
import { automaticBackup } from '../backup/backup';
import { startupBackupAndCheck } from '../backup/startup-check';
import { replaceFromBackup, startupFailureAdvice } from '../backup/startup';
import { resolveDatabasePath } from '../db/default-path';
import { messageOf } from '../db/errors';
import { startServer } from '../server/http-server';
import { commandDatabaseKey, KEY_FILE_USAGE, RECOVERY_KEY_USAGE, restoreKeys } from './database-key-option';
import { isLoopback, plainHttpRefusal, type TlsFiles } from '../server/network-access';

const USAGE = `Usage: npm run serve -- [--port N] [--db PATH] [--host ADDRESS --tls-cert FILE --tls-key FILE] [--key-file FILE] [--restore-from BACKUP [--recovery-key KEY]]
  --port N        port to listen on (default 8080, or 8443 with TLS): the address stays the same at every start
  --db PATH       database file (default: ROMTRACK_DB, else the per-user data folder)
  --host ADDRESS  listen beyond this machine (default 127.0.0.1); needs --tls-cert and --tls-key (see npm run certificates).
  --tls-cert FILE, --tls-key FILE  the server's certificate and private key (PEM): the server speaks HTTPS only.
  --restore-from BACKUP  replace a database that will not open with this backup (the old file is kept, renamed).
${KEY_FILE_USAGE}
${RECOVERY_KEY_USAGE}`;

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({
      options: {
        port: { type: 'string' },
        db: { type: 'string' },
        host: { type: 'string', default: '127.0.0.1' },
        'tls-cert': { type: 'string' },
        'tls-key': { type: 'string' },
        'restore-from': { type: 'string' },
        'key-file': { type: 'string' },
        'recovery-key': { type: 'string' },
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
  const databasePath = resolveDatabasePath(args.db);
  // Owner-only: the folders holding patient records are nobody else's to list (files are 0600, db/open.ts).
  mkdirSync(dirname(databasePath), { recursive: true, mode: 0o700 });
  const tls = readTlsFiles(args['tls-cert'], args['tls-key']);
  if (!isLoopback(args.host) && !tls) {
    console.error(plainHttpRefusal(args.host));
    process.exit(2);
  }
  // A fixed default, so the address the workstations bookmark is the same every morning.
  const port = args.port === undefined ? (tls ? 8443 : 8080) : Number(args.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a whole number from 0 to 65535, not "${args.port}".`);
    process.exit(2);
  }
  if (args['restore-from']) {
    try {
      const { keptDamagedAs } = await replaceFromBackup(databasePath, args['restore-from'], new Date(), restoreKeys(databasePath, args['key-file'], args['recovery-key']));
      console.log(`Restored ${databasePath} from ${args['restore-from']}.${keptDamagedAs ? ` The previous file was kept as ${keptDamagedAs}.` : ''}`);
    } catch (err) {
      console.error(`Nothing was changed: ${messageOf(err)}`);
      process.exit(1);
    }
  }
  let key: Buffer;
  try {
    key = await commandDatabaseKey(databasePath, args['key-file']);
  } catch (err) {
    console.error(messageOf(err));
    process.exit(1);
  }
  // The server listens before the database opens: a database from an older ROMtrack is updated first, and the page
  // shows that update's progress (and what went wrong, if it does) rather than nothing at all.
  const gate = new StartupGate('server');
  gate.onChange(consoleProgress((line) => console.log(line)));
  let server;
  try {
    server = await startServer({ dispatch: gate.dispatch, staticDir: join(__dirname, '..', '..', '..', 'renderer'), host: args.host, port, tls });
  } catch (err) {
    // A certificate and key that do not belong together, or a port already taken.
    console.error(`The server could not start: ${messageOf(err)}`);
    process.exit(1);
  }
  console.log(`ROMtrack server mode. Database: ${databasePath}`);
  const where = isLoopback(args.host) ? 'on this computer' : "on a workstation that trusts the clinic's certificate authority";
  console.log(`Open this address in a browser ${where}, and sign in:\n\n  ${server.url}\n`);
  let backend: Backend | undefined;
  let failed = false;
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    if (!backend) {
      // Stopped during the update (or after it failed): the migration under way is rolled back, and runs again at
      // the next start.
      console.log('Stopping.');
      void server.close().finally(() => process.exit(failed ? 1 : 0));
      return;
    }
    const open = backend;
    console.log('Stopping: backing up first…');
    void server
      .close()
      .then(() => automaticBackup(open.context.db, databasePath, 'quit'))
      .catch((err: unknown) => console.warn(`The backup on quit failed: ${messageOf(err)}`))
      .finally(() => {
        open.close();
        process.exit(0);
      });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  try {
    backend = await openBackend({ databasePath, mode: 'server', key }, gate);
  } catch (err) {
    // The page says what happened; this console says what to do. The server stays up so the page can say it.
    failed = true;
    console.error(await startupFailureAdvice(databasePath, messageOf(err), (path) => `  npm run serve -- --db "${databasePath}" --restore-from "${path}"`, undefined, key));
    console.error('Press Ctrl+C to stop.');
    return;
  }
  const opened = backend;
  void startupBackupAndCheck(opened.context.db, databasePath).then((check) => {
    if (check.damage) console.error(`\n*** ${check.damage} ***\n`);
    if (check.auditLog) console.error(`\n*** ${check.auditLog} ***\n`);
    if (check.warning) console.warn(check.warning);
  });
  // Said only once Ctrl+C is handled: pressed a moment sooner, it would end the server without its backup.
  console.log('Press Ctrl+C to stop.');
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

