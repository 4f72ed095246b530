import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { openDatabase } from '../db/open';
import { withSampleData } from '../sample-data/operation';
import { createRepositories, type ApiContext, type AppMode } from './context';
import { createDispatch, type Dispatch } from './dispatch';
import { startBackgroundSync } from './exchange/sync-runner';
import { CURRENT_PARAMS, type ScryptParams } from '../auth/password';
import { SessionStore } from '../auth/sessions';
import { applyLockTime, signedInId } from './session';
import { message } from '../../shared/i18n/message';
import { keyHex } from '../backup/file-tasks';
import { compactionNote, type UpdateOutcome } from '../backup/update-database';
import { runUpdate } from '../backup/update-run';
import type { StartupGate } from './startup-gate';

export interface Backend {
  /** Answers within the caller's client scope (requestActor.run): the transports and the commands set one. */
  dispatch: Dispatch;
  context: ApiContext;
  sessions: SessionStore;
  close(): void;
}

export interface BackendOptions {
  databasePath: string;
  mode: AppMode;
  /** Injected by tests that need a fixed clock (the sessions' idle and age times follow it too). */
  now?: () => string;
  /**
   * The database's key (backup/encrypt-at-rest.ts prepareDatabaseKey): every entry point passes one. Absent only
   * in tests that work on a plain file.
   */
  key?: Buffer | null;
  /** scrypt's cost for new credentials; only tests lower it, to keep hundreds of sign-ups quick. */
  credentialParams?: ScryptParams;
}

/** Opens the database and builds the operation table: the same back end for IPC and HTTP. */
export function createBackend(options: BackendOptions): Backend {
  const now = options.now ?? (() => new Date().toISOString());
  const sessions = new SessionStore(undefined, () => Date.parse(now()));
  const keyed = { key: options.key ?? null, keyWhere: message('backup.workstationKey.where') };
  const db = openDatabase(options.databasePath, keyed);
  const context: ApiContext = {
    db,
    repos: createRepositories(db),
    sessions,
    actorId: () => signedInId(context),
    credentialParams: options.credentialParams ?? CURRENT_PARAMS,
    now,
    app: { ...appIdentity(), databasePath: options.databasePath, mode: options.mode },
    transaction: (fn) => context.db.transaction(fn)(),
    replaceDatabase: (swap) => {
      context.db.close();
      try {
        swap();
      } finally {
        // Whatever happened to the file, the app keeps a working connection to what is there now.
        context.db = openDatabase(options.databasePath, keyed);
        context.repos = createRepositories(context.db);
      }
      // The restored database has its own people, roles and lock time: a person it does not hold as active is
      // signed out (roles are read afresh at every request anyway).
      sessions.endWhere((therapistId) => !context.repos.therapists.get(therapistId)?.active);
      applyLockTime(context);
    },
  };
  applyLockTime(context);
  // sampleData.create calls the other operations, so it is answered in front of the table, not inside it.
  const dispatch = withSampleData(createDispatch(context), context);
  // Pushes to the district's FHIR server in the background, once one is set (exchange/sync-runner.ts).
  const sync = startBackgroundSync(context);
  return {
    dispatch,
    context,
    sessions,
    close: () => {
      sync.stop();
      context.db.close();
    },
  };
}

/**
 * Opens the back end as every start does: a database from an older ROMtrack is first updated in a worker thread
 * (backup/update-run.ts), telling `gate` how far it is, so the update screen has something to show while the
 * migrations run; then the back end opens as createBackend does and the gate lets every operation through. A
 * failure is told to the gate (the screen says what happened) and thrown, for the start-up advice.
 */
export async function openBackend(options: BackendOptions, gate: StartupGate, log: (line: string) => void = (l) => console.log(l)): Promise<Backend> {
  try {
    const outcome = await runUpdate({ path: options.databasePath, key: keyHex(options.key ?? null), now: new Date().toISOString() }, (event) => gate.updating(event));
    if (outcome.to !== outcome.from) log(updateNote(outcome));
    const backend = createBackend(options);
    gate.opened(backend.dispatch);
    return backend;
  } catch (err) {
    gate.failed(err);
    throw err;
  }
}

function updateNote(o: UpdateOutcome): string {
  const compacted = o.compaction ? `; ${compactionNote(o.compaction)}` : '';
  return `[romtrack] The database was updated from version ${o.from} to ${o.to} (a backup was taken first: ${o.backup ?? 'none'})${compacted}.`;
}

let identity: { name: string; version: string } | undefined;

/** What the app's own package.json says of it (another package.json on the way up is skipped). */
const PackageJson = z.object({ name: z.string(), version: z.string(), productName: z.string().optional() });

function appIdentity(): { name: string; version: string } {
  if (!identity) {
    // The compiled file sits at build/node/electron/api/, the source at electron/api/.
    for (const up of ['../../../../package.json', '../../package.json']) {
      try {
        const read = PackageJson.safeParse(JSON.parse(readFileSync(join(__dirname, up), 'utf8')));
        const pkg = read.success ? read.data : null;
        if (pkg?.name === 'romtrack') {
          identity = { name: pkg.productName ?? pkg.name, version: pkg.version };
          break;
        }
      } catch {
        // try the next location
      }
    }
    identity ??= { name: 'ROMtrack', version: '0.0.0' };
  }
  return identity;
}
