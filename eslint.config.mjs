// Lint, and the architecture's import boundaries (docs/architecture.md), enforced as VS Code does
// with its layer rule: shared/ is pure, renderer/ reaches the back end only through its API client,
// and only the desktop shell imports electron at run time.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = { group: ['node:*'], message: 'shared/ and renderer/ run in the browser too: no Node built-ins.' };

export default tseslint.config(
  { ignores: ['build/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.property.name='sendSync']", message: 'sendSync blocks the renderer; use the API client.' }],
    },
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
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          nodeBuiltins,
          { group: ['electron', '**/electron/**', '../electron', '../../electron', '../../../electron'], message: 'The renderer talks to the back end only through renderer/src/api/client.' },
          { group: ['better-sqlite3'], message: 'The renderer never opens the database.' },
        ],
      }],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main.ts', 'electron/preload.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', allowTypeImports: true, message: 'Only main.ts and preload.ts import electron at run time, so the rest runs and is tested in plain Node.' }],
        patterns: [{ group: ['**/renderer/**', 'react', 'react-dom'], message: 'The back end must not depend on the UI.' }],
      }],
    },
  },
  {
    files: ['tests/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
);
