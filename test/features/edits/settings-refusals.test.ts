/**
 * An administrator types bad values into the Settings and Staff tabs, through dist/Code.js: each edit
 * is put back with the value it replaced still in use, and the note and toast say what the setting
 * accepts, not what reading a bad tab would do instead ("the default (730) is used", "the second is
 * ignored"), which is false once the old value is back.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { ADMIN, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { onlyExecution, toastsOf } from '../../support/edits';

const SETTINGS = SHEET_NAMES.settings;
const STAFF = SHEET_NAMES.staff;

let wb: TestWorkbook;
beforeAll(async () => {
  wb = await setUpWorkbook();
});
afterAll(() => wb.close());

function noteAt(sheet: string, row: number, column: number): string {
  return wb.sheet(sheet).readNotes({ row, column, numRows: 1, numColumns: 1 })[0]?.[0] ?? '';
}

async function edit(sheet: string, row: number, column: number, value: string) {
  onlyExecution((await wb.edit(ADMIN, sheet, row, column, [[value]])).executions);
}

/** The sheet row of a setting, and the Value column. */
function settingCell(key: string): { row: number; column: number } {
  const values = wb.values(SETTINGS);
  const header = values[0] ?? [];
  const row = values.findIndex((r) => r[header.indexOf('Setting')] === key);
  if (row < 1) throw new Error(`no setting ${key}`);
  return { row: row + 1, column: header.indexOf('Value') + 1 };
}

test.each([
  ['retentionDays', '365', '-3', 'a whole number of days from 1 to 36500'],
  ['digestHour', '6', '25', 'a whole hour from 0 to 23'],
  ['notifyRequestor', 'FALSE', 'maybe', 'TRUE or FALSE'],
  ['defaultHourlyRate', '55', 'lots', 'a number from 0 to 100000'],
])(
  '%s: a bad value is put back to the one typed before it, and the note says what is accepted',
  async (key, good, bad, expected) => {
    const { row, column } = settingCell(key);
    await edit(SETTINGS, row, column, good);
    const kept = wb.sheet(SETTINGS).valueAt(row, column);
    await edit(SETTINGS, row, column, bad);
    expect(wb.sheet(SETTINGS).valueAt(row, column)).toEqual(kept);
    const reason = `Settings row ${row}: "${bad}" is not a valid value for ${key} (expected ${expected})`;
    expect(noteAt(SETTINGS, row, column)).toContain(`: ${reason}. Accepted:`);
    expect(toastsOf(wb, ADMIN).at(-1)).toBe(`The Settings tab was put back: ${reason}.`);
    expect(noteAt(SETTINGS, row, column)).not.toMatch(/the default \(/);
  },
);

test('a category or priority typed over another as a duplicate is put back, without "the second is ignored"', async () => {
  const values = wb.values(SETTINGS);
  const [first, second] = [values[1]![0], values[2]![0]];
  await edit(SETTINGS, 3, 1, String(first));
  expect(wb.sheet(SETTINGS).valueAt(3, 1)).toBe(second);
  expect(toastsOf(wb, ADMIN).at(-1)).toBe(
    `The Settings tab was put back: Settings row 3: Category "${String(first)}" is listed twice.`,
  );
});

test('a Staff row with a bad role is put back without "is ignored"', async () => {
  const row = wb.sheet(STAFF).lastRow() + 1;
  onlyExecution(
    (await wb.edit(ADMIN, STAFF, row, 1, [['nina.new@example.com', 'Nina New', 'Tech', 'TRUE']])).executions,
  );
  expect(wb.sheet(STAFF).valueAt(row, 1)).toBe('');
  expect(toastsOf(wb, ADMIN).at(-1)).toMatch(
    new RegExp(`^The Staff tab was put back: Staff row ${row}: .*Role`),
  );
  expect(noteAt(STAFF, row, 3)).not.toMatch(/is ignored/);
});

test('a whole priority’s Complete Unit or Complete Within emptied is put back; a new one typed cell by cell stands', async () => {
  const values = wb.values(SETTINGS);
  const header = values[0] ?? [];
  const column = (name: string) => header.indexOf(name) + 1;
  const row = values.findIndex((r) => r[column('Priority') - 1] === 'P2 Urgent') + 1;
  for (const name of ['Complete Unit', 'Complete Within']) {
    const kept = wb.sheet(SETTINGS).valueAt(row, column(name));
    await edit(SETTINGS, row, column(name), '');
    expect(wb.sheet(SETTINGS).valueAt(row, column(name))).toEqual(kept);
    expect(toastsOf(wb, ADMIN).at(-1)).toMatch(
      new RegExp(`^The Settings tab was put back: Settings row ${row}: ${name} "" is not`),
    );
    expect(toastsOf(wb, ADMIN).at(-1)).not.toMatch(/default target/);
  }
  // A priority of the organization's own, typed one cell at a time: each step stands.
  const free = wb.values(SETTINGS).findIndex((r, i) => i > 0 && r[column('Priority') - 1] === '') + 1;
  await edit(SETTINGS, free, column('Priority'), 'P5 Project');
  await edit(SETTINGS, free, column('Complete Within'), '20');
  await edit(SETTINGS, free, column('Complete Unit'), 'business days');
  expect(wb.values(SETTINGS)[free - 1]?.[column('Priority') - 1]).toBe('P5 Project');
  expect(wb.values(SETTINGS)[free - 1]?.[column('Complete Unit') - 1]).toBe('business days');
  expect(noteAt(SETTINGS, free, column('Complete Unit'))).toBe('');
});

test('a priority’s name cleared over its targets takes it off, as before', async () => {
  const values = wb.values(SETTINGS);
  const column = (values[0] ?? []).indexOf('Priority') + 1;
  const row = values.findIndex((r) => r[column - 1] === 'P4 Scheduled') + 1;
  await edit(SETTINGS, row, column, '');
  expect(wb.sheet(SETTINGS).valueAt(row, column)).toBe('');
  expect(toastsOf(wb, ADMIN).at(-1)).not.toMatch(/put back/);
});

test('a setting’s name typed over is put back without "is ignored" or "the default is used"', async () => {
  const { row } = settingCell('retentionDays');
  const column = (wb.values(SETTINGS)[0] ?? []).indexOf('Setting') + 1;
  await edit(SETTINGS, row, column, 'retentionDayz');
  expect(wb.sheet(SETTINGS).valueAt(row, column)).toBe('retentionDays');
  expect(toastsOf(wb, ADMIN).at(-1)).toBe(
    `The Settings tab was put back: Settings row ${row}: unknown setting "retentionDayz"; Setting retentionDays is missing.`,
  );
  expect(noteAt(SETTINGS, row, column)).toContain(
    `: Settings row ${row}: unknown setting "retentionDayz"; Setting retentionDays is missing. Accepted:`,
  );
});

test('every category cleared at once is put back without "using the default categories"', async () => {
  const values = wb.values(SETTINGS);
  const column = (values[0] ?? []).indexOf('Category') + 1;
  const rows = values.map((r, i) => (i > 0 && r[column - 1] !== '' ? i + 1 : 0)).filter((r) => r > 0);
  const [first, last] = [rows[0]!, rows.at(-1)!];
  const kept = values.slice(first - 1, last).map((r) => r[column - 1]);
  const blank = kept.map(() => ['']);
  onlyExecution((await wb.edit(ADMIN, SETTINGS, first, column, blank)).executions);
  expect(
    wb
      .values(SETTINGS)
      .slice(first - 1, last)
      .map((r) => r[column - 1]),
  ).toEqual(kept);
  expect(toastsOf(wb, ADMIN).at(-1)).toBe('The Settings tab was put back: No categories are listed.');
});
