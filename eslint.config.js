// ESLint flat config (ESLint 10 + typescript-eslint 8). Syntax-only (no type information) to stay fast;
// `npm run typecheck` covers the type checks.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

// Node.js globals for the plain JS config files (the `globals` package is not a dependency of this repo).
const nodeGlobals = Object.fromEntries(
  [
    'process',
    'console',
    'Buffer',
    'URL',
    'URLSearchParams',
    'global',
    'globalThis',
    'structuredClone',
    'queueMicrotask',
    'setTimeout',
    'clearTimeout',
    'setInterval',
    'clearInterval',
    'setImmediate',
    'clearImmediate',
    'fetch',
    'AbortController',
    'TextEncoder',
    'TextDecoder',
  ].map((name) => [name, 'readonly']),
);
const commonJsGlobals = { require: 'readonly', module: 'writable', exports: 'writable', __dirname: 'readonly', __filename: 'readonly' };

// Focused or skipped tests must not be committed.
const focusedOrSkippedTests = ['describe', 'it', 'test'].flatMap((object) =>
  ['only', 'skip'].map((property) => ({
    object,
    property,
    message: `Do not commit ${object}.${property}(): it silently changes which tests run.`,
  })),
);
const focusedOrSkippedTestGlobals = ['fdescribe', 'fit', 'xdescribe', 'xit', 'xtest'].map((name) => ({
  name,
  message: `Do not commit ${name}(): it silently changes which tests run.`,
}));

const unusedVarsOptions = {
  args: 'after-used',
  argsIgnorePattern: '^_',
  varsIgnorePattern: '^_',
  caughtErrorsIgnorePattern: '^_',
  destructuredArrayIgnorePattern: '^_',
  ignoreRestSiblings: true,
};

export default defineConfig(
  globalIgnores(['dist/', 'node_modules/', '.stack/', 'coverage/', 'docker/kafka-local/']),

  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },

  // Everything (JS config files and TypeScript sources)
  {
    files: ['**/*.{js,mjs,cjs,ts,mts,cts}'],
    extends: [js.configs.recommended],
    rules: {
      'no-console': 'off',
      'no-unused-vars': ['error', unusedVarsOptions],
      'no-restricted-properties': ['error', ...focusedOrSkippedTests],
      'no-restricted-globals': ['error', ...focusedOrSkippedTestGlobals],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'prefer-const': 'error',
      'no-var': 'error',
    },
  },

  // TypeScript sources: apps/, libs/, migrations/, test/, bench/
  {
    files: ['**/*.{ts,mts,cts}'],
    extends: [tseslint.configs.recommended],
    rules: {
      'no-unused-vars': 'off',
      '@typescript-eslint/no-unused-vars': ['error', unusedVarsOptions],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },

  // Plain JS config files (eslint.config.js, jest.config.js, .dependency-cruiser.cjs) run in Node.js
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { ecmaVersion: 'latest', sourceType: 'module', globals: nodeGlobals },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs', globals: { ...nodeGlobals, ...commonJsGlobals } },
  },
);
