// Lint rules, including the layering: shared/ is pure (no DOM, no Electron, no
// React, no Dexie), components never touch Yjs or Dexie directly, and the renderer
// never imports main-process code.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const DOM_GLOBALS = [
  'window',
  'document',
  'navigator',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'location',
  'HTMLElement',
];

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'dist-electron', 'release', '.tmp'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'react', 'react-dom', 'dexie', 'node:*', 'fs', 'path'],
              message: 'shared/ stays pure: no Electron, React, Dexie or Node built-ins.',
            },
            {
              group: ['**/renderer/**', '**/electron/**'],
              message: 'shared/ must not depend on the app layers.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...DOM_GLOBALS.map((name) => ({ name, message: 'shared/ has no DOM.' })),
      ],
    },
  },
  {
    files: ['renderer/components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['yjs', 'y-*', 'dexie'],
              message:
                'Components read through view-model hooks (renderer/hooks), never Yjs or Dexie.',
            },
            {
              group: ['**/electron/**'],
              message: 'The renderer talks to the shell only through window.werkstatt.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/components/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/electron/**'],
              message: 'The renderer talks to the shell only through window.werkstatt.',
            },
          ],
        },
      ],
    },
  },
);
