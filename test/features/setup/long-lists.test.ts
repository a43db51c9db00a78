/**
 * Settings with more than 500 locations (or categories, priorities, technicians): Sheets refuses a
 * drop-down typed as a list of more than 500 items ("The data validation rule has more items than the
 * limit of 500. Use the "List from a range" criteria instead."; test/runtime/spreadsheet/
 * validation-list-limit.test.ts). Setup must still finish, and the edit trigger still judges the column.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { ADMIN, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { forgetRememberedState } from '../../support/caches';

let wb: TestWorkbook;
beforeAll(async () => {
  wb = await setUpWorkbook();
});
afterAll(() => wb.close());

const LOCATIONS = Array.from({ length: 620 }, (_, i) => `Room ${i + 1}`);

test('setup finishes with 620 locations; the Assets location column is left without a list', async () => {
  const settings = wb.sheet(SHEET_NAMES.settings);
  const header = (wb.values(SHEET_NAMES.settings)[0] ?? []).indexOf('Location') + 1;
  expect(header).toBeGreaterThan(0);
  // Typed by the administrator in one paste (Sheets grows the tab for it).
  settings.writeValues(
    2,
    header,
    LOCATIONS.map((l) => [l]),
  );
  forgetRememberedState(wb.rt.world, wb.ssId);
  expectOk(await wb.menu(ADMIN, 'setUpWorkOrders'));

  const assets = wb.sheet(SHEET_NAMES.assets);
  const location = (wb.values(SHEET_NAMES.assets)[0] ?? []).indexOf('Location') + 1;
  const category = (wb.values(SHEET_NAMES.assets)[0] ?? []).indexOf('Category') + 1;
  expect(assets.validationAt(2, location)).toBeNull();
  // The other columns keep their drop-downs.
  expect(assets.validationAt(2, category)?.criteria).toBe('VALUE_IN_LIST');

  // The edit trigger still holds the column to the whole list: the 610th location is accepted, an
  // unknown one put back with a note.
  const typed = await wb.edit(ADMIN, SHEET_NAMES.assets, 2, 1, [
    ['PUMP-01', 'Boiler feed pump', 'Room 610', 'Plumbing', 'High', 'TRUE'],
    ['PUMP-02', 'Spare pump', 'Nowhere', 'Plumbing', 'High', 'TRUE'],
  ]);
  typed.executions.forEach(expectOk);
  const rows = wb.values(SHEET_NAMES.assets);
  expect(rows[1]?.[location - 1]).toBe('Room 610');
  expect(rows[2]?.[location - 1] ?? '').toBe('');
  const note = assets.readNotes({ row: 3, column: 1, numRows: 1, numColumns: 1 })[0]?.[0] ?? '';
  expect(note).toMatch(/Nowhere/);
});
