// ESLint flat config: typescript-eslint with type information, plus the import boundaries of
// docs/architecture.md ("dependencies point inward"). Formatting is Prettier's job
// (eslint-config-prettier switches off every stylistic rule that would fight it).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

/** Only src/db touches Prisma; the composition roots wire it (they are exempt below). */
const PRISMA = {
  group: ['@prisma/*', '**/db/generated/**', '**/db/generated-pg/**', '**/db/client', '**/db/client.ts'],
  message: 'Prisma lives in src/db: use a core port (repository/store) instead; only src/db and the composition roots (src/app.ts, src/main.ts, src/cli/*) import it.',
};

/** Core is platform-neutral: no transport, database, scheduler or network, and nothing from the outer layers. */
const CORE_PURITY = [
  { group: ['grammy', 'grammy/*', '@grammyjs/*'], message: 'core imports no Telegram library: channels adapt core to grammY.' },
  { group: ['node-cron', 'cron-parser'], message: 'core imports no scheduler: src/jobs does.' },
  { group: ['hono', 'hono/*', '@hono/*', 'node:http', 'node:https', 'node:net', 'http', 'https', 'net', 'undici', 'node-fetch'], message: 'core does no network or HTTP.' },
  { group: ['pg', 'better-sqlite3', 'ioredis'], message: 'core talks to no database: declare a port, implement it in src/db.' },
  { group: ['**/db/**', '**/db', '**/channels/**', '**/jobs/**', '**/http/**'], message: 'dependencies point inward: core imports nothing from src/db, src/channels, src/jobs or src/http.' },
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'src/db/generated/**', 'src/db/generated-pg/**', 'coverage/**', 'data/**', 'eslint.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // A promise nobody awaits loses its errors: await it, return it, or mark it `void` on purpose.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false, attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true, caughtErrors: 'none' }],
      'no-restricted-globals': 'off',
    },
  },
  {
    // Plain Node scripts (benchmarks' helper processes, install scripts) run with Node's globals.
    files: ['**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' } },
  },
  {
    // Dialog tests step through a conversation as `r = await say(…)`, reading `r` only where it matters.
    files: ['tests/**/*.ts'],
    rules: { 'no-useless-assignment': 'off' },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/db/**', 'src/app.ts', 'src/main.ts', 'src/cli/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [PRISMA] }] },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [PRISMA, ...CORE_PURITY] }],
      'no-restricted-globals': ['error', { name: 'fetch', message: 'core does no network: a channel or job fetches and hands core the data.' }],
    },
  },
  prettier,
);
