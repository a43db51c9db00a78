/**
 * The report tabs are what managers read, through dist/Code.js: a technician the figures measure
 * must not be able to type over them (SLA compliance, their own workload), nor delete or rename a tab
 * so that a decoy takes its place. Build reports protects each tab it writes for the roles the
 * permission table lets build reports; those roles still rebuild them, and the protection follows the
 * Staff tab (a manager added later can rebuild; one removed can no longer type there).
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { REPORT_TAB_NAMES } from '../../../src/core/reports';
import { COST_TAB } from '../../../src/core/reports/cost';
import { PERMISSIONS, rolesThatMay } from '../../../src/core/permissions';
import { userDeleteSheet, userRenameSheet } from '../../../runtime/host/spreadsheet/protection-model';
import {
  ADMIN,
  MANAGER,
  STRANGER,
  SUPERVISOR,
  TECH,
  TECH2,
  expectOk,
  setUpWorkbook,
  type TestWorkbook,
} from '../../support/workbook';
import { assignedOrder } from '../../support/edits';
import { runHourly } from '../../support/ops';

let wb: TestWorkbook;
beforeAll(async () => {
  wb = await setUpWorkbook();
  await assignedOrder(wb, TECH);
  expectOk(await wb.menu(MANAGER, 'buildReports'));
});
afterAll(() => wb.close());

async function canType(user: string, sheet: string, row: number, column: number): Promise<boolean> {
  try {
    await wb.edit(user, sheet, row, column, [['100%']]);
    return true;
  } catch (error) {
    if (/protected cell/.test(String(error))) return false;
    throw error;
  }
}

test('every role that may build reports may write the report tabs, and no other', () => {
  for (const role of rolesThatMay('buildReports')) expect(PERMISSIONS[role].areas).toContain('reports');
  expect(PERMISSIONS.Technician.areas).not.toContain('reports');
  expect(REPORT_TAB_NAMES).toEqual(
    expect.arrayContaining([SHEET_NAMES.reportSummary, SHEET_NAMES.reportTrends, COST_TAB]),
  );
});

test.each(REPORT_TAB_NAMES)(
  '%s: a technician cannot type over a figure; report builders can',
  async (tab) => {
    const figure = wb.sheet(tab).valueAt(5, 2);
    for (const user of [TECH, TECH2, STRANGER])
      expect([user, await canType(user, tab, 5, 2)]).toEqual([user, false]);
    expect(wb.sheet(tab).valueAt(5, 2)).toEqual(figure);
    for (const user of [MANAGER, SUPERVISOR, ADMIN])
      expect([user, await canType(user, tab, 5, 2)]).toEqual([user, true]);
  },
);

test('a technician can neither delete nor rename a report tab', () => {
  expect(() => userDeleteSheet(wb.model, SHEET_NAMES.reportSummary, TECH)).toThrow(/protected sheet/);
  expect(() => userRenameSheet(wb.model, SHEET_NAMES.reportSummary, 'Old summary', TECH)).toThrow(
    /protected sheet/,
  );
});

test('the builders rebuild them as before, and a manager added later can too', async () => {
  expectOk(await wb.menu(SUPERVISOR, 'buildReports'));
  expectOk(await wb.menu(ADMIN, 'buildReports'));
  const newcomer = 'nora.numbers@example.com';
  const staff = wb.sheet(SHEET_NAMES.staff);
  const row = staff.lastRow() + 1;
  expectOk(
    (await wb.edit(ADMIN, SHEET_NAMES.staff, row, 1, [[newcomer, 'Nora', 'Manager', 'TRUE']])).executions[0]!,
  );
  expectOk(await wb.menu(newcomer, 'buildReports'));
  expect(await canType(newcomer, SHEET_NAMES.reportSummary, 5, 2)).toBe(true);
  expectOk((await wb.edit(ADMIN, SHEET_NAMES.staff, row, 4, [['FALSE']])).executions[0]!);
  expect(await canType(newcomer, SHEET_NAMES.reportSummary, 5, 2)).toBe(false);
});

test('report tabs built before they were protected are protected by the next hourly run', async () => {
  const tab = wb.model.requireSheet(SHEET_NAMES.reportTrends);
  tab.protections = [];
  // The record of the editors the protections were last applied with, as an earlier version wrote it.
  const key = `wo.${wb.ssId}.protectedEditors`;
  const store = wb.rt.world.properties.user(ADMIN);
  store.set(key, String(store.get(key)).replace(/;reports=[^;]*/, ''));
  expect(await canType(TECH, SHEET_NAMES.reportTrends, 5, 2)).toBe(true);
  expectOk((await runHourly(wb))[0]!);
  expect(await canType(TECH, SHEET_NAMES.reportTrends, 5, 2)).toBe(false);
  expect(await canType(MANAGER, SHEET_NAMES.reportTrends, 5, 2)).toBe(true);
});
