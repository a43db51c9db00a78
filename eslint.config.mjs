import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const appsScriptGlobals = [
  'SpreadsheetApp',
  'FormApp',
  'ScriptApp',
  'MailApp',
  'GmailApp',
  'HtmlService',
  'PropertiesService',
  'LockService',
  'CacheService',
  'Session',
  'Utilities',
  'Logger',
  'Charts',
  'DriveApp',
  'UrlFetchApp',
].map((name) => ({ name, message: 'src/core is pure: Apps Script services belong in src/server/adapters.' }));

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.workbench/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['**/*.cjs', '**/*.mjs', '**/*.js'],
    languageOptions: {
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        console: 'readonly',
        __dirname: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Apps Script checks the arguments a method was actually given (count and types); only `arguments`
    // shows that for methods with named parameters, so the emulation reads it on purpose.
    files: ['runtime/host/**/*.ts'],
    rules: { 'prefer-rest-params': 'off' },
  },
  {
    files: ['src/core/**/*.ts', 'src/shared/**/*.ts'],
    rules: { 'no-restricted-globals': ['error', ...appsScriptGlobals] },
  },
);
