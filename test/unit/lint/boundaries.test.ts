/**
 * The import boundaries are enforced by the project's own ESLint configuration (eslint.config.mjs):
 * code that crosses one is reported, code that keeps to them is not, and a feature touching a sheet is
 * an error. (That features never reach through the register's sheet is the type checker's:
 * register-sheet.test.ts.)
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');

/**
 * ESLint loads its ESM config with a dynamic import, which Jest's module system cannot do, so the
 * probes are linted in one plain Node process, each as if it were the file named.
 */
const LINT = `
const { ESLint } = require('eslint');
const probes = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
const eslint = new ESLint({ cwd: process.cwd() });
Promise.all(probes.map(async ([file, code]) => {
  const [result] = await eslint.lintText(code, { filePath: file });
  return result.messages.map((m) => (m.ruleId ?? m.message) + (m.severity === 1 ? ' (warning)' : ''));
})).then((out) => process.stdout.write(JSON.stringify(out)));
`;

const SERVICE_CALL = 'export function who(): string {\n  return Session.getActiveUser().getEmail();\n}\n';
const OUTSIDE = 'boundaries/imports-within';
const SHEET_READ =
  "import type { Sheet } from '../adapters/apps-script-types';\n" +
  'export function cells(sheet: Sheet): unknown[][] {\n  return sheet.getRange(1, 1, 2, 2).getValues();\n}\n';
const SHEET_IO = 'no-restricted-syntax';
const TAB_CALLS =
  "import type { Sheet, Spreadsheet } from '../adapters/apps-script-types';\n" +
  'export function tidy(ss: Spreadsheet, sheet: Sheet): number {\n' +
  '  const first = ss.getSheets()[0];\n' +
  "  if (first && first.getName() !== 'Archive') first.setName('Archive');\n" +
  '  sheet.insertRowsAfter(sheet.getMaxRows(), 10);\n' +
  '  sheet.protect();\n' +
  '  return sheet.getLastRow() + sheet.getSheetId();\n' +
  '}\n';

/** [why, file, code, the rules expected to report it] */
const PROBES: Array<[string, string, string, string[]]> = [
  ['the core imports the core', 'src/core/probe.ts', "export { SHEET_NAMES } from './model';\n", []],
  [
    'the core imports the validator',
    'src/core/probe.ts',
    "import * as z from 'zod/mini';\nexport const s = z.string();\n",
    [],
  ],
  [
    'the core imports an adapter',
    'src/core/probe.ts',
    "export { activeSpreadsheet } from '../server/adapters/workbook';\n",
    [OUTSIDE],
  ],
  [
    'the core imports shared code',
    'src/core/reports/probe.ts',
    "export { REVIEW_PAGE_SIZE } from '../../shared/review';\n",
    [OUTSIDE],
  ],
  [
    'the core imports Node',
    'src/core/probe.ts',
    "import fs from 'node:fs';\nexport const f = fs;\n",
    [OUTSIDE],
  ],
  ['shared code imports the core', 'src/shared/probe.ts', "export { STATUSES } from '../core/model';\n", []],
  [
    'shared code imports an adapter',
    'src/shared/probe.ts',
    "export { loadQueue } from '../server/adapters/review-queue';\n",
    [OUTSIDE],
  ],
  [
    'a feature imports classic zod',
    'src/server/features/probe.ts',
    "import { z } from 'zod';\nexport const s = z.string();\n",
    ['no-restricted-imports'],
  ],
  ['an adapter calls a Google service', 'src/server/adapters/probe.ts', SERVICE_CALL, []],
  [
    'a feature calls a Google service',
    'src/server/features/probe.ts',
    SERVICE_CALL,
    ['no-restricted-globals'],
  ],
  // The store is the only code touching sheets: an error (not a warning) in a feature, fine in an adapter.
  ["a feature reads a sheet's cells", 'src/server/features/probe.ts', SHEET_READ, [SHEET_IO, SHEET_IO]],
  // A tab's list, name change, extent and structure too; its name and sheet id (identity) are not.
  [
    'a feature lists, renames, grows, protects and measures tabs',
    'src/server/features/probe.ts',
    TAB_CALLS,
    [SHEET_IO, SHEET_IO, SHEET_IO, SHEET_IO, SHEET_IO, SHEET_IO],
  ],
  [
    'an adapter lists, renames, grows, protects and measures tabs',
    'src/server/adapters/probe.ts',
    TAB_CALLS.replace('../adapters/', './'),
    [],
  ],
  [
    "an adapter reads a sheet's cells",
    'src/server/adapters/probe.ts',
    SHEET_READ.replace('../adapters/', './'),
    [],
  ],
  ['an entry point calls a Google service', 'src/server/probe.ts', SERVICE_CALL, ['no-restricted-globals']],
  ['the core calls a Google service', 'src/core/probe.ts', SERVICE_CALL, ['no-restricted-globals']],
];

let reported: string[][] = [];

beforeAll(() => {
  const input = JSON.stringify(PROBES.map(([, file, code]) => [path.join(root, file), code]));
  reported = JSON.parse(execFileSync(process.execPath, ['-e', LINT], { cwd: root, input, encoding: 'utf8' }));
});

test.each(PROBES.map((probe, i) => [probe[0], i, probe[3]] as const))('%s', (_why, i, expected) => {
  expect(reported[i]).toEqual(expected);
});
