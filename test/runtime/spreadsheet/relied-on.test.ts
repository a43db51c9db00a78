/**
 * Conformance of behaviours the add-on relies on, each after Google's reference:
 * - Sheet.getLastRow/getLastColumn/getDataRange: "the last row/column that has content": a background,
 *   a number format or a note alone is not content.
 * - Sheet.appendRow: "Appends a row to the bottom of the current data region": the row after the last
 *   one with content, so a protected last row does not stop it, and a protected row after it does
 *   (Google's "You are trying to edit a protected cell or object…").
 * - Range.setNotes: a null or '' entry clears that cell's note (as setNote(null) / setNote('') do).
 * - Range.getValues: "Number, Boolean, Date, or String"; an empty cell is ''.
 * - A date typed as text is read in the spreadsheet's time zone (Spreadsheet.getSpreadsheetTimeZone),
 *   whatever the script's.
 */
import { OWNER, errorOf, project, value } from './helpers';

const OTHER = 'other@example.com';

const SOURCE = String.raw`
function sheet() { return SpreadsheetApp.getActive().getSheets()[0]; }
function extent() {
  var s = sheet();
  s.getRange('A3').setValue('x');
  s.getRange('A10:C12').setBackground('#ff0000');
  s.getRange('B14').setNumberFormat('0.00');
  s.getRange('E16').setNote('a note only');
  return [s.getLastRow(), s.getLastColumn(), s.getDataRange().getA1Notation()];
}
function notes() {
  var r = sheet().getRange('A1:D1');
  r.setNotes([['a', 'b', 'c', 'd']]);
  r.setNotes([[null, '', 'kept', 'd']]);
  return r.getNotes();
}
function types() {
  var s = sheet();
  s.getRange('A1:E1').setValues([[new Date(Date.UTC(2024, 0, 2)), true, '', 0, 'text']]);
  return s.getRange('A1:F1').getValues()[0].map(function (v) {
    return Object.prototype.toString.call(v).slice(8, -1) + ' ' + (v instanceof Date ? v.toISOString() : String(v));
  });
}
function zone() {
  var ss = SpreadsheetApp.getActive();
  ss.setSpreadsheetTimeZone('America/New_York');
  sheet().getRange('A1:A2').setValues([['2024-01-02'], ['2024-01-02 13:30']]);
  return sheet().getRange('A1:A2').getValues().map(function (row) { return row[0].toISOString(); });
}
function protectRows() {
  var s = sheet();
  s.getRange('A1:A4').setValues([['h'], [1], [2], [3]]);
  var last = s.getRange('A4:C4').protect(); last.removeEditors(last.getEditors());
  var below = s.getRange('6:8').protect(); below.removeEditors(below.getEditors());
}
function append(v) { var s = sheet(); s.appendRow([v]); return s.getLastRow(); }
`;

describe('behaviours the add-on relies on', () => {
  const { rt } = project(SOURCE, 'Europe/Paris');
  const fresh = () => rt.world.spreadsheets.create('T', OWNER).id;

  test('formatting or a note alone is not content for getLastRow, getLastColumn, getDataRange', async () => {
    expect(await value(rt, 'extent', fresh())).toEqual([3, 1, 'A1:A3']);
  });

  test("setNotes clears a cell's note for null and ''", async () => {
    expect(await value(rt, 'notes', fresh())).toEqual([['', '', 'kept', 'd']]);
  });

  test('getValues gives Date, Boolean, Number and String, and an empty cell as ""', async () => {
    expect(await value(rt, 'types', fresh())).toEqual([
      'Date 2024-01-02T00:00:00.000Z',
      'Boolean true',
      'String ',
      'Number 0',
      'String text',
      'String ',
    ]);
  });

  test("a date typed as text is read in the spreadsheet's time zone, not the script's", async () => {
    expect(await value(rt, 'zone', fresh())).toEqual([
      '2024-01-02T05:00:00.000Z',
      '2024-01-02T18:30:00.000Z',
    ]);
  });

  test('appendRow writes below a protected last row, and is refused on a protected row', async () => {
    const id = fresh();
    await value(rt, 'protectRows', id);
    expect(await value(rt, 'append', id, { user: OTHER, args: ['a'] })).toBe(5);
    expect(await errorOf(rt, 'append', id, { user: OTHER, args: ['b'] })).toBe(
      'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
    );
    expect(await value(rt, 'append', id, { args: ['c'] })).toBe(6);
  });
});
