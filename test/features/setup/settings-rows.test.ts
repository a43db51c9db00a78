/**
 * Set up work orders puts back a setting whose row is missing from the Settings tab, through
 * dist/Code.js: a row cleared by hand, or the rows of settings a newer version added to a tab an older
 * one made, come back with their default and description (in the gap left, else below the table), the
 * summary says so, and the administrator can then change them like any other; before, setup said
 * "Everything was already in place" and, on every run, that the default was used.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { SETTING_DESCRIPTIONS } from '../../../src/core/settings';
import { forgetRememberedState } from '../../support/caches';
import { ADMIN, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';

const SETTINGS = SHEET_NAMES.settings;
let wb: TestWorkbook;
beforeAll(async () => {
  wb = await setUpWorkbook();
}, 60_000);
afterAll(() => wb.close());

const column = (header: string): number => (wb.values(SETTINGS)[0] ?? []).indexOf(header) + 1;
const rowOf = (key: string): number =>
  wb.values(SETTINGS).findIndex((r) => r[column('Setting') - 1] === key) + 1;
/** Setting | Value | Description of a row. */
const scalarRow = (row: number): unknown[] =>
  (wb.values(SETTINGS)[row - 1] ?? []).slice(column('Setting') - 1, column('Setting') + 2);

/** Empties a row's Setting, Value and Description cells straight in the sheet (no edit trigger). */
function clearRow(row: number): void {
  wb.sheet(SETTINGS).writeValues(row, column('Setting'), [['', '', '']]);
  forgetRememberedState(wb.rt.world, wb.ssId);
}

const setUp = async (): Promise<string> => String(expectOk(await wb.menu(ADMIN, 'setUpWorkOrders')).value);

test('a cleared setting row is put back in its place with its default, and said so', async () => {
  const row = rowOf('holidays');
  clearRow(row);
  const summary = await setUp();
  expect(summary).toContain(
    'Settings: added the missing setting(s) holidays, each with its default (change it on the Settings tab)',
  );
  expect(summary).not.toMatch(/Setting holidays is missing/);
  expect(scalarRow(row)).toEqual(['holidays', '', SETTING_DESCRIPTIONS.holidays]);
  expect(await setUp()).toBe('Everything was already in place; nothing was changed.');
});

test('several missing settings (as on a tab an older version made) come back with their defaults', async () => {
  const keys = ['defaultHourlyRate', 'crewHoursPerWeek', 'estimatedHoursPerOrder'];
  const rows = keys.map(rowOf);
  for (const row of rows) clearRow(row);
  expect(await setUp()).toContain(
    'Settings: added the missing setting(s) defaultHourlyRate, crewHoursPerWeek, estimatedHoursPerOrder',
  );
  expect(rows.map(scalarRow)).toEqual([
    ['defaultHourlyRate', 40, SETTING_DESCRIPTIONS.defaultHourlyRate],
    ['crewHoursPerWeek', 160, SETTING_DESCRIPTIONS.crewHoursPerWeek],
    ['estimatedHoursPerOrder', 2, SETTING_DESCRIPTIONS.estimatedHoursPerOrder],
  ]);
});

test('the administrator then changes a restored setting like any other', async () => {
  const row = rowOf('holidays');
  (await wb.edit(ADMIN, SETTINGS, row, column('Value'), [['2026-12-25, 2027-01-01']])).executions.forEach(
    expectOk,
  );
  expect(scalarRow(row)[1]).toBe('2026-12-25, 2027-01-01');
  expect(wb.sheet(SETTINGS).readNotes({ row, column: column('Value'), numRows: 1, numColumns: 1 })).toEqual([
    [''],
  ]);
});
