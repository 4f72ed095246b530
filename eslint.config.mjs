// Lint, and the architecture's import boundaries (docs/architecture.md), enforced as VS Code does
// with its layer rule: shared/ is pure, renderer/ reaches the back end only through its API client,
// and only the desktop shell imports electron at run time.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = { group: ['node:*'], message: 'shared/ and renderer/ run in the browser too: no Node built-ins.' };

// Inside electron/ the folders are layers too, lowest first: db (SQL), auth and tls → backup (files of the database) → api
// (operations) → sample-data, server, shell (clients of the operations) → cli, main.ts (entry points). A folder
// may import the ones below it, never one above, so the database code can be reused and tested alone.
const electronBase = {
  paths: [{ name: 'electron', allowTypeImports: true, message: 'Only main.ts and preload.ts import electron at run time, so the rest runs and is tested in plain Node.' }],
  patterns: [{ group: ['**/renderer/**', 'react', 'react-dom'], message: 'The back end must not depend on the UI.' }],
};
/** A relative import reaching one of `layers` beside this folder (`../api/x`, `../../api/x`, `…/electron/api/x`). */
function higherLayers(layers, message) {
  const names = layers.join('|');
  return { regex: `^((\\.\\./)+|(.*/)?electron/)(${names})(/|$)`, message };
}
function electronLayer(files, layers, message, ignores = []) {
  return {
    files,
    ignores,
    rules: { 'no-restricted-imports': ['error', { ...electronBase, patterns: [...electronBase.patterns, higherLayers(layers, message)] }] },
  };
}

// Inside renderer/src the chart screens (mobility, plans, report, referral, patients) do not reach into each
// other: what they share lives in neutral folders, charts/ (chart building blocks) and clinical/ (verdict words,
// badges, arcs), which import no screen. tests/unit/renderer-folders-rule.test.ts proves each crossing fires.
const rendererBase = [
  nodeBuiltins,
  { group: ['electron', '**/electron/**', '../electron', '../../electron', '../../../electron'], message: 'The renderer talks to the back end only through renderer/src/api/client.' },
  { group: ['better-sqlite3'], message: 'The renderer never opens the database.' },
];
const SCREENS = ['mobility', 'plans', 'report', 'referral', 'patients', 'visits', 'timeline', 'profile', 'events', 'worklist', 'settings'];
/** renderer/src/<folder> may not import the renderer folders in `refused` (regex alternatives), type-only imports included. */
function rendererFolder(folder, refused, message) {
  const regex = `^(\\.\\./)+(${refused.join('|')})(/|$)`;
  return {
    files: [`renderer/src/${folder}/**/*.{ts,tsx}`],
    rules: { 'no-restricted-imports': ['error', { patterns: [...rendererBase, { regex, message }] }] },
  };
}

const sendSync = { selector: "CallExpression[callee.property.name='sendSync']", message: 'sendSync blocks the renderer; use the API client.' };
const contractCasts = [
  { selector: "TSAsExpression > TSAsExpression.expression > TSUnknownKeyword.typeAnnotation", message: '`as unknown as` switches the types off: narrow with a guard or a schema, or fix the type where it is made.' },
  { selector: "TSAsExpression > TSNeverKeyword.typeAnnotation", message: '`as never` switches the types off: give the value its real type.' },
];

export default tseslint.config(
  { ignores: ['build/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': ['error', sendSync],
    },
  },
  // Casts through unknown or never switch the contract's types off; application code narrows with a guard
  // (isMotionKey, isSide, a schema) or fixes the type at its source. Tests may still build hostile input.
  {
    files: ['electron/**/*.ts', 'shared/**/*.ts', 'renderer/**/*.{ts,tsx}', 'scripts/**/*.{ts,mjs}'],
    rules: { 'no-restricted-syntax': ['error', sendSync, ...contractCasts] },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          nodeBuiltins,
          { group: ['electron', '**/electron/**', '../electron', '../../electron'], message: 'shared/ must not depend on the back end or the shell.' },
          { group: ['**/renderer/**', 'react', 'react-dom'], message: 'shared/ must not depend on the UI.' },
          { group: ['better-sqlite3'], message: 'shared/ is pure: no database.' },
        ],
      }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': ['error', { patterns: rendererBase }] },
  },
  // Later blocks replace the rule's options for their files, so each repeats rendererBase.
  rendererFolder('charts', SCREENS, 'renderer/src/charts holds the chart pieces every screen shares (scales, markers, plan periods, the printed chart): it imports no screen folder.'),
  rendererFolder('clinical', SCREENS, 'renderer/src/clinical holds the words, badges and tables several screens share: it imports no screen folder.'),
  rendererFolder('mobility', ['plans', 'report', 'referral', 'patients'],
    'mobility/ takes plans as props (the route composes them, SeriesDetailWithPlans.tsx) and shares charts through charts/ and clinical/.'),
  rendererFolder('plans', ['mobility', 'referral', 'patients', 'report(?!/page-style$)'],
    'plans/ does not import mobility/ (the route composes them) nor the other chart screens; only the print page rule report/page-style is shared.'),
  rendererFolder('report', ['mobility', 'plans(?!/plan-format$)', 'referral', 'patients'],
    'report/ uses charts/ and clinical/, not the other screens (only the plans\' words, plans/plan-format, are shared); the referral letter builds on report/, never the other way round.'),
  rendererFolder('referral', ['mobility', 'plans', 'patients'], 'referral/ reuses report/ (letterhead, page rule) and charts/, not the other screens.'),
  rendererFolder('patients', ['mobility', 'plans', 'report', 'referral'], 'patients/ shares verdict words and charts through clinical/ and charts/, not the other screens.'),
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main.ts', 'electron/preload.ts'],
    rules: { 'no-restricted-imports': ['error', electronBase] },
  },
  // Later blocks replace the rule's options for their files, so each repeats electronBase.
  electronLayer(['electron/db/**/*.ts'], ['api', 'auth', 'tls', 'backup', 'sample-data', 'server', 'shell', 'cli'],
    'electron/db is the lowest layer: SQL and its errors only, no operations, backups, transports or entry points.'),
  electronLayer(['electron/backup/**/*.ts'], ['api', 'sample-data', 'server', 'shell', 'cli'],
    'electron/backup works on database files below the operations: take what it needs as parameters (see backup/restore.ts).'),
  // Credentials, sessions and certificates sit beside db/: the operations and the transports use them.
  electronLayer(['electron/auth/**/*.ts', 'electron/tls/**/*.ts'], ['api', 'backup', 'sample-data', 'server', 'shell', 'cli'],
    'electron/auth and electron/tls hold credentials, sessions and certificates below the operations: the api and the transports call them.'),
  electronLayer(['electron/api/**/*.ts'], ['server', 'shell', 'cli'],
    'electron/api is transport-free: the server, the desktop shell and the commands call it, never the other way round.'),
  // Sample data calls the operations from above (sample-data/operation.ts); only backend.ts, which assembles
  // the back end, puts it in front of the table.
  electronLayer(['electron/api/**/*.ts'], ['server', 'shell', 'cli', 'sample-data'],
    'electron/api must not call up into sample-data: sample data calls the operations, and only api/backend.ts wires it in.',
    ['electron/api/backend.ts']),
  {
    files: ['tests/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
);
