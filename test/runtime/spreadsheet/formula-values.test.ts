/**
 * Conformance: a formula cell reads as the value it computes (Range.getValue/getValues/
 * getDisplayValue(s)), as on live Sheets: `=1+1` is 2, `="Comp"&"leted"` is "Completed", `=1/0` is
 * the text "#DIV/0!", `=UNKNOWNFN()` "#NAME?". Values are computed when read, so they follow the cells
 * they reference and the world's clock; a Sheets function the runtime does not compute throws.
 */
import { uncomputedFormulas } from '../../../runtime/host/spreadsheet/formula-eval';
import { project, value } from './helpers';

const SOURCE = String.raw`
function sheet() { return SpreadsheetApp.getActive().getSheetByName('Sheet1'); }

/** Writes each formula down column A and returns what getValues reads back. */
function read(formulas) {
  sheet().clear();
  var r = sheet().getRange(1, 1, formulas.length, 1);
  r.setValues(formulas.map(function (f) { return [f]; }));
  return r.getValues().map(function (line) {
    var v = line[0];
    return v instanceof Date ? 'Date:' + v.toISOString() : v;
  });
}

function readOne(formula) {
  var r = sheet().getRange('A1');
  r.setFormula(formula);
  return r.getValue();
}

function followsEdits() {
  var s = sheet();
  s.getRange('A1').setValue(21);
  s.getRange('B1').setFormula('=A1*2');
  var before = s.getRange('B1').getValue();
  s.getRange('A1').setValue(5);
  return [before, s.getRange('B1').getValue(), s.getRange('B1').getFormula()];
}

function ranges() {
  var s = sheet();
  s.clear();
  s.getRange('A1:A5').setValues([[1], [2], ['text'], [true], ['']]);
  s.getRange('B1:B11').setFormulas([['=SUM(A1:A5)'], ['=COUNT(A1:A5)'], ['=COUNTA(A1:A5)'], ['=AVERAGE(A1:A5)'],
    ['=MIN(A1:A5)'], ['=MAX(A:A)'], ['=SUM(A2:A)'], ['=CONCATENATE(A1:A4)'], ['=SUM($A$1,A2,"3",TRUE)'],
    ['=SUM(A3,A4)'], ['=COUNTA(A5,Z9)']]);
  return s.getRange('B1:B11').getValues().map(function (l) { return l[0]; });
}

function crossSheet() {
  var ss = SpreadsheetApp.getActive();
  ss.insertSheet('Other sheet').getRange('B2').setValue(40);
  ss.insertSheet('Sheet2').getRange('A1').setValue('x');
  var s = sheet();
  s.getRange('A1:A3').setFormulas([["='Other sheet'!B2+2"], ['=Sheet2!A1&"y"'], ['=Missing!A1']]);
  return s.getRange('A1:A3').getValues().map(function (l) { return l[0]; });
}

function circular() {
  var s = sheet();
  s.getRange('A1:C1').setFormulas([['=B1+1', '=A1+1', '=IFERROR(A1,0)']]);
  s.getRange('D1').setFormula('=D1');
  return [s.getRange('A1:D1').getValues()[0], s.getRange('B1').getValue()];
}

function display() {
  var s = sheet();
  s.getRange('A1:E1').setFormulas([['=1/3', '=DATE(2030,1,2)', '=1/0', '="a"&"b"', '=0.5']]);
  s.getRange('E1').setNumberFormat('0%');
  return [s.getRange('A1:E1').getDisplayValues()[0], s.getRange('B1').getDisplayValue(), s.getRange('A1:E1').getFormulas()[0]];
}

function linesMove() {
  var ss = SpreadsheetApp.getActive();
  var s = sheet();
  s.clear();
  s.getRange('A1:A4').setValues([[1], [2], [3], [4]]);
  s.getRange('C1:C4').setFormulas([['=A3*10'], ['=SUM(A2:A4)'], ['=A2&"|"&"A2"'], ['=SUM(A:A)']]);
  var other = ss.insertSheet('Refs');
  other.getRange('A1').setFormula('=Sheet1!A4');
  s.insertRowsBefore(1, 2);
  var afterInsert = [s.getRange('C3:C6').getFormulas(), s.getRange('C3:C6').getValues(), other.getRange('A1').getFormula()];
  s.deleteRow(5);
  var afterDelete = [s.getRange('C3:C5').getFormulas(), s.getRange('C3:C5').getValues(), other.getRange('A1').getValue()];
  return [afterInsert, afterDelete];
}

function columnsMove() {
  var s = sheet();
  s.clear();
  s.getRange('A1:C1').setValues([[1, 2, 3]]);
  s.getRange('A2').setFormula('=SUM($B1:C1)');
  s.insertColumnsBefore(2, 1);
  var afterInsert = [s.getRange('A2').getFormula(), s.getRange('A2').getValue()];
  s.deleteColumns(3, 1);
  return [afterInsert, s.getRange('A2').getFormula(), s.getRange('A2').getValue()];
}

function unimplemented() { return readOne('=VLOOKUP(1,B1:C3,2,FALSE)'); }
function rangeAsValue() { return readOne('=B1:B3'); }
`;

describe('formula cells read as their values', () => {
  const { rt, id } = project(SOURCE);
  const read = async (...formulas: string[]) => value(rt, 'read', id, { args: [formulas] });

  test('literals, unary minus, arithmetic, ^, %, & and comparisons, with Sheets precedence', async () => {
    expect(
      await read(
        '=1+1',
        '=2*3-4/2',
        '=-2^2',
        '=2^3^2',
        '=50%',
        '=(1+2)*3',
        '="Comp"&"leted"',
        '="say ""hi"""',
      ),
    ).toEqual([2, 4, 4, 64, 0.5, 9, 'Completed', 'say "hi"']);
    expect(
      await read('=1<2', '="a"="A"', '=2<>2', '=TRUE&""', '=1/3&""', '="2"+1', '=3>="10"', '=TRUE>1'),
    ).toEqual([true, true, false, 'TRUE', '0.333333333333333', 3, false, true]);
  });

  test('a blank cell is 0 in arithmetic, "" in text; =A1 of a blank reads ""', async () => {
    expect(
      await read('=Z1+1', '="<"&Z1&">"', '=Z1', '=Z1=0', '=Z1=""', '=ISBLANK(Z1)', '=ISBLANK("")'),
    ).toEqual([1, '<>', '', true, true, true, false]);
  });

  test('a formula follows the cells it references', async () => {
    expect(await value(rt, 'followsEdits', id)).toEqual([42, 10, '=A1*2']);
  });

  test('logical and information functions', async () => {
    expect(
      await read(
        '=IF(1>2,"yes","no")',
        '=IF(FALSE,1)',
        '=AND(TRUE,1,"TRUE")',
        '=OR(FALSE,0)',
        '=NOT(0)',
        '=IFERROR(1/0,"none")',
        '=IFERROR(1/0)',
        '=N(TRUE)',
        '=T(5)&T("x")',
        '=IF(TRUE,1,VLOOKUP(1,B1:C2,2))',
      ),
    ).toEqual(['no', false, true, false, true, 'none', '', 1, 'x', 1]);
  });

  test('aggregates over ranges skip text and booleans there, convert direct arguments, read open ranges', async () => {
    expect(await value(rt, 'ranges', id)).toEqual([3, 2, 4, 1.5, 1, 2, 2, '12textTRUE', 7, 0, 0]);
  });

  test('text and math functions', async () => {
    expect(
      await read(
        '=LEN("héllo")',
        '=UPPER("ab")&LOWER("CD")',
        '=TRIM("  a   b  ")',
        '=LEFT("abc")&RIGHT("abc",2)&MID("abcdef",2,3)',
        '=LEFT("abc",-1)',
        '=ROUND(2.5)',
        '=ROUND(-1.005,2)',
        '=ROUND(1234,-2)',
        '=ABS(-3)',
      ),
    ).toEqual([5, 'ABcd', 'a b', 'abcbcd', '#VALUE!', 3, -1.01, 1200, 3]);
  });

  test('HYPERLINK reads as its label (else its URL); IMPORTRANGE as #REF! until the sheets are connected', async () => {
    expect(
      await read(
        '=HYPERLINK("https://example.com/x","Completed")',
        '=HYPERLINK("https://example.com/x")',
        '=IMPORTRANGE("https://docs.google.com/spreadsheets/d/abc","Sheet1!A1")',
      ),
    ).toEqual(['Completed', 'https://example.com/x', '#REF!']);
  });

  test('dates: DATE, TODAY and NOW read as Dates and follow the world clock', async () => {
    rt.world.clock.set(new Date('2026-12-03T15:30:00Z'));
    expect(
      await read(
        '=DATE(2030,1,1)',
        '=DATE(2026,13,1)',
        '=TODAY()',
        '=NOW()',
        '=IF(TODAY()>DATE(2030,1,1),"Completed","Assigned")',
        '=DATE(2030,1,1)+1',
        '=DATE(2030,1,2)-DATE(2030,1,1)',
        '="x"&DATE(2030,1,1)',
      ),
    ).toEqual([
      'Date:2030-01-01T00:00:00.000Z',
      'Date:2027-01-01T00:00:00.000Z',
      'Date:2026-12-03T00:00:00.000Z',
      expect.stringMatching(/^Date:2026-12-03T15:3/),
      'Assigned',
      'Date:2030-01-02T00:00:00.000Z',
      1,
      'x47484',
    ]);
    rt.world.clock.set(new Date('2030-06-01T12:00:00Z'));
    expect(await read('=IF(TODAY()>DATE(2030,1,1),"Completed","Assigned")')).toEqual(['Completed']);
  });

  test('errors are values, read as their codes and carried through operators', async () => {
    expect(
      await read(
        '=1/0',
        '=UNKNOWNFN()',
        '=IF(TRUE,1,UNKNOWNFN())',
        '=abc',
        '=1+',
        '=- fix the pump',
        '="a"+1',
        '=1/0&"x"',
        '=NA()',
        '=IF(1)',
        '=#N/A',
        '=ISERROR(1/0)',
      ),
    ).toEqual([
      '#DIV/0!',
      '#NAME?',
      '#NAME?',
      '#NAME?',
      '#ERROR!',
      '#ERROR!',
      '#VALUE!',
      '#DIV/0!',
      '#N/A',
      '#N/A',
      '#N/A',
      true,
    ]);
  });

  test("references to other sheets: 'Quoted name'!A1 and Sheet2!A1; an unknown sheet is #REF!", async () => {
    const fresh = rt.world.spreadsheets.create('Cross', 'owner@example.com').id;
    expect(await value(rt, 'crossSheet', fresh)).toEqual([42, 'xy', '#REF!']);
  });

  test('a circular reference is #REF! in every cell of the cycle, even under IFERROR outside it', async () => {
    const fresh = rt.world.spreadsheets.create('Cycle', 'owner@example.com').id;
    expect(await value(rt, 'circular', fresh)).toEqual([['#REF!', '#REF!', 0, '#REF!'], '#REF!']);
  });

  test('display values format the computed value like any other; getFormulas is unchanged', async () => {
    const fresh = rt.world.spreadsheets.create('Display', 'owner@example.com').id;
    expect(await value(rt, 'display', fresh)).toEqual([
      ['0.3333333333', '1/2/2030', '#DIV/0!', 'ab', '50%'],
      '1/2/2030',
      ['=1/3', '=DATE(2030,1,2)', '=1/0', '="a"&"b"', '=0.5'],
    ]);
  });

  test('inserting and deleting rows moves the references of formulas, here and on other tabs, as Sheets', async () => {
    const fresh = rt.world.spreadsheets.create('Lines', 'owner@example.com').id;
    expect(await value(rt, 'linesMove', fresh)).toEqual([
      [
        [['=A5*10'], ['=SUM(A4:A6)'], ['=A4&"|"&"A2"'], ['=SUM(A:A)']],
        [[30], [9], ['2|A2'], [10]],
        '=Sheet1!A6',
      ],
      // Row 5 (the first data row 3, and the formula beside it) is gone: =A5*10 lost its cell.
      [[['=#REF!*10'], ['=SUM(A4:A5)'], ['=SUM(A:A)']], [['#REF!'], [6], [7]], 4],
    ]);
  });

  test('inserting and deleting columns moves them too, keeping $', async () => {
    const fresh = rt.world.spreadsheets.create('Columns', 'owner@example.com').id;
    expect(await value(rt, 'columnsMove', fresh)).toEqual([['=SUM($C1:D1)', 5], '=SUM($C1:C1)', 3]);
  });

  test('a Sheets function or syntax the runtime does not compute reads as "" (as every formula did), and is named', async () => {
    uncomputedFormulas.clear();
    expect(await value(rt, 'unimplemented', id)).toBe('');
    expect(await value(rt, 'rangeAsValue', id)).toBe('');
    expect(Object.fromEntries(uncomputedFormulas)).toEqual({
      '=VLOOKUP(1,B1:C3,2,FALSE)':
        'not computed by the local runtime: the Sheets function VLOOKUP in a formula',
      '=B1:B3': 'not computed by the local runtime: a range (B1:B3) where a formula expects one value',
    });
  });

  test('a sheet without formulas reads its stored values untouched', () => {
    const ss = rt.world.spreadsheets.create('Plain', 'owner@example.com');
    const sheet = ss.sheetModels()[0]!;
    sheet.writeValues(1, 1, [[1, 'a', true]]);
    expect(sheet.formulas.rows).toHaveLength(0);
    expect(sheet.readValues(1, 1, 1, 3)).toEqual([[1, 'a', true]]);
  });
});

describe('formula dates in the spreadsheet time zone', () => {
  const { rt, id } = project(SOURCE, 'America/New_York');

  test("TODAY() is the day in the spreadsheet's zone, at its midnight; DATE() too", async () => {
    // 02:00 UTC on 3 December is still 2 December, 21:00, in New York.
    rt.world.clock.set(new Date('2026-12-03T02:00:00Z'));
    expect(
      await value(rt, 'read', id, { args: [['=TODAY()', '=DATE(2026,7,1)', '=TODAY()=DATE(2026,12,2)']] }),
    ).toEqual(['Date:2026-12-02T05:00:00.000Z', 'Date:2026-07-01T04:00:00.000Z', true]);
  });
});

describe('an edit trigger on a typed formula', () => {
  const EDIT_SOURCE = String.raw`
function onEdit(e) {
  PropertiesService.getDocumentProperties().setProperty('edit', JSON.stringify({
    hasValue: 'value' in e, hasOld: 'oldValue' in e, read: e.range.getValue(), formula: e.range.getFormula(),
  }));
}`;

  test('the script reads the computed value; e.value and e.oldValue stay absent for formula cells', async () => {
    const { rt, id } = project(EDIT_SOURCE);
    rt.world.clock.set(new Date('2026-12-03T12:00:00Z'));
    const typed = '=IF(TODAY()>DATE(2030,1,1),"Completed","Assigned")';
    const edit = async (text: string) => {
      await rt.editCells({
        spreadsheetId: id,
        sheetName: 'Sheet1',
        row: 2,
        column: 2,
        values: [[text]],
        user: 'owner@example.com',
      });
      return JSON.parse(rt.world.properties.document(id).get('edit') ?? 'null') as unknown;
    };
    expect(await edit(typed)).toEqual({ hasValue: false, hasOld: false, read: 'Assigned', formula: typed });
    expect(await edit('=1+1')).toEqual({ hasValue: false, hasOld: false, read: 2, formula: '=1+1' });
  });
});
