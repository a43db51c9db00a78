/**
 * The hidden Last Known State column deleted by hand narrows every range protecting the register's
 * system columns (they ran through it); setup puts the column back at the end, so the run of system
 * columns is as wide as before and its ranges one column short. Setup removed every range and laid
 * the whole run again over every row: at 100,000 rows 3.2 million cells and ~200 removals, about
 * 210 s estimated, which with the rest of setup passed Google's 6-minute limit. Now each run's ranges
 * become one, moved onto the run's width: nothing laid over the rows again, and every row protected
 * as before, the restored column included. Through dist/Code.js.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { ROW_STATE_HEADER } from '../../../src/server/adapters/row-state';
import { REGISTER_COLUMNS_PROTECTION } from '../../../src/server/features/setup/register-columns-protection';
import { REGISTER, assignedOrder } from '../../support/edits';
import { runHourly } from '../../support/ops';
import { ADMIN, MANAGER, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';

let wb: TestWorkbook;
beforeAll(async () => {
  wb = await setUpWorkbook();
  await assignedOrder(wb);
  // Rows the hourly job protected as the register grew: a run with several ranges, as at 100,000 rows.
  const sheet = wb.sheet(REGISTER);
  sheet.insertRows(sheet.maxRows + 1, 3, 'none');
  expectOk((await runHourly(wb))[0]!);
}, 60_000);
afterAll(() => wb.close());

/** The register's column protections (header row included) as "row+rows×column+columns". */
function ranges(): string[] {
  return wb.model
    .requireSheet(SHEET_NAMES.register)
    .protections.filter((p) => !p.removed && p.description === REGISTER_COLUMNS_PROTECTION && p.rect)
    .map((p) => `${p.rect!.row}+${p.rect!.numRows}×${p.rect!.column}+${p.rect!.numColumns}`)
    .sort();
}

async function canType(user: string, row: number, column: number): Promise<boolean> {
  try {
    await wb.edit(user, REGISTER, row, column, [[String(wb.sheet(REGISTER).valueAt(row, column) ?? '')]]);
    return true;
  } catch (error) {
    if (/protected cell/.test(String(error))) return false;
    throw error;
  }
}

test('setup after the column was deleted refits the ranges instead of laying them over every row again', async () => {
  const steady = expectOk(await wb.menu(ADMIN, 'setUpWorkOrders'));
  const width = wb.sheet(REGISTER).lastColumn();
  expect(ranges().length).toBeGreaterThan(2);

  wb.sheet(REGISTER).deleteColumns(wb.registerColumn(ROW_STATE_HEADER), 1);
  const rows = wb.sheet(REGISTER).maxRows;
  const repaired = expectOk(await wb.menu(ADMIN, 'setUpWorkOrders'));

  // The column back (one column of cells inserted, its own warning protection): nothing more laid.
  expect(repaired.stats.structuralCells).toBeLessThanOrEqual(steady.stats.structuralCells + 2 * rows);
  expect(wb.sheet(REGISTER).lastColumn()).toBe(width);
  expect(ranges()).toEqual([`1+1×1+${width}`, `2+${rows - 1}×1+${width}`].sort());
  for (const column of [1, wb.registerColumn(ROW_STATE_HEADER)])
    for (const row of [2, rows]) expect(await canType(MANAGER, row, column)).toBe(false);
  // And the next setup finds them as it left them.
  const again = expectOk(await wb.menu(ADMIN, 'setUpWorkOrders'));
  expect(again.stats.calls['Protection.remove'] ?? 0).toBe(0);
  expect(again.stats.calls['Protection.setRange'] ?? 0).toBe(0);
}, 120_000);
