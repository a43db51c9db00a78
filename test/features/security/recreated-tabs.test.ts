/**
 * A technician must be able to write the tabs their sidebar writes (the Time, Parts Used and Checklist
 * Items records, the Errors tab, the Outbox), so Sheets also lets them delete those tabs. Whoever makes
 * such a tab again may not protect it: the add-on protects a tab it makes as it makes it (as whoever
 * records next), and the hourly job notices a protected tab under a new sheet id (one made by hand)
 * and protects it within the hour.
 */
import { TIME_SHEET } from '../../../src/core/labour';
import { SHEET_NAMES } from '../../../src/core/model';
import { userDeleteSheet } from '../../../runtime/host/spreadsheet/protection-model';
import { STRANGER, TECH, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { runHourly } from '../../support/ops';
import { assignedOrders } from '../my-work/helpers';
import { record } from '../checklists/helpers';

let wb: TestWorkbook;
let id: string;
const today = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  wb = await setUpWorkbook();
  [id] = (await assignedOrders(wb, [TECH])) as [string];
  expect(await record(wb, TECH, { kind: 'time', id, date: today, hours: 1 })).toMatchObject({ ok: true });
  expectOk((await runHourly(wb))[0]!);
});
afterAll(() => wb.close());

async function canType(user: string, tab: string): Promise<boolean> {
  try {
    await wb.edit(user, tab, 1, 1, [[String(wb.sheet(tab).valueAt(1, 1) ?? '')]]);
    return true;
  } catch (error) {
    if (/protected cell/.test(String(error))) return false;
    throw error;
  }
}

test('the Time tab deleted by a technician is protected again by their next record, which makes it, before its row is written', async () => {
  expect(await canType(STRANGER, TIME_SHEET)).toBe(false);
  userDeleteSheet(wb.model, TIME_SHEET, TECH);
  expect(await record(wb, TECH, { kind: 'time', id, date: today, hours: 2 })).toMatchObject({ ok: true });
  expect(wb.model.sheetModel(TIME_SHEET)).toBeTruthy();
  expect(await canType(STRANGER, TIME_SHEET)).toBe(false);
  expect(await canType(TECH, TIME_SHEET)).toBe(true);
});

test('the Errors tab deleted by a technician is protected again by the next error report, which makes it', async () => {
  const other = await setUpWorkbook();
  try {
    userDeleteSheet(other.model, SHEET_NAMES.errors, TECH);
    // A failure to report: the register gone (the form submission then stops with "sheet is missing").
    other.model.deleteSheetModel(SHEET_NAMES.register);
    expect((await other.submit({ description: 'A loose tile' })).executions[0]!.ok).toBe(false);
    expect(other.model.sheetModel(SHEET_NAMES.errors)).toBeTruthy();
    await expect(other.edit(STRANGER, SHEET_NAMES.errors, 1, 1, [['x']])).rejects.toThrow(/protected cell/);
  } finally {
    await other.close();
  }
});

test('a tab made by hand under a protected name after the original was deleted: protected by the next hourly run (its editors, not its maker, decide)', async () => {
  userDeleteSheet(wb.model, SHEET_NAMES.errors, TECH);
  wb.model.insertSheetModel(SHEET_NAMES.errors);
  expect(await canType(STRANGER, SHEET_NAMES.errors)).toBe(true);
  expectOk((await runHourly(wb))[0]!);
  expect(await canType(STRANGER, SHEET_NAMES.errors)).toBe(false);
});

test("nothing deleted: a run reads no tab's protection (the tabs listed once, their ids compared)", async () => {
  const protectedTabs = wb.model
    .sheetModels()
    .filter((s) => s.protections.some((p) => !p.removed && !p.rect));
  expect(protectedTabs.length).toBeGreaterThan(10);
  const reads = async () => {
    const [run] = await runHourly(wb);
    expectOk(run!);
    return run!.stats.calls['Sheet.getProtections'] ?? 0;
  };
  const routine = await reads();
  // What the rest of the job reads (the Staff tab's, the register's columns), not one per tab.
  expect(routine).toBeLessThan(protectedTabs.length);
  expect(await reads()).toBe(routine);
});
