import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Names that would make the simulation core impure or non-deterministic. */
const simForbiddenGlobals = [
  'window',
  'document',
  'navigator',
  'localStorage',
  'sessionStorage',
  'setTimeout',
  'setInterval',
  'clearTimeout',
  'clearInterval',
  'requestAnimationFrame',
  'queueMicrotask',
  'performance',
  'fetch',
  'XMLHttpRequest',
].map((name) => ({ name, message: 'src/sim is pure: time comes from the virtual clock, I/O from the caller.' }));

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/store/**/*.{ts,tsx}', 'src/main.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['src/sim/**/*.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-*', 'react/*'], message: 'src/sim must not import React.' },
            { group: ['zustand', 'zustand/*'], message: 'src/sim must not import zustand.' },
            { group: ['@xyflow/*', 'framer-motion'], message: 'src/sim must not import UI libraries.' },
            { group: ['node:*', 'fs', 'path', 'process'], message: 'src/sim runs in browsers too: no Node APIs.' },
            { group: ['**/ui/**', '**/store/**', '**/worker/**', '**/client/**'], message: 'src/sim imports nothing from the UI.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...simForbiddenGlobals],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use the seeded random source (runtime/random.ts).' },
        { object: 'Date', property: 'now', message: 'Use the virtual clock (runtime/clock.ts).' },
        { object: 'performance', property: 'now', message: 'Use the virtual clock (runtime/clock.ts).' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'new Date() reads the wall clock; use the virtual clock.' },
      ],
    },
  },
);
