/**
 * A sheet has at most 18,278 columns (A … ZZZ), whatever its cells: Google Sheets help, "Files you can
 * store in Google Drive" ("Up to 10 million cells or 18,278 columns (column ZZZ) for spreadsheets").
 * Google does not publish the error's text; the runtime's is in runtime/host/spreadsheet/errors.ts.
 */
import { errorOf, project, value } from './helpers';

const COLUMN_LIMIT =
  'This action would increase the number of columns in the sheet above the limit of 18278 columns.';

const SOURCE = String.raw`
function narrow() {
  var s = SpreadsheetApp.getActive().getSheets()[0];
  s.deleteRows(11, s.getMaxRows() - 10);
  return s;
}
function toZZZ() {
  var s = narrow();
  s.insertColumnsAfter(s.getMaxColumns(), 18278 - s.getMaxColumns());
  return [s.getMaxColumns(), s.getRange(1, 18278).getA1Notation()];
}
function oneMore() { SpreadsheetApp.getActive().getSheets()[0].insertColumnsAfter(1, 1); }
function oneBefore() { SpreadsheetApp.getActive().getSheets()[0].insertColumnBefore(1); }
function pastZZZ() { narrow().insertColumns(1, 18300); }
function columns() { return SpreadsheetApp.getActive().getSheets()[0].getMaxColumns(); }
`;

test('a sheet grows to 18,278 columns (ZZZ) and no further, even far below 10 million cells', async () => {
  const { rt, id } = project(SOURCE);
  expect(await value(rt, 'toZZZ', id)).toEqual([18278, 'ZZZ1']);
  expect(await errorOf(rt, 'oneMore', id)).toBe(COLUMN_LIMIT);
  expect(await errorOf(rt, 'oneBefore', id)).toBe(COLUMN_LIMIT);
  expect(await value(rt, 'columns', id)).toBe(18278);
  // 10 rows × 18,278 columns is 182,780 cells: the column limit, not the cell limit, stopped them.
  expect(rt.world.spreadsheets.require(id).totalCells()).toBe(182_780);
});

test('one insert past ZZZ is refused whole', async () => {
  const { rt, id } = project(SOURCE);
  expect(await errorOf(rt, 'pastZZZ', id)).toBe(COLUMN_LIMIT);
  expect(await value(rt, 'columns', id)).toBe(26);
});
