/**
 * One cell pasted into on the Assets, Schedules or Checklists tab, through dist/Code.js. Apps Script
 * gives a pasted cell's edit event a value but no oldValue (as it does a cell typed into when it was
 * empty), so the event does not say what the cell held: a refused paste must be put back from the tab's
 * accepted copy, never emptied as if the cell had been blank.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { scheduleRow } from '../../support/schedules';
import { ADMIN, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';

const ASSETS = SHEET_NAMES.assets;
const SCHEDULES = SHEET_NAMES.schedules;
let wb: TestWorkbook;

const paste = (sheetName: string, row: number, column: number, text: string) =>
  wb.rt.editCells({
    spreadsheetId: wb.ssId,
    sheetName,
    row,
    column,
    values: [[text]],
    user: ADMIN,
    paste: true,
  });

beforeAll(async () => {
  wb = await setUpWorkbook();
  (
    await wb.edit(ADMIN, ASSETS, 2, 1, [
      ['PUMP-01', 'Boiler feed pump', 'Main Building', 'Plumbing', 'High', 'TRUE'],
    ])
  ).executions.forEach(expectOk);
  (
    await wb.edit(ADMIN, SCHEDULES, 2, 1, [
      scheduleRow({
        id: 'PM-PUMP',
        task: 'Inspect the pump',
        asset: 'PUMP-01',
        category: 'Plumbing',
        nextDue: '2027-01-05',
      }),
    ])
  ).executions.forEach(expectOk);
}, 60_000);
afterAll(() => wb.close());

test('an Assets cell pasted over with a refused value gets its old value back, not an empty cell', async () => {
  (await paste(ASSETS, 2, 5, 'Catastrophic')).executions.forEach(expectOk);
  expect(wb.sheet(ASSETS).valueAt(2, 5)).toBe('High');
});

test('a Schedules cell pasted over with a refused value gets its old value back', async () => {
  const category = 5; // Schedules column order: ID, Task, Asset, Location, Category, …
  (await paste(SCHEDULES, 2, category, 'Nope')).executions.forEach(expectOk);
  expect(wb.sheet(SCHEDULES).valueAt(2, category)).toBe('Plumbing');
});
