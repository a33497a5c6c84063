// Lint for the whole repository: type-aware TypeScript rules, React hooks, no import cycles, and
// the process boundaries of the README's design written as rules, so a wrong import fails CI.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'bench/.work/**',
      'bench/.scratch/**',
      '.scratch/**',
      '.cache/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: [
            '*.js',
            '*.mjs',
            'scripts/*.mjs',
            'bin/*.mjs',
            'tests/helpers/*.mjs',
            'main/api/worker/*.mjs',
            'tools/*/*.js',
          ],
        },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    plugins: { 'import-x': importX },
    settings: {
      // import-x parses each imported file to follow cycles: it needs the TypeScript parser for .ts/.tsx.
      'import-x/extensions': importX.flatConfigs.typescript.settings['import-x/extensions'],
      'import-x/parsers': importX.flatConfigs.typescript.settings['import-x/parsers'],
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          project: ['tsconfig.json', 'renderer/tsconfig.json'],
          noWarnOnMultipleProjects: true,
        }),
      ],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // Boundary: only the Electron shell and the preload may load Electron.
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'Only main/electron and preload import electron.' }] },
      ],
      // main/ is Node code: it never reaches into the renderer.
      'import-x/no-restricted-paths': [
        'error',
        { zones: [{ target: './main', from: './renderer', message: 'main/ never imports renderer/.' }] },
      ],
    },
  },
  {
    files: ['main/electron/**', 'preload/**', 'tests/electron/**'],
    rules: { '@typescript-eslint/no-restricted-imports': 'off' },
  },
  {
    // The renderer talks only to the typed API: from main/ it may take types of the contract and the model, nothing else.
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer talks only to window.folio or HTTP.' }],
          patterns: [
            {
              group: ['**/main/**'],
              allowTypeImports: true,
              message: 'The renderer may only `import type` from main/.',
            },
          ],
        },
      ],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './renderer',
              from: './main',
              except: ['./api/contract.ts', './model'],
              message: 'The renderer takes only the contract and the model from main/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // CommonJS because Node starts a CommonJS entry sooner than an ES module (bin/folio.cjs).
    files: ['bin/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // A CommonJS package by necessity: Electron's install.js require()s it in place of @electron/get.
    files: ['tools/**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
