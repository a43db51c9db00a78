/**
 * Issue 3's budget, as counts (the benchmark prints the time estimates): ingesting one submission
 * makes the same Spreadsheet calls whatever the register's size, at most 8, and reads no whole column.
 */
import { spreadsheetCalls } from '../../../runtime/host/execution';
import { SHEET_NAMES } from '../../../src/core/model';
import { expectOk, setUpWorkbook } from '../../support/workbook';

test('one submission: ≤ 8 Spreadsheet calls, the same at 100 and 5,000 rows, no whole-column read', async () => {
  const wb = await setUpWorkbook({ staff: false });
  try {
    const first = (await wb.submit()).executions[0]!;
    expectOk(first);
    // Right after setup: setup left the Settings/Staff snapshot and the change-log tail warm.
    expect(spreadsheetCalls(first.stats)).toBeLessThanOrEqual(8);

    const measure = async (rows: number) => {
      const register = wb.sheet(SHEET_NAMES.register);
      const template = register.readValues(2, 1, 1, register.maxColumns)[0]!;
      const have = register.lastRow() - 1;
      if (rows > have)
        register.writeValues(
          register.lastRow() + 1,
          1,
          Array.from({ length: rows - have }, () => [...template]),
        );
      const record = (await wb.submit({ description: `At ${rows} rows` })).executions[0]!;
      expectOk(record);
      return record.stats;
    };
    const small = await measure(100);
    const large = await measure(5_000);
    expect(spreadsheetCalls(large)).toBe(spreadsheetCalls(small));
    expect(spreadsheetCalls(large)).toBeLessThanOrEqual(8);
    expect(large.calls).toEqual(small.calls);
    // Header row + one new row + a few tail cells: nothing proportional to the register.
    expect(large.cellsRead).toBe(small.cellsRead);
    expect(large.cellsRead).toBeLessThan(500);
  } finally {
    await wb.close();
  }
});
