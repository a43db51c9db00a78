/**
 * Conformance: a protection made from whole columns (`C:C`) or whole rows (`2:3`) is open-ended. The
 * Sheets API stores it as a GridRange without the other axis' indexes ("Missing indexes indicate the
 * range is unbounded on that side"), so rows (or columns) added later, at the bottom or the top, are
 * protected too, and deleting some of its rows never removes it; deleting its columns does.
 */
import { OWNER, errorOf, project, value } from './helpers';

const TECH = 'tech@example.com';

const SOURCE = String.raw`
function sheet() { return SpreadsheetApp.getActive().getSheetByName('Sheet1'); }
function restricted(a1) {
  var p = sheet().getRange(a1).protect();
  p.removeEditors(p.getEditors());
  return p;
}
function first() { return sheet().getProtections(SpreadsheetApp.ProtectionType.RANGE)[0]; }
function shape() {
  var ps = sheet().getProtections(SpreadsheetApp.ProtectionType.RANGE);
  if (ps.length === 0) return 'none';
  var r = ps[0].getRange();
  return [r.getA1Notation(), r.getRow(), r.getNumRows(), r.getColumn(), r.getNumColumns()];
}

function protectColumnThenGrow() {
  var s = sheet();
  restricted('C:C');
  s.insertRowsAfter(s.getMaxRows(), 10);
  s.insertRowsBefore(1, 2);
  return [shape(), s.getMaxRows()];
}
function protectRowsThenGrow() {
  var s = sheet();
  restricted('2:3');
  s.insertColumnsAfter(s.getMaxColumns(), 4);
  return [shape(), s.getMaxColumns()];
}
function appendPastTheEnd() {
  var s = sheet();
  s.getRange(s.getMaxRows(), 1).setValue('last');
  restricted('C:C');
  s.appendRow(['a', 'b']);
  return s.getMaxRows();
}
function write(a1) { sheet().getRange(a1).setValue('w'); return sheet().getRange(a1).getValue(); }
function deleteTopRows() { sheet().deleteRows(1, 500); return shape(); }
function deleteColumnC() { sheet().deleteColumn(3); return shape(); }
`;

describe('a whole-column or whole-row protection is open-ended', () => {
  test('C:C covers rows inserted at the bottom and the top; getRange answers C:C over every row', async () => {
    const { rt, id } = project(SOURCE);
    expect(await value(rt, 'protectColumnThenGrow', id)).toEqual([['C:C', 1, 1012, 3, 1], 1012]);
    const refused = await errorOf(rt, 'write', id, { user: TECH, args: ['C1012'] });
    expect(refused).toMatch(/protected/);
    expect(await errorOf(rt, 'write', id, { user: TECH, args: ['C1'] })).toMatch(/protected/);
    expect(await value(rt, 'write', id, { user: TECH, args: ['D1012'] })).toBe('w');
  });

  test('a row appended past the sheet end is inside a whole-column protection', async () => {
    const { rt, id } = project(SOURCE);
    expect(await value(rt, 'appendPastTheEnd', id)).toBe(1001);
    expect(await errorOf(rt, 'write', id, { user: TECH, args: ['C1001'] })).toMatch(/protected/);
  });

  test('2:3 covers columns added later', async () => {
    const { rt, id } = project(SOURCE);
    expect(await value(rt, 'protectRowsThenGrow', id)).toEqual([['2:3', 2, 2, 1, 30], 30]);
    expect(await errorOf(rt, 'write', id, { user: TECH, args: ['AD3'] })).toMatch(/protected/);
    expect(await value(rt, 'write', id, { user: TECH, args: ['AD4'] })).toBe('w');
  });

  test('deleting rows keeps a whole-column protection; deleting its column removes it', async () => {
    const { rt, id } = project(SOURCE);
    await value(rt, 'protectColumnThenGrow', id);
    expect(await value(rt, 'deleteTopRows', id, { user: OWNER })).toEqual(['C:C', 1, 512, 3, 1]);
    expect(await value(rt, 'deleteColumnC', id, { user: OWNER })).toBe('none');
  });
});
