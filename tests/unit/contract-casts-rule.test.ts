import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The lint rule that keeps the contract's types switched on in application code; this proves it fires, and
// that tests (which build hostile input on purpose) are left alone.
const root = join(__dirname, '..', '..');
const eslint = new ESLint({ cwd: root });

async function messages(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

describe('no casts through unknown or never in application code', () => {
  it.each([
    ['renderer/src/x.ts', 'export const f = (w: Window) => (w as unknown as Record<string, number>).a;\n', /as unknown as/],
    ['shared/domain/x.ts', 'export const f = (s: string): number => s as unknown as number;\n', /as unknown as/],
    ['electron/api/x.ts', 'declare function take(n: number): void;\nexport const f = (s: string) => take(s as never);\n', /as never/],
    ['renderer/src/x.tsx', 'declare function take(n: number): void;\nexport const f = (s: string) => take(s as never);\n', /as never/],
  ])('%s refuses %s', async (file, code, message) => {
    expect((await messages(file, code)).join('\n')).toMatch(message);
  });

  it('allows a plain cast, and both casts in tests', async () => {
    expect(await messages('renderer/src/x.ts', 'export const f = (v: unknown) => v as string;\n')).toEqual([]);
    expect(await messages('tests/unit/x.test.ts', 'export const f = (s: string): number => s as unknown as number;\n')).toEqual([]);
  });
});
