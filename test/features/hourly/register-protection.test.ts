/**
 * The hourly job keeps the register's protected columns down to its last row by protecting only the
 * rows added at the bottom (with spare rows below), never by protecting every row again; a register
 * grown by more rows than a run protects is covered over the next runs.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { PROTECT_ROWS_PER_RUN, SPARE_ROWS } from '../../../src/server/features/hourly/register-protection';
import { REGISTER_COLUMNS_PROTECTION } from '../../../src/server/features/setup/register-columns-protection';
import { ADMIN, MANAGER, TECH, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { REGISTER, assignedOrder } from '../../support/edits';
import { runHourly } from '../../support/ops';

let wb: TestWorkbook;
beforeAll(async () => {
  wb = await setUpWorkbook();
  await assignedOrder(wb);
  // The routine first run: whatever the register's size since setup, it is covered afterwards.
  expectOk((await runHourly(wb))[0]!);
});
afterAll(() => wb.close());

async function canType(user: string, row: number, column: number): Promise<boolean> {
  try {
    await wb.edit(user, REGISTER, row, column, [[String(wb.sheet(REGISTER).valueAt(row, column) ?? '')]]);
    return true;
  } catch (error) {
    if (/protected cell/.test(String(error))) return false;
    throw error;
  }
}

/** The register's column protections, as "first row–last row" per range, for one column run. */
function rangesOf(column: number): string[] {
  const register = wb.model.requireSheet(SHEET_NAMES.register);
  return register.protections
    .filter((p) => !p.removed && p.description === REGISTER_COLUMNS_PROTECTION && p.rect)
    .filter(
      (p) => p.rect!.column <= column && column < p.rect!.column + p.rect!.numColumns && p.rect!.row > 1,
    )
    .map((p) => `${p.rect!.row}-${p.rect!.row + p.rect!.numRows - 1}`)
    .sort((a, b) => Number(a.split('-')[0]) - Number(b.split('-')[0]));
}

test('rows added at the bottom are protected alone, with spare rows, and the older ranges stay as they are', async () => {
  const id = wb.registerColumn('Request ID');
  const before = rangesOf(id);
  const sheet = wb.sheet(REGISTER);
  const oldMax = sheet.maxRows;
  sheet.insertRows(oldMax + 1, 3, 'none');
  expect(await canType(MANAGER, oldMax + 2, id)).toBe(true);

  expectOk((await runHourly(wb))[0]!);

  expect(await canType(MANAGER, oldMax + 2, id)).toBe(false);
  expect(await canType(TECH, oldMax + 2, id)).toBe(true);
  expect(wb.sheet(REGISTER).maxRows).toBe(oldMax + 3 + SPARE_ROWS);
  expect(rangesOf(id)).toEqual([...before, `${oldMax + 1}-${oldMax + 3 + SPARE_ROWS}`]);
  // The spare rows are covered too: the next appends need no repair.
  expect(await canType(MANAGER, oldMax + 3 + SPARE_ROWS, id)).toBe(false);

  // Nothing grew since: the next run changes nothing.
  const after = rangesOf(id);
  expectOk((await runHourly(wb))[0]!);
  expect(rangesOf(id)).toEqual(after);
});

test('a register grown by more rows than a run protects is covered over the next runs', async () => {
  const id = wb.registerColumn('Request ID');
  const sheet = wb.sheet(REGISTER);
  const oldMax = sheet.maxRows;
  const added = PROTECT_ROWS_PER_RUN + 10;
  sheet.insertRows(oldMax + 1, added, 'none');
  const lastRow = oldMax + added + SPARE_ROWS;

  expectOk((await runHourly(wb))[0]!);
  expect(await canType(MANAGER, oldMax + PROTECT_ROWS_PER_RUN, id)).toBe(false);
  expect(await canType(MANAGER, lastRow, id)).toBe(true);

  expectOk((await runHourly(wb))[0]!);
  expect(await canType(MANAGER, lastRow, id)).toBe(false);
  expect(rangesOf(id).slice(-2)).toEqual([
    `${oldMax + 1}-${oldMax + PROTECT_ROWS_PER_RUN}`,
    `${oldMax + PROTECT_ROWS_PER_RUN + 1}-${lastRow}`,
  ]);
  expect(wb.sheet(REGISTER).maxRows).toBe(lastRow);
});

test("setup's repair still rebuilds the protections when they are not the add-on's ranges", async () => {
  const id = wb.registerColumn('Request ID');
  const register = wb.model.requireSheet(SHEET_NAMES.register);
  // Someone removed a range in the middle by hand (rows there are unprotected), then the register grew.
  const middle = register.protections
    .filter((p) => !p.removed && p.description === REGISTER_COLUMNS_PROTECTION && p.rect!.row > 2)
    .sort((a, b) => a.rect!.row - b.rect!.row)[0]!;
  expect(rangesOf(id).length).toBeGreaterThan(2);
  wb.model.removeProtection(middle);
  const sheet = wb.sheet(REGISTER);
  const oldMax = sheet.maxRows;
  sheet.insertRows(oldMax + 1, 2, 'none');

  expectOk((await runHourly(wb))[0]!);

  expect(rangesOf(id)).toEqual([`2-${oldMax + 2}`]);
  expect(await canType(MANAGER, oldMax + 2, id)).toBe(false);
});

test("setup follows a grown register by stretching each run's bottom range: the ranges above stay, no spare rows", async () => {
  const id = wb.registerColumn('Request ID');
  // Ranges the hourly job added first, so that setup must recognise several ranges a run as its own.
  let sheet = wb.sheet(REGISTER);
  sheet.insertRows(sheet.maxRows + 1, 2, 'none');
  expectOk((await runHourly(wb))[0]!);
  const before = rangesOf(id);
  expect(before.length).toBeGreaterThan(1);
  sheet = wb.sheet(REGISTER);
  const oldMax = sheet.maxRows;
  sheet.insertRows(oldMax + 1, 4, 'none');
  expect(await canType(MANAGER, oldMax + 4, id)).toBe(true);

  expectOk(await wb.menu(ADMIN, 'setUpWorkOrders'));

  const bottomFrom = before[before.length - 1]!.split('-')[0];
  expect(rangesOf(id)).toEqual([...before.slice(0, -1), `${bottomFrom}-${oldMax + 4}`]);
  expect(wb.sheet(REGISTER).maxRows).toBe(oldMax + 4);
  expect(await canType(MANAGER, oldMax + 4, id)).toBe(false);
  expect(await canType(TECH, oldMax + 4, id)).toBe(true);
  // The hourly job finds them covered: it only catches up on its record.
  const after = rangesOf(id);
  expectOk((await runHourly(wb))[0]!);
  expect(rangesOf(id)).toEqual(after);
});
