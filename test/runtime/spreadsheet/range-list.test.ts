/**
 * Conformance: Sheet.getRangeList and RangeList, through the sandbox.
 * Source: developers.google.com/apps-script/reference/spreadsheet/sheet#getRangeList(String) ("a
 * non-empty list of A1 notations or range names" of the same sheet) and …/spreadsheet/range-list (each
 * method does to every range of the list what the Range method of that name does, returning the list
 * for chaining). A method of the reference this runtime does not implement throws "not implemented".
 */
import type { LocalAppsScript } from '../../../runtime';
import { OWNER, errorOf, project, value } from './helpers';

const OTHER = 'other@example.com';

const SOURCE = String.raw`
function sheet() { return SpreadsheetApp.getActive().getSheetByName('Sheet1'); }

function writeMany() {
  var list = sheet().getRangeList(['A1', 'C2:D3', 'F5']);
  var same = list.setValue('x').setNote('why').setFontWeight('bold').setBackground('#ffff00').setNumberFormat('0.00');
  return [same === list, list.getRanges().map(function (r) { return r.getA1Notation(); }),
    sheet().getRange('A1:F5').getValues().map(function (row) { return row.join('|'); }),
    sheet().getRange('C2:D3').getNotes(), sheet().getRange('F5').getFontWeight(), sheet().getRange('D3').getBackground(),
    sheet().getRange('B1').getNote(), sheet().getRange('A1').getNumberFormat()];
}
function clearMany() {
  var s = sheet();
  s.getRange('A1:C2').setValues([[1, 2, 3], [4, 5, 6]]);
  s.getRange('A1:C2').setNotes([['n', 'n', 'n'], ['n', 'n', 'n']]);
  s.getRangeList(['A1', 'C2']).clearContent();
  s.getRangeList(['B1']).clearNote();
  s.getRangeList(['B2']).clear();
  return [s.getRange('A1:C2').getValues(), s.getRange('A1:C2').getNotes()];
}
function emptyList() { sheet().getRangeList([]); }
function badNotation() { sheet().getRangeList(['A1', 'not a range']); }
function badArgument() { sheet().getRangeList(['A1']).setValue(); }
function unimplemented() { sheet().getRangeList(['A1']).trimWhitespace(); }
function protectC3() {
  var p = sheet().getRange('C3').protect();
  p.removeEditors(p.getEditors());
}
function writeAroundProtection() { sheet().getRangeList(['A1', 'C3']).setValue('forged'); }
function a1() { return sheet().getRange('A1').getValue(); }
`;

describe('Sheet.getRangeList and RangeList', () => {
  let rt: LocalAppsScript;
  beforeAll(() => {
    rt = project(SOURCE).rt;
  });
  const fresh = () => rt.world.spreadsheets.create('T', OWNER).id;

  test('one call sets a value, note and formats on every range of the list and returns the list', async () => {
    const id = fresh();
    expect(await value(rt, 'writeMany', id)).toEqual([
      true,
      ['A1', 'C2:D3', 'F5'],
      ['x|||||', '||x|x||', '||x|x||', '|||||', '|||||x'],
      [
        ['why', 'why'],
        ['why', 'why'],
      ],
      'bold',
      '#ffff00',
      '',
      '0.00',
    ]);
    // getRangeList builds references, as getRange does; setValue on the list is one write.
    const stats = rt.executions.at(-1)!.stats;
    expect(stats.calls['Sheet.getRangeList']).toBe(1);
    expect(stats.calls['RangeList.setValue']).toBe(1);
  });

  test('clearContent, clearNote and clear act on each range only', async () => {
    expect(await value(rt, 'clearMany', fresh())).toEqual([
      [
        ['', 2, 3],
        [4, '', ''],
      ],
      [
        ['n', '', 'n'],
        ['n', 'n', 'n'],
      ],
    ]);
  });

  test('bad input: an empty list, a notation Sheets rejects, a missing argument, a method not implemented', async () => {
    const id = fresh();
    expect(await errorOf(rt, 'emptyList', id)).toBe(
      'Invalid argument: a1Notations. The list of ranges must not be empty.',
    );
    expect(await errorOf(rt, 'badNotation', id)).toBe('Range not found');
    expect(await errorOf(rt, 'badArgument', id)).toBe(
      "The parameters () don't match the method signature for SpreadsheetApp.RangeList.setValue.",
    );
    expect(await errorOf(rt, 'unimplemented', id)).toBe(
      'not implemented in the local runtime: RangeList.trimWhitespace',
    );
  });

  test('a list with a protected range changes none of its ranges for someone who may not edit it', async () => {
    const id = fresh();
    await value(rt, 'protectC3', id);
    expect(await errorOf(rt, 'writeAroundProtection', id, { user: OTHER })).toBe(
      'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
    );
    expect(await value(rt, 'a1', id)).toBe('');
  });
});
