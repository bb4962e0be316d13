// ESLint (flat config): `npm run lint`, a step of `npm test`; any warning fails it.
// Syntax-level rules only (no type information): `npm run typecheck` already runs the compiler,
// and a second type-aware pass would cost as much again.
import js from '@eslint/js';
import drizzle from 'eslint-plugin-drizzle';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Layers import only downward: app/ → lib/ → workflows/ → db/ (STYLE.md). Each entry: the files
 * of a layer may not import from the layers above it.
 */
const LAYERS = [
  { target: './db', from: ['./workflows', './lib', './app'] },
  { target: './workflows', from: ['./lib', './app'] },
  { target: './lib', from: ['./app'] },
];

/**
 * Inside workflows/: the engine is handed the registry of process definitions (DefinitionRegistry,
 * wired in lib/engine/provide-engine.ts), it does not import it — it knows no process by name.
 */
const ENGINE_ZONES = [
  {
    target: './workflows/engine',
    from: './workflows/registry.ts',
    except: [],
    message: 'The engine is handed the registry, not importing it: use getDefinition from workflows/engine/definitions.ts.',
  },
];

/**
 * Known imports against the layer rule, each to be removed by the change named; the list only
 * shrinks. Files listed here are exempt from the layer rule (nothing else is).
 */
const LAYER_EXCEPTIONS = [];

export default tseslint.config(
  { ignores: ['.next/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'data/**', 'next-env.d.ts', 'db/migrations/**'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['**/*.{ts,tsx,mjs,js}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' }), createNodeResolver()],
    },
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: import.meta.dirname,
          zones: LAYERS.map(({ target, from }) => ({
            target,
            from,
            except: [],
            message: 'Layers import only downward: app/ → lib/ → workflows/ → db/.',
          })).concat(ENGINE_ZONES),
        },
      ],
    },
  },
  ...(LAYER_EXCEPTIONS.length ? [{ files: LAYER_EXCEPTIONS, rules: { 'import-x/no-restricted-paths': 'off' } }] : []),
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { drizzle },
    rules: {
      // Only objects named like a drizzle handle: `db`, `tx` (and t.db in tests) — not Map#delete.
      'drizzle/enforce-delete-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
      'drizzle/enforce-update-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
    },
  },
  {
    files: ['app/**/*.{ts,tsx}', 'lib/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    // The two rules of hooks; the compiler-era rules of v7's preset are left for when we adopt it.
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // Test code reads JSON bodies of every shape it probes; `any` there is a choice, not a slip.
    files: ['e2e/**/*.ts', 'tests/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Specs learn their server from appServer(): one run serves both database modes.
    files: ['e2e/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.object.name='process'][object.property.name='env'][property.name=/^E2E_(PORT|DB)$/]",
          message: 'Use appServer() (e2e/support/server.ts): one run serves both database modes.',
        },
      ],
    },
  },
);
