/**
 * Rows, columns and counts are Java `int` parameters in Apps Script: a JavaScript number with a
 * fraction reaches the method with the fraction dropped toward zero (Java's narrowing conversion),
 * so no range or grid change ever sits at "row 2.7".
 */
import { project, value } from './helpers';

const { rt, id } = project(`
function fractional() {
  var sheet = SpreadsheetApp.getActiveSheet();
  var range = sheet.getRange(2.7, 1.9, 1.5, 2.2);
  var out = {
    range: range.getA1Notation(),
    size: [range.getNumRows(), range.getNumColumns()],
    cell: sheet.getRange('B2:D4').getCell(2.9, 1.2).getA1Notation(),
    offset: sheet.getRange('B2').offset(1.8, 0.6, 2.5).getA1Notation(),
  };
  var rows = sheet.getMaxRows();
  sheet.insertRowsAfter(1.5, 2.9);
  out.inserted = sheet.getMaxRows() - rows;
  sheet.deleteRows(1.2, 1.7);
  out.deleted = rows + 2 - sheet.getMaxRows();
  sheet.setFrozenRows(1.9);
  out.frozen = sheet.getFrozenRows();
  return out;
}
`);

test('a fractional row, column or count is cut toward zero, never kept', async () => {
  expect(await value(rt, 'fractional', id)).toEqual({
    range: 'A2:B2',
    size: [1, 2],
    cell: 'B3',
    offset: 'B3:B4',
    inserted: 2,
    deleted: 1,
    frozen: 1,
  });
});
