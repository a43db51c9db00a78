/**
 * A report tab's name can be taken before the first build: a technician adds a tab named like a
 * report (any editor may add tabs) and types figures into it. Build reports must then protect that
 * tab as it would one it made, before writing the report into it, through dist/Code.js; and it
 * records the tabs it protected, so later builds protect nothing again.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { COST_TAB } from '../../../src/core/reports/cost';
import { PROPERTY_KEYS } from '../../../src/server/adapters/document-properties';
import { MANAGER, TECH, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { assignedOrder } from '../../support/edits';

let wb: TestWorkbook;
beforeAll(async () => {
  wb = await setUpWorkbook();
  await assignedOrder(wb, TECH);
});
afterAll(() => wb.close());

async function canType(user: string, sheet: string): Promise<boolean> {
  try {
    await wb.edit(user, sheet, 5, 2, [['0 h']]);
    return true;
  } catch (error) {
    if (/protected cell/.test(String(error))) return false;
    throw error;
  }
}

test('a report tab a technician made before the first build is protected by that build', async () => {
  // The technician adds the tabs by hand (Sheets' "+" button) and fills in figures of their own.
  for (const name of [SHEET_NAMES.reportSummary, COST_TAB]) {
    wb.model.insertSheetModel(name);
    expect(await canType(TECH, name)).toBe(true);
  }
  expectOk(await wb.menu(MANAGER, 'buildReports'));
  for (const name of [SHEET_NAMES.reportSummary, COST_TAB]) {
    // The report replaced the typed figure, and the technician can no longer type there.
    expect(wb.sheet(name).valueAt(5, 2)).not.toBe('0 h');
    expect([name, await canType(TECH, name)]).toEqual([name, false]);
    expect([name, await canType(MANAGER, name)]).toEqual([name, true]);
  }
  const recorded = JSON.parse(
    String(wb.rt.world.properties.document(wb.ssId).get(PROPERTY_KEYS.reportTabIds)),
  );
  expect(recorded).toEqual(
    expect.arrayContaining(
      [SHEET_NAMES.reportSummary, COST_TAB].map((name) => wb.model.requireSheet(name).sheetId),
    ),
  );
});

test('a rebuild protects nothing again (the record says which tabs are already protected)', async () => {
  const before = wb.rt.world.properties.document(wb.ssId).get(PROPERTY_KEYS.reportTabIds);
  const protections = wb.model.requireSheet(COST_TAB).protections.length;
  expectOk(await wb.menu(MANAGER, 'buildReports'));
  expect(wb.rt.world.properties.document(wb.ssId).get(PROPERTY_KEYS.reportTabIds)).toBe(before);
  expect(wb.model.requireSheet(COST_TAB).protections.length).toBe(protections);
  expect(await canType(TECH, COST_TAB)).toBe(false);
});
