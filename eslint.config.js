import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/*
 * Module boundaries of DESIGN.md §1, enforced: shared/ (and operator definitions) stay pure,
 * the renderer never reaches into the main process or an executor, and only the thin Electron
 * shell imports `electron`.
 */
const NODE_BUILTINS = [
  'fs', 'fs/promises', 'path', 'os', 'child_process', 'net', 'http', 'https', 'worker_threads', 'crypto', 'stream', 'url', 'util', 'events', 'readline', 'tty', 'zlib', 'dns', 'cluster', 'module', 'process', 'timers', 'buffer',
];
const NODE_ONLY_PACKAGES = ['node-pty', 'lowdb', 'lowdb/*', 'conf', 'electron-store', 'ws', 'nodemailer', '@aws-sdk/*', 'tsx', 'tsx/*', 'smtp-server'];

/* Built-ins are matched by exact name (paths), not as patterns: a pattern `events` would also catch our own ./events. */
const builtinPaths = (message) => NODE_BUILTINS.map((name) => ({ name, message }));

const pure = (what) => ({
  paths: [
    { name: 'electron', message: `${what} must not import electron (only electron/main.ts and electron/preload.ts do).` },
    ...builtinPaths(`${what} is pure: no Node built-ins.`),
  ],
  patterns: [
    { group: ['node:*'], message: `${what} is pure: no Node built-ins.` },
    { group: NODE_ONLY_PACKAGES, message: `${what} is pure: no Node-only packages.` },
    { group: ['**/electron/**', '**/electron', '**/renderer/**', '**/renderer'], message: `${what} must not import electron/ or renderer/ code.` },
    { group: ['**/execute', '**/execute.ts', '**/runtime', '**/runtime.ts'], message: `${what} must not import operator executors.` },
  ],
});

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'out/**', 'release/**', 'test-results/**', 'playwright-report/**', '.venv*/**', '.cache/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Only electron/main.ts and electron/preload.ts import electron.' }] }],
    },
  },
  {
    files: ['shared/**/*.ts', 'operators/*/definition.ts', 'operators/*/airflow.ts', 'operators/index.ts', 'operators/airflow.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', pure('shared/ and operator definitions')] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer talks to the host only through window.dagstudio.' },
            ...builtinPaths('The renderer is sandboxed: no Node built-ins.'),
          ],
          patterns: [
            { group: ['node:*'], message: 'The renderer is sandboxed: no Node built-ins.' },
            { group: NODE_ONLY_PACKAGES, message: 'The renderer is sandboxed: no Node-only packages.' },
            { group: ['**/electron/**', '**/electron'], message: 'The renderer must not import electron/ code.' },
            { group: ['**/execute', '**/execute.ts', '**/runtime', '**/runtime.ts'], message: 'The renderer must not import operator executors.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/main.ts', 'electron/preload.ts', 'test/e2e/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
