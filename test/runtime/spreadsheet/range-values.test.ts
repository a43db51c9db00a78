/**
 * Conformance: Range coordinates, A1 notation, values and Google's errors, through the sandbox
 * (LocalAppsScript.fromSource). Each title names the reference behaviour it checks
 * (developers.google.com/apps-script/reference/spreadsheet/range and /sheet). What a range holds
 * besides values (formulas, notes, formats) is in range-contents.test.ts.
 */
import type { LocalAppsScript } from '../../../runtime';
import { errorOf, project, value } from './helpers';

const SOURCE = String.raw`
function sheet() { return SpreadsheetApp.getActive().getSheetByName('Sheet1'); }

function coordinates() {
  var s = sheet();
  var r = s.getRange(2, 3, 4, 5);
  return [r.getRow(), r.getColumn(), r.getNumRows(), r.getNumColumns(), r.getLastRow(), r.getLastColumn(), r.getA1Notation(),
    s.getRange(7, 1).getA1Notation(), s.getRange(1, 26, 2).getA1Notation()];
}

function a1Forms() {
  var s = sheet();
  var ss = SpreadsheetApp.getActive();
  ss.insertSheet('My tab');
  function dims(r) { return [r.getSheet().getName(), r.getRow(), r.getColumn(), r.getNumRows(), r.getNumColumns()]; }
  return [dims(s.getRange('A1')), dims(s.getRange('b2:c3')), dims(s.getRange('A:A')), dims(s.getRange('2:2')),
    dims(s.getRange('A2:C')), dims(s.getRange('$B$2:$C$3')), dims(ss.getRange("'My tab'!A1:B2")), dims(s.getRange('C3:A1')),
    dims(ss.getRange('Sheet1!D4'))];
}

function valuesRoundTrip() {
  var s = sheet();
  var d = new Date(Date.UTC(2026, 2, 1, 14, 30, 0));
  s.getRange('A1:D2').setValues([[1, 'text', true, d], [null, undefined, 2.5, '']]);
  var v = s.getRange('A1:D2').getValues();
  return [v, v[0][3] instanceof Date, v[0][3].getTime() === d.getTime(), s.getRange('A1').getValue(), s.getRange('B2').getValue()];
}

function stringsParseLikeTypedInput() {
  var s = sheet();
  s.getRange('A1:A11').setValues([['123'], ['TRUE'], ['false'], ['2026-03-01'], ['3/1/2026'], ["'123"], ['=SUM(B1:B2)'],
    ['-abc'], ['+1'], ['1,234.5'], ['50%']]);
  var v = s.getRange('A1:A11').getValues().map(function (r) { return r[0] instanceof Date ? 'Date:' + r[0].toISOString() : r[0]; });
  var f = s.getRange('A1:A11').getFormulas().map(function (r) { return r[0]; });
  return [v, f];
}

function setValueFillsRange() {
  var r = sheet().getRange('B2:C3');
  r.setValue('x');
  return r.getValues();
}

function displayValues() {
  var s = sheet();
  var d = new Date(Date.UTC(2026, 2, 1, 14, 5, 9));
  s.getRange('A1:H1').setValues([[d, d, d, 1234.5, 0.256, 42, d, 'plain']]);
  s.getRange('B1').setNumberFormat('yyyy-mm-dd');
  s.getRange('C1').setNumberFormat('yyyy-mm-dd hh:mm');
  s.getRange('D1').setNumberFormat('#,##0.00');
  s.getRange('E1').setNumberFormat('0%');
  s.getRange('F1').setNumberFormat('0.00');
  s.getRange('G1').setNumberFormat('m/d/yyyy');
  s.getRange('H1').setNumberFormat('@');
  return [s.getRange('A1:H1').getDisplayValues()[0], s.getRange('A1').getDisplayValue(), s.getRange('I1').getDisplayValue()];
}

function plainTextKeepsStrings() {
  var s = sheet();
  s.getRange('A1').setNumberFormat('@').setValue('00123');
  s.getRange('A2').setValue('00123');
  return [s.getRange('A1').getValue(), s.getRange('A2').getValue()];
}

function rowsMismatch() { sheet().getRange('A1:B2').setValues([[1, 2]]); }
function columnsMismatch() { sheet().getRange('A1:B2').setValues([[1, 2], [3]]); }
function notTwoDimensional() { sheet().getRange('A1:B1').setValues([1, 2]); }
function oneDimensional(row) { sheet().getRange(1, 1, 1, row.length).setValues(row); }
function outside() { sheet().getRange(1001, 1); }
function outsideWide() { sheet().getRange(1, 1, 1, 27); }
function rowZero() { sheet().getRange(0, 1); }
function columnZero() { sheet().getRange(1, 0); }
function zeroRows() { sheet().getRange(1, 1, 0, 1); }
function zeroColumns() { sheet().getRange(1, 1, 1, 0); }
function badA1() { sheet().getRange('not a range'); }
function unknownTab() { SpreadsheetApp.getActive().getRange('Nope!A1'); }
function tooLong() { sheet().getRange('A1').setValue(new Array(50002).join('x')); }
function tooLongOk() { sheet().getRange('A1').setValue(new Array(50001).join('x')); return sheet().getRange('A1').getValue().length; }

function counts() {
  var s = sheet();
  s.getRange(1, 1, 2, 3).getValues();
  s.getRange(1, 1, 2, 3).setValues([[1, 2, 3], [4, 5, 6]]);
  s.getRange('A1').getValue();
  s.appendRow([1, 2]);
}

function offsetsAndCells() {
  var r = sheet().getRange('B2:D4');
  var o = r.offset(1, 1);
  var o2 = r.offset(0, 0, 1, 1);
  var c = r.getCell(2, 3);
  return [o.getA1Notation(), o2.getA1Notation(), c.getA1Notation()];
}
function cellOutOfRange() { sheet().getRange('B2:D4').getCell(4, 1); }
`;

describe('Range values and A1 notation', () => {
  let rt: LocalAppsScript;
  let fresh: () => string;
  beforeAll(() => {
    const p = project(SOURCE, 'America/New_York');
    rt = p.rt;
    fresh = () => rt.world.spreadsheets.create('T', 'owner@example.com').id;
  });
  afterAll(() => rt.close());

  test('Range.getRow/getColumn/getNumRows/getNumColumns/getLastRow/getLastColumn/getA1Notation are 1-based', async () => {
    expect(await value(rt, 'coordinates', fresh())).toEqual([2, 3, 4, 5, 5, 7, 'C2:G5', 'A7', 'Z1:Z2']);
  });

  test('Sheet.getRange(a1) accepts A1, A1:C3, A:A, 2:2, A2:C, $A$1, quoted sheet names; corners are ordered', async () => {
    expect(await value(rt, 'a1Forms', fresh())).toEqual([
      ['Sheet1', 1, 1, 1, 1],
      ['Sheet1', 2, 2, 2, 2],
      ['Sheet1', 1, 1, 1000, 1],
      ['Sheet1', 2, 1, 1, 26],
      ['Sheet1', 2, 1, 999, 3],
      ['Sheet1', 2, 2, 2, 2],
      ['My tab', 1, 1, 2, 2],
      ['Sheet1', 1, 1, 3, 3],
      ['Sheet1', 4, 4, 1, 1],
    ]);
  });

  test('Range.getValues returns numbers, strings, booleans, Dates and "" for empty (null/undefined write "")', async () => {
    const [values, isDate, sameTime, first, empty] = (await value(
      rt,
      'valuesRoundTrip',
      fresh(),
    )) as unknown[];
    expect(values).toEqual([
      [1, 'text', true, new Date(Date.UTC(2026, 2, 1, 14, 30))],
      ['', '', 2.5, ''],
    ]);
    expect([isDate, sameTime, first, empty]).toEqual([true, true, 1, '']);
  });

  test('Range.setValues parses strings as typed input: numbers, booleans, dates, apostrophe, formulas, +/- text', async () => {
    const [values, formulas] = (await value(rt, 'stringsParseLikeTypedInput', fresh())) as unknown[][];
    expect(values).toEqual([
      123,
      true,
      false,
      // Midnight in the spreadsheet's time zone (America/New_York, EST).
      'Date:2026-03-01T05:00:00.000Z',
      'Date:2026-03-01T05:00:00.000Z',
      '123',
      // Formulas read as their values: =SUM(B1:B2) of blanks is 0, =-abc an unknown name (#NAME?).
      0,
      '#NAME?',
      1,
      1234.5,
      0.5,
    ]);
    expect(formulas).toEqual(['', '', '', '', '', '', '=SUM(B1:B2)', '=-abc', '', '', '']);
  });

  test('Range.setValue sets every cell of the range', async () => {
    expect(await value(rt, 'setValueFillsRange', fresh())).toEqual([
      ['x', 'x'],
      ['x', 'x'],
    ]);
  });

  test('Range.getDisplayValues formats by number format in the spreadsheet time zone', async () => {
    expect(await value(rt, 'displayValues', fresh())).toEqual([
      ['3/1/2026 9:05:09', '2026-03-01', '2026-03-01 09:05', '1,234.50', '26%', '42.00', '3/1/2026', 'plain'],
      '3/1/2026 9:05:09',
      '',
    ]);
  });

  test('a cell formatted as plain text (@) keeps "00123" as text; otherwise it becomes the number 123', async () => {
    expect(await value(rt, 'plainTextKeepsStrings', fresh())).toEqual(['00123', 123]);
  });

  test("Range.setValues: Google's row and column mismatch messages, signature error for a 1-D array", async () => {
    expect(await errorOf(rt, 'rowsMismatch', fresh())).toBe(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(await errorOf(rt, 'columnsMismatch', fresh())).toBe(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
    expect(await errorOf(rt, 'notTwoDimensional', fresh())).toMatch(
      /don't match the method signature for SpreadsheetApp.Range.setValues/,
    );
    // A one-dimensional row is named by its elements' type, as live Apps Script does ("(number[])").
    const oneDimensional = (row: unknown[]) => errorOf(rt, 'oneDimensional', fresh(), { args: [row] });
    const signature = (kind: string) =>
      `The parameters (${kind}) don't match the method signature for SpreadsheetApp.Range.setValues.`;
    expect(await oneDimensional([1, 2, 3])).toBe(signature('number[]'));
    expect(await oneDimensional(['a', 'b'])).toBe(signature('String[]'));
    expect(await oneDimensional([1, 'b', true])).toBe(signature('Object[]'));
  });

  test("Sheet.getRange: Google's messages for out-of-bounds, too-small starts, empty sizes, bad A1, unknown tabs", async () => {
    const id = fresh();
    expect(await errorOf(rt, 'outside', id)).toBe(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(await errorOf(rt, 'outsideWide', id)).toBe(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(await errorOf(rt, 'rowZero', id)).toBe('The starting row of the range is too small.');
    expect(await errorOf(rt, 'columnZero', id)).toBe('The starting column of the range is too small.');
    expect(await errorOf(rt, 'zeroRows', id)).toBe('The number of rows in the range must be at least 1.');
    expect(await errorOf(rt, 'zeroColumns', id)).toBe(
      'The number of columns in the range must be at least 1.',
    );
    expect(await errorOf(rt, 'badA1', id)).toBe('Range not found');
    expect(await errorOf(rt, 'unknownTab', id)).toBe('Range not found');
  });

  test("a cell over 50,000 characters is refused with Google's message; exactly 50,000 is fine", async () => {
    const id = fresh();
    expect(await errorOf(rt, 'tooLong', id)).toBe(
      'Your input contains more than the maximum of 50000 characters in a single cell.',
    );
    expect(await value(rt, 'tooLongOk', id)).toBe(50000);
  });

  test('cells read and written are counted (a 2×3 getValues reads 6)', async () => {
    const r = await rt.run('counts', { user: 'owner@example.com', spreadsheetId: fresh() });
    expect(r.ok).toBe(true);
    expect(r.stats.cellsRead).toBe(7);
    expect(r.stats.cellsWritten).toBe(8);
    expect(r.stats.calls['Range.getValues']).toBe(1);
  });

  test('Range.offset and Range.getCell (relative, 1-based; "Cell reference out of range")', async () => {
    expect(await value(rt, 'offsetsAndCells', fresh())).toEqual(['C3:E5', 'B2', 'D3']);
    expect(await errorOf(rt, 'cellOutOfRange', fresh())).toBe('Cell reference out of range');
  });
});
