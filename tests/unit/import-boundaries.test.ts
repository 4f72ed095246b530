import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The lint rule is what keeps the layers honest; this proves it fires on each kind of crossing.
const eslint = new ESLint({ cwd: join(__dirname, '..', '..') });

async function ruleIds(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(__dirname, '..', '..', file) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('architecture import boundaries', () => {
  it.each([
    ['shared/domain/x.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
    ['shared/domain/x.ts', "import { openDatabase } from '../../electron/db/open';\nexport const x = openDatabase;\n"],
    ['renderer/src/x.ts', "import { openDatabase } from '../../electron/db/open';\nexport const x = openDatabase;\n"],
    ['renderer/src/x.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n"],
    ['electron/api/x.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    // The layers inside electron/: db → backup → api → server, shell, cli, never upwards.
    ['electron/db/x.ts', "import type { ApiContext } from '../api/context';\nexport type X = ApiContext;\n"],
    ['electron/db/x.ts', "import { createBackup } from '../backup/backup';\nexport const x = createBackup;\n"],
    ['electron/db/x.ts', "import { startServer } from '../server/http-server';\nexport const x = startServer;\n"],
    ['electron/db/x.ts', "import { menuTemplate } from '../shell/menu';\nexport const x = menuTemplate;\n"],
    ['electron/db/x.ts', "import '../cli/serve';\n"],
    ['electron/db/migrations/x.ts', "import { createDispatch } from '../../api/dispatch';\nexport const x = createDispatch;\n"],
    ['electron/db/x.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['electron/backup/x.ts', "import type { ApiContext } from '../api/context';\nexport type X = ApiContext;\n"],
    ['electron/auth/x.ts', "import type { ApiContext } from '../api/context';\nexport type X = ApiContext;\n"],
    ['electron/tls/x.ts', "import { startServer } from '../server/http-server';\nexport const x = startServer;\n"],
    ['electron/db/x.ts', "import { SessionStore } from '../auth/sessions';\nexport const x = SessionStore;\n"],
    ['electron/backup/x.ts', "import { startServer } from '../server/http-server';\nexport const x = startServer;\n"],
    ['electron/backup/x.ts', "import { menuTemplate } from '../shell/menu';\nexport const x = menuTemplate;\n"],
    ['electron/backup/x.ts', "import '../cli/serve';\n"],
    ['electron/api/x.ts', "import { startServer } from '../server/http-server';\nexport const x = startServer;\n"],
    ['electron/api/x.ts', "import { handleIpcCall } from '../shell/ipc-handler';\nexport const x = handleIpcCall;\n"],
    ['electron/api/x.ts', "import '../cli/serve';\n"],
    ['electron/api/handlers/x.ts', "import { startServer } from '../../server/http-server';\nexport const x = startServer;\n"],
    ['electron/api/handlers/x.ts', "import { startServer } from '../../../electron/server/http-server';\nexport const x = startServer;\n"],
    ['electron/api/handlers/x.ts', "import { createSampleData } from '../../sample-data';\nexport const x = createSampleData;\n"],
  ])('%s refuses: %s', async (file, code) => {
    expect(await ruleIds(file, code)).toContain('no-restricted-imports');
  });

  it.each([
    ['electron/api/x.ts', "import type { App } from 'electron';\nexport type X = App;\n"],
    ['electron/main.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['renderer/src/x.ts', "import { PatientInput } from '../../shared/domain/patient';\nexport const x = PatientInput;\n"],
    // Downwards is fine, and shared/api is not electron/api.
    ['electron/db/x.ts', "import { type ErrorCode } from '../../shared/api/errors';\nexport type X = ErrorCode;\n"],
    ['electron/backup/x.ts', "import { openDatabase } from '../db/open';\nexport const x = openDatabase;\n"],
    ['electron/auth/x.ts', "import { openDatabase } from '../db/open';\nexport const x = openDatabase;\n"],
    ['electron/api/x.ts', "import { SessionStore } from '../auth/sessions';\nexport const x = SessionStore;\n"],
    ['electron/server/x.ts', "import { SessionStore } from '../auth/sessions';\nexport const x = SessionStore;\n"],
    ['electron/api/handlers/x.ts', "import { restoreDatabase } from '../../backup/restore';\nexport const x = restoreDatabase;\n"],
    ['electron/server/x.ts', "import type { Dispatch } from '../api/dispatch';\nexport type X = Dispatch;\n"],
    ['electron/cli/x.ts', "import { startServer } from '../server/http-server';\nexport const x = startServer;\n"],
    ['electron/api/backend.ts', "import { withSampleData } from '../sample-data/operation';\nexport const x = withSampleData;\n"],
  ])('%s allows: %s', async (file, code) => {
    expect(await ruleIds(file, code)).not.toContain('no-restricted-imports');
  });
});
