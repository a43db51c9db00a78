/**
 * Conformance: what a Range holds besides its values (blankness, formulas, notes, clearing, text and
 * number formats, activation), through the sandbox (LocalAppsScript.fromSource). Each title names the
 * reference behaviour it checks (developers.google.com/apps-script/reference/spreadsheet/range).
 */
import type { LocalAppsScript } from '../../../runtime';
import { project, value } from './helpers';

const SOURCE = String.raw`
function sheet() { return SpreadsheetApp.getActive().getSheetByName('Sheet1'); }

function blankness() {
  var s = sheet();
  s.getRange('B2').setValue('x');
  s.getRange('D4').setFormula('=1');
  return [s.getRange('A1:A5').isBlank(), s.getRange('A1:B2').isBlank(), s.getRange('D4').isBlank()];
}

function formulas() {
  var s = sheet();
  s.getRange('C1:C3').setFormula('=A1*$B$1');
  s.getRange('D1').setFormula('=SUM(A1:B2)&"A1"');
  s.getRange('E1:F1').setFormulas([['=1', '=2']]);
  s.getRange('C3').setValue(5);
  return [s.getRange('C1:C3').getFormulas(), s.getRange('D1').getFormula(), s.getRange('E1:F1').getFormulas(),
    s.getRange('C1').getValue(), s.getRange('A1').getFormula()];
}

function notes() {
  var s = sheet();
  s.getRange('A1').setNote('first');
  s.getRange('A2:B2').setNotes([['x', 'y']]);
  var before = s.getRange('A1:B2').getNotes();
  s.getRange('A2').clearNote();
  s.getRange('A1').setNote(null);
  return [before, s.getRange('A1:B2').getNotes(), s.getRange('B2').getNote()];
}

function numericNotes() {
  var s = sheet();
  s.getRange('A1:E1').setNotes([[25, 2.5, 1e7, 0.0001, 'text']]);
  s.getRange('F1').setNote(25);
  return s.getRange('A1:F1').getNotes()[0];
}

function clearing() {
  var s = sheet();
  var r = s.getRange('A1:B2');
  r.setValues([[1, 2], [3, 4]]).setNumberFormat('0.00').setFontWeight('bold').setNote('n');
  s.getRange('A1').clearContent();
  var afterContent = [s.getRange('A1').getValue(), s.getRange('A1').getNumberFormat(), s.getRange('A1').getFontWeight()];
  s.getRange('B1').clearFormat();
  var afterFormat = [s.getRange('B1').getValue(), s.getRange('B1').getNumberFormat(), s.getRange('B1').getFontWeight()];
  s.getRange('A2').clear();
  var afterClear = [s.getRange('A2').getValue(), s.getRange('A2').getFontWeight(), s.getRange('A2').getNote()];
  s.getRange('B2').clear({ commentsOnly: true });
  return [afterContent, afterFormat, afterClear, s.getRange('B2').getValue(), s.getRange('B2').getNote()];
}

function formats() {
  var r = sheet().getRange('A1:B1');
  r.setFontWeight('bold').setBackground('#ff0000').setFontColor('#00ff00').setWrap(true)
    .setHorizontalAlignment('center').setVerticalAlignment('middle').setFontSize(12).setFontStyle('italic');
  var fresh = sheet().getRange('C1');
  return [r.getFontWeight(), r.getBackground(), r.getFontColor(), r.getWrap(), r.getHorizontalAlignment(),
    r.getVerticalAlignment(), r.getFontSize(), r.getFontStyle(), r.getFontWeights(), r.getBackgrounds(),
    [fresh.getFontWeight(), fresh.getBackground(), fresh.getFontColor(), fresh.getWrap(), fresh.getNumberFormat()]];
}

function numberFormats() {
  var s = sheet();
  s.getRange('A1:B1').setNumberFormats([['0.0', 'yyyy']]);
  s.getRange('C1').setValue(new Date());
  return [s.getRange('A1:C1').getNumberFormats(), s.getRange('A1').getNumberFormat(), s.getRange('D1').getNumberFormat()];
}

function activation() {
  var r = sheet().getRange('B3:C4').activate();
  return [SpreadsheetApp.getActiveRange().getA1Notation(), SpreadsheetApp.getActive().getActiveCell().getA1Notation(),
    SpreadsheetApp.getCurrentCell().getA1Notation(), r.getA1Notation()];
}
`;

describe('Range formulas, notes and formats', () => {
  let rt: LocalAppsScript;
  let fresh: () => string;
  beforeAll(() => {
    const p = project(SOURCE, 'America/New_York');
    rt = p.rt;
    fresh = () => rt.world.spreadsheets.create('T', 'owner@example.com').id;
  });
  afterAll(() => rt.close());

  test('Range.isBlank: true only without values and formulas', async () => {
    expect(await value(rt, 'blankness', fresh())).toEqual([true, false, false]);
  });

  test('Range.setFormula moves relative references per cell; getFormulas returns "" for plain values', async () => {
    expect(await value(rt, 'formulas', fresh())).toEqual([
      [['=A1*$B$1'], ['=A2*$B$1'], ['']],
      '=SUM(A1:B2)&"A1"',
      [['=1', '=2']],
      // C1's value is its formula's: =A1*$B$1 of two blank cells is 0.
      0,
      '',
    ]);
  });

  test('Range.setNote/setNotes/getNote(s)/clearNote; setNote(null) clears', async () => {
    expect(await value(rt, 'notes', fresh())).toEqual([
      [
        ['first', ''],
        ['x', 'y'],
      ],
      [
        ['', ''],
        ['', 'y'],
      ],
      'y',
    ]);
  });

  // gas-fakes notes/oddities.md ("sheets notes", issuetracker 429373214): on live Apps Script a number
  // given to setNotes reads back as Java prints a double ("25.0"), one given to setNote as "25".
  test('a number in setNotes is stored as Java prints a double; setNote(25) as "25"', async () => {
    expect(await value(rt, 'numericNotes', fresh())).toEqual([
      '25.0',
      '2.5',
      '1.0E7',
      '1.0E-4',
      'text',
      '25',
    ]);
  });

  test('Range.clearContent keeps formats; clearFormat keeps values and number formats; clear() clears both', async () => {
    expect(await value(rt, 'clearing', fresh())).toEqual([
      ['', '0.00', 'bold'],
      [2, '0.00', 'normal'],
      ['', 'normal', 'n'],
      4,
      '',
    ]);
  });

  test('text formatting setters and getters with Google defaults', async () => {
    expect(await value(rt, 'formats', fresh())).toEqual([
      'bold',
      '#ff0000',
      '#00ff00',
      true,
      'center',
      'middle',
      12,
      'italic',
      [['bold', 'bold']],
      [['#ff0000', '#ff0000']],
      ['normal', '#ffffff', '#000000', false, '0.###############'],
    ]);
  });

  test('Range.getNumberFormat(s): the set format, M/d/yyyy H:mm:ss for dates, 0.############### otherwise', async () => {
    expect(await value(rt, 'numberFormats', fresh())).toEqual([
      [['0.0', 'yyyy', 'M/d/yyyy H:mm:ss']],
      '0.0',
      '0.###############',
    ]);
  });

  test('Range.activate sets the active range and current cell', async () => {
    expect(await value(rt, 'activation', fresh())).toEqual(['B3:C4', 'B3', 'B3', 'B3:C4']);
  });
});
