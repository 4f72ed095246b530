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
  ])('%s refuses: %s', async (file, code) => {
    expect(await ruleIds(file, code)).toContain('no-restricted-imports');
  });

  it.each([
    ['electron/api/x.ts', "import type { App } from 'electron';\nexport type X = App;\n"],
    ['electron/main.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['renderer/src/x.ts', "import { PatientInput } from '../../shared/domain/patient';\nexport const x = PatientInput;\n"],
  ])('%s allows: %s', async (file, code) => {
    expect(await ruleIds(file, code)).not.toContain('no-restricted-imports');
  });
});
