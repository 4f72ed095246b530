// Entry of the power-cut test's recorder: `node tests/power-cut/recorder.mjs DB_PATH VISITS`, run by
// tests/integration/power-cut.test.ts under the io-log.c shim.
//
// It runs recorder.ts and the app's TypeScript sources (electron/, shared/) as they are now, not build/: a
// durability test that passed against a stale build of electron/db/open.ts would prove nothing. Node's own
// TypeScript support compiles each .ts file as it is loaded (module.stripTypeScriptTypes, which also handles
// the constructor parameter properties some repositories use), as ES modules, the way Vitest runs them; the
// one thing added here is the resolution of extensionless relative imports to `.ts` or `/index.ts`.
import { existsSync, readFileSync } from 'node:fs';
import { registerHooks, stripTypeScriptTypes } from 'node:module';
import { fileURLToPath } from 'node:url';

registerHooks({
  resolve(specifier, context, nextResolve) {
    const parent = context.parentURL;
    if (parent?.endsWith('.ts') && /^\.\.?\//.test(specifier) && !/\.(c|m)?(j|t)sx?$|\.json$/.test(specifier)) {
      for (const candidate of [`${specifier}.ts`, `${specifier}/index.ts`]) {
        const url = new URL(candidate, parent);
        if (existsSync(fileURLToPath(url))) return { url: url.href, format: 'module', shortCircuit: true };
      }
    }
    return nextResolve(specifier, context);
  },
  load(url, context, nextLoad) {
    if (!url.startsWith('file:') || !url.endsWith('.ts')) return nextLoad(url, context);
    const code = readFileSync(fileURLToPath(url), 'utf8');
    return { format: 'module', source: stripTypeScriptTypes(code, { mode: 'transform', sourceMap: true, sourceUrl: url }), shortCircuit: true };
  },
});

await import('./recorder.ts');
