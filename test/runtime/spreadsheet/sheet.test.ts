/**
 * Conformance: Sheet methods through the sandbox. Titles name the reference behaviour
 * (developers.google.com/apps-script/reference/spreadsheet/sheet).
 */
import type { LocalAppsScript } from '../../../runtime';
import { OWNER, errorOf, project, value } from './helpers';

const SOURCE = String.raw`
function sheet() { return SpreadsheetApp.getActive().getSheetByName('Sheet1'); }

function identity() {
  var ss = SpreadsheetApp.getActive();
  var s = sheet();
  var second = ss.insertSheet('Second');
  s.setName('Renamed');
  return [s.getName(), s.getSheetId(), s.getIndex(), second.getIndex(), s.getParent().getId() === ss.getId(),
    s.getMaxRows(), s.getMaxColumns(), s.getFormUrl(), ss.getSheetByName('Renamed').getSheetId() === s.getSheetId()];
}
function renameClash() { SpreadsheetApp.getActive().insertSheet('Other'); sheet().setName('other'); }

function extent() {
  var s = sheet();
  var empty = [s.getLastRow(), s.getLastColumn(), s.getDataRange().getA1Notation()];
  s.getRange('C5').setValue('x');
  s.getRange('B7').setFormula('=1');
  return [empty, s.getLastRow(), s.getLastColumn(), s.getDataRange().getA1Notation()];
}

function appendGrows() {
  var s = sheet();
  s.getRange(1000, 1).setValue('last');
  s.appendRow(['a', '=A1', '2026-03-01', 5]);
  var row = s.getRange(1001, 1, 1, 4);
  return [s.getMaxRows(), s.getLastRow(), row.getValues()[0].map(String), row.getFormulas()[0]];
}

function appendAfterData() {
  var s = sheet();
  s.getRange('A1:B1').setValues([['h1', 'h2']]);
  s.appendRow(['x']);
  s.appendRow(['y', 'z']);
  return s.getDataRange().getValues();
}

function insertAndDelete() {
  var s = sheet();
  s.getRange('A1:A4').setValues([['1'], ['2'], ['3'], ['4']]);
  s.getRange('A3').setNote('three');
  s.insertRowsAfter(1, 2);
  var afterInsert = s.getRange('A1:A6').getValues().map(function (r) { return r[0]; });
  var noteMoved = s.getRange('A5').getNote();
  s.deleteRows(2, 2);
  s.insertRowBefore(1);
  s.deleteRow(1);
  s.insertRows(2);
  s.insertRowAfter(1);
  s.deleteRows(2, 2);
  s.insertColumnsBefore(1, 2);
  s.insertColumnAfter(3);
  s.insertColumns(1);
  s.deleteColumns(1, 3);
  s.deleteColumn(2);
  s.insertColumnBefore(1);
  s.deleteColumn(1);
  s.insertColumnsAfter(1, 1);
  s.deleteColumn(2);
  return [afterInsert, noteMoved, s.getRange('A1:A4').getValues().map(function (r) { return r[0]; }), s.getMaxRows(), s.getMaxColumns()];
}
function deleteBeyond() { sheet().deleteRows(999, 5); }
function deleteAllRows() { sheet().setFrozenRows(1); sheet().deleteRows(2, 999); }
function insertAfterBeyond() { sheet().insertRowsAfter(1001, 1); }
function deleteColumnsBeyond() { sheet().deleteColumns(26, 2); }

function freezing() {
  var s = sheet();
  s.setFrozenRows(2);
  s.setFrozenColumns(1);
  return [s.getFrozenRows(), s.getFrozenColumns()];
}

function clearing() {
  var s = sheet();
  s.getRange('A1:B2').setValues([[1, 2], [3, 4]]).setFontWeight('bold').setNote('n');
  s.clearContents();
  var a = [s.getLastRow(), s.getRange('A1').getFontWeight(), s.getRange('A1').getNote()];
  s.clearFormats();
  var b = s.getRange('A1').getFontWeight();
  s.clearNotes();
  var c = s.getRange('A1').getNote();
  s.getRange('A1').setValue(1).setFontWeight('bold');
  s.clear();
  return [a, b, c, s.getLastRow(), s.getRange('A1').getFontWeight()];
}

function hiding() {
  var ss = SpreadsheetApp.getActive();
  var other = ss.insertSheet('Other');
  var s = sheet();
  s.hideSheet();
  var hidden = s.isSheetHidden();
  s.showSheet();
  s.setTabColor('#ff0000');
  var color = s.getTabColor();
  s.setTabColor(null);
  return [hidden, s.isSheetHidden(), color, s.getTabColor(), other.isSheetHidden()];
}
function hideLast() { sheet().hideSheet(); }

function activation() {
  var ss = SpreadsheetApp.getActive();
  var other = ss.insertSheet('Other');
  var afterInsert = ss.getActiveSheet().getName();
  sheet().activate();
  var afterActivate = ss.getActiveSheet().getName();
  ss.setActiveSheet(other);
  return [afterInsert, afterActivate, SpreadsheetApp.getActiveSheet().getName()];
}

function widths() {
  var s = sheet();
  s.getRange('A1:B2').setValues([['short', 'a much much longer piece of text'], ['', '']]);
  s.setColumnWidth(3, 250);
  s.autoResizeColumns(1, 2);
  s.setRowHeight(2, 40);
  return [s.getColumnWidth(3), s.getColumnWidth(1) < s.getColumnWidth(2), s.getColumnWidth(4), s.getRowHeight(2), s.getRowHeight(3)];
}

function validationFollowsInsertedRows() {
  var s = sheet();
  var rule = SpreadsheetApp.newDataValidation().requireValueInList(['Open', 'Closed']).setAllowInvalid(false).build();
  s.getRange('B2:B10').setDataValidation(rule);
  s.insertRowsBefore(2, 3);
  return [s.getRange('B2').getDataValidation() === null, s.getRange('B5').getDataValidation() !== null,
    s.getRange('B13').getDataValidation() !== null, s.getRange('B14').getDataValidation() === null];
}
`;

describe('Sheet', () => {
  let rt: LocalAppsScript;
  let fresh: () => string;
  beforeAll(() => {
    rt = project(SOURCE).rt;
    fresh = () => rt.world.spreadsheets.create('T', OWNER).id;
  });
  afterAll(() => rt.close());

  test('Sheet.getName/setName/getSheetId/getIndex/getParent/getMaxRows/getMaxColumns/getFormUrl', async () => {
    expect(await value(rt, 'identity', fresh())).toEqual(['Renamed', 0, 1, 2, true, 1000, 26, null, true]);
    expect(await errorOf(rt, 'renameClash', fresh())).toBe(
      'A sheet with the name "other" already exists. Please enter another name.',
    );
  });

  test('Sheet.getLastRow/getLastColumn/getDataRange follow values and formulas (A1 on an empty sheet)', async () => {
    expect(await value(rt, 'extent', fresh())).toEqual([[0, 0, 'A1'], 7, 3, 'A1:C7']);
  });

  test('Sheet.appendRow writes after the last row, parses strings, and grows a full sheet', async () => {
    const [maxRows, lastRow, values, formulas] = (await value(rt, 'appendGrows', fresh())) as unknown[];
    expect([maxRows, lastRow]).toEqual([1001, 1001]);
    expect((values as string[])[0]).toBe('a');
    expect((values as string[])[3]).toBe('5');
    expect(formulas).toEqual(['', '=A1', '', '']);
    expect(await value(rt, 'appendAfterData', fresh())).toEqual([
      ['h1', 'h2'],
      ['x', ''],
      ['y', 'z'],
    ]);
  });

  test('insertRows*/deleteRows/insertColumns*/deleteColumns shift cells and notes; sizes follow', async () => {
    expect(await value(rt, 'insertAndDelete', fresh())).toEqual([
      [1, '', '', 2, 3, 4],
      'three',
      [1, 2, 3, 4],
      1000,
      26,
    ]);
  });

  test("deleteRows/insertRowsAfter/deleteColumns: Google's out-of-bounds and non-frozen messages", async () => {
    expect(await errorOf(rt, 'deleteBeyond', fresh())).toBe('Those rows are out of bounds.');
    expect(await errorOf(rt, 'deleteAllRows', fresh())).toBe(
      'Sorry, it is not possible to delete all non-frozen rows.',
    );
    expect(await errorOf(rt, 'insertAfterBeyond', fresh())).toBe('Those rows are out of bounds.');
    expect(await errorOf(rt, 'deleteColumnsBeyond', fresh())).toBe('Those columns are out of bounds.');
  });

  test('setFrozenRows/getFrozenRows/setFrozenColumns/getFrozenColumns', async () => {
    expect(await value(rt, 'freezing', fresh())).toEqual([2, 1]);
  });

  test('Sheet.clearContents/clearFormats/clearNotes/clear', async () => {
    expect(await value(rt, 'clearing', fresh())).toEqual([[0, 'bold', 'n'], 'normal', '', 0, 'normal']);
  });

  test('hideSheet/showSheet/isSheetHidden/setTabColor; hiding the last visible sheet fails like Google', async () => {
    expect(await value(rt, 'hiding', fresh())).toEqual([true, false, '#ff0000', null, false]);
    expect(await errorOf(rt, 'hideLast', fresh())).toBe("You can't hide all the sheets in a document.");
  });

  test('insertSheet makes the new sheet active; Sheet.activate and setActiveSheet change it', async () => {
    expect(await value(rt, 'activation', fresh())).toEqual(['Other', 'Sheet1', 'Other']);
  });

  test('setColumnWidth/autoResizeColumns/getColumnWidth (default 100), setRowHeight/getRowHeight (default 21)', async () => {
    expect(await value(rt, 'widths', fresh())).toEqual([250, true, 100, 40, 21]);
  });

  test('data validation moves with inserted rows and grows when rows are inserted inside it', async () => {
    expect(await value(rt, 'validationFollowsInsertedRows', fresh())).toEqual([true, true, true, true]);
  });
});
