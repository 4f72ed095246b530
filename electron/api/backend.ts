import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { openDatabase } from '../db/open';
import { withSampleData } from '../sample-data/operation';
import { createRepositories, type ApiContext, type AppMode } from './context';
import { createDispatch, type Dispatch } from './dispatch';
import { WorkSession } from './session';

export interface Backend {
  dispatch: Dispatch;
  context: ApiContext;
  close(): void;
}

export interface BackendOptions {
  databasePath: string;
  mode: AppMode;
  /** Injected by tests that need a fixed clock. */
  now?: () => string;
}

/** Opens the database and builds the operation table: the same back end for IPC and HTTP. */
export function createBackend(options: BackendOptions): Backend {
  const session = new WorkSession();
  const db = openDatabase(options.databasePath);
  const context: ApiContext = {
    db,
    repos: createRepositories(db),
    session,
    actorId: () => session.current(),
    now: options.now ?? (() => new Date().toISOString()),
    app: { ...appIdentity(), databasePath: options.databasePath, mode: options.mode },
    transaction: (fn) => context.db.transaction(fn)(),
    replaceDatabase: (swap) => {
      context.db.close();
      try {
        swap();
      } finally {
        // Whatever happened to the file, the app keeps a working connection to what is there now.
        context.db = openDatabase(options.databasePath);
        context.repos = createRepositories(context.db);
      }
      const current = session.current();
      if (current && !context.repos.therapists.get(current)?.active) session.select(null);
    },
  };
  // sampleData.create calls the other operations, so it is answered in front of the table, not inside it.
  const dispatch = withSampleData(createDispatch(context), context);
  return {
    dispatch,
    context,
    close: () => context.db.close(),
  };
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
