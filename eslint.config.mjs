import js from '@eslint/js';
import path from 'node:path';
import tseslint from 'typescript-eslint';

const root = import.meta.dirname;

/**
 * `boundaries/imports-within`: a file may import only from the folders it is given (paths from the
 * repository root) and the packages it is given. Relative imports are resolved against the importing
 * file, so `../../server/x` from src/core is caught however it is spelled.
 */
const boundaries = {
  rules: {
    'imports-within': {
      meta: {
        type: 'problem',
        schema: [
          {
            type: 'object',
            properties: {
              folders: { type: 'array', items: { type: 'string' } },
              packages: { type: 'array', items: { type: 'string' } },
              why: { type: 'string' },
            },
            additionalProperties: false,
          },
        ],
      },
      create(context) {
        const { folders = [], packages = [], why = '' } = context.options[0] ?? {};
        const check = (node) => {
          const source = node?.value;
          if (typeof source !== 'string') return;
          if (source.startsWith('.')) {
            const target = path.relative(root, path.resolve(path.dirname(context.filename), source));
            const inside = folders.some((f) => target === f || target.startsWith(`${f}/`));
            if (!inside)
              context.report({ node, message: `Imports nothing outside ${folders.join(', ')}: ${why}` });
          } else if (!packages.includes(source)) {
            context.report({
              node,
              message: `Imports no package but ${packages.join(', ') || 'none'}: ${why}`,
            });
          }
        };
        return {
          ImportDeclaration: (node) => check(node.source),
          ExportAllDeclaration: (node) => check(node.source),
          ExportNamedDeclaration: (node) => check(node.source),
          ImportExpression: (node) => check(node.source),
        };
      },
    },
  },
};

/** The validator and its English messages (src/core/validator.ts); classic zod is not to come back. */
const VALIDATOR_PACKAGES = ['zod/mini', 'zod/locales'];

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
  'ContentService',
  'Browser',
].map((name) => ({
  name,
  message: 'Only src/server/adapters calls Google services: add a small adapter function there.',
}));

/** Sheet and range calls that read or write a tab: only src/server/adapters makes them. */
const SHEET_IO_METHODS = [
  'getSheetByName',
  'insertSheet',
  'getDataRange',
  'getRange',
  'getRangeList',
  'getValues',
  'getDisplayValues',
  'setValues',
  'appendRow',
  'getNotes',
  'setNote',
  'setNotes',
  'getLastRow',
  'getLastColumn',
  'getMaxRows',
  'getMaxColumns',
  'insertRowsAfter',
  'insertColumnsAfter',
  'deleteRows',
  'deleteColumns',
  'setName',
  'getSheets',
  'deleteSheet',
  'getColumnGroupDepth',
  'setFrozenRows',
  'clear',
  'setDataValidation',
  'protect',
  'getProtections',
  'hideColumns',
  'setColumnWidth',
  'newChart',
  'insertChart',
  'getCharts',
  'removeChart',
  'setFontWeight',
  'setNumberFormat',
  'getFormulas',
  'setFormula',
  'getValue',
  'setValue',
  'copyTo',
];

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
    // Google services are reached through src/server/adapters only (the store, the property stores,
    // the UI...): core, shared, the sidebar client, the features and the entry points never name them.
    files: ['src/**/*.ts'],
    ignores: ['src/server/adapters/**'],
    rules: { 'no-restricted-globals': ['error', ...appsScriptGlobals] },
  },
  {
    // The store is the only code touching sheets: a feature reads typed data from an adapter, decides
    // in core, and hands the adapter what to write.
    files: ['src/server/features/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: `CallExpression[callee.type='MemberExpression'][callee.property.name=/^(${SHEET_IO_METHODS.join('|')})$/]`,
          message:
            'Features do not touch sheets: read and write through a small typed function in src/server/adapters (the store).',
        },
      ],
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'zod', message: 'Validate with zod/mini through src/core/validator.ts.' }] },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    plugins: { boundaries },
    rules: {
      'boundaries/imports-within': [
        'error',
        { folders: ['src/core'], packages: VALIDATOR_PACKAGES, why: 'the core is pure and stands alone.' },
      ],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    plugins: { boundaries },
    rules: {
      'boundaries/imports-within': [
        'error',
        {
          folders: ['src/shared', 'src/core'],
          packages: VALIDATOR_PACKAGES,
          why: 'the sidebar and the server share it, so it may lean on the pure core only.',
        },
      ],
    },
  },
  {
    files: ['src/client/**/*.ts'],
    plugins: { boundaries },
    rules: {
      'boundaries/imports-within': [
        'error',
        {
          folders: ['src/client', 'src/shared', 'src/core'],
          // qrcode-generator (MIT, no dependencies) draws the labels dialog's QR codes in the page itself.
          packages: [...VALIDATOR_PACKAGES, 'qrcode-generator'],
          why: 'the page runs in the browser, with the shared contract, the pure core and the QR library only.',
        },
      ],
    },
  },
);
