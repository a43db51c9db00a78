/**
 * Conformance: the type Range.getValue(s) returns follows the cell's number format. Sheets has no
 * date type; a date is a serial day count from 30 December 1899 shown with a date format (Sheets help
 * "DATE": "Google Sheets uses the 1900 date system"; Sheets API DateTimeRenderOption SERIAL_NUMBER).
 * Range.getValues' reference: "Values may be of type Number, Boolean, Date, or String, depending on
 * the value of the cell". Live, a number in a cell formatted as a date, time, date-time or duration
 * comes back as a Date (the serial as a wall clock in the spreadsheet's time zone; a bare time is a
 * Date on 30 December 1899), a date in a cell given a number format ("0.00", "#,##0", currency) as its
 * serial number, and a cell under the automatic format or plain text keeps what was written.
 */
import { project, value } from './helpers';

const SOURCE = String.raw`
function sheet() { return SpreadsheetApp.getActive().getSheetByName('Sheet1'); }
function show(v) { return v instanceof Date ? 'Date:' + v.toISOString() : (typeof v) + ':' + v; }

function numbersUnderDateFormats() {
  var s = sheet();
  s.getRange('A1').setNumberFormat('yyyy-mm-dd').setValue(46000);
  s.getRange('A2').setValue(0.5).setNumberFormat('h:mm');
  s.getRange('A3').setValue(46000.75).setNumberFormat('M/d/yyyy H:mm:ss');
  s.getRange('A4').setValue(1.25).setNumberFormat('[h]:mm:ss');
  s.getRange('A5').setValue(46000);
  s.getRange('A6').setValue(46000).setNumberFormat('@');
  s.getRange('A7').setValue('not a number').setNumberFormat('yyyy-mm-dd');
  s.getRange('A8').setValue(true).setNumberFormat('yyyy-mm-dd');
  var values = s.getRange('A1:A8').getValues().map(function (r) { return show(r[0]); });
  return values.concat([show(s.getRange('A1').getValue()), s.getRange('A1').getDisplayValue()]);
}

function datesUnderNumberFormats() {
  var s = sheet();
  var d = new Date(Date.UTC(2026, 0, 1, 12));
  s.getRange('B1:B4').setValue(d);
  s.getRange('B1').setNumberFormat('0.00');
  s.getRange('B2').setNumberFormat('#,##0');
  s.getRange('B3').setNumberFormat('"$"#,##0.00');
  var values = s.getRange('B1:B4').getValues().map(function (r) { return show(r[0]); });
  return values.concat([show(s.getRange('B2').getValue())]);
}

function formulaUnderNumberFormat() {
  var s = sheet();
  s.getRange('C1').setValue(46000);
  s.getRange('C2').setFormula('=C1+1').setNumberFormat('yyyy-mm-dd');
  s.getRange('C3').setFormula('=DATE(2026,1,2)').setNumberFormat('0');
  return s.getRange('C2:C3').getValues().map(function (r) { return show(r[0]); });
}
`;

describe('getValue(s) type a cell by its number format', () => {
  test('a number under a date, time, date-time or duration format is a Date; automatic and plain text keep the number', async () => {
    const { rt, id } = project(SOURCE);
    expect(await value(rt, 'numbersUnderDateFormats', id)).toEqual([
      'Date:2025-12-09T00:00:00.000Z',
      'Date:1899-12-30T12:00:00.000Z',
      'Date:2025-12-09T18:00:00.000Z',
      'Date:1899-12-31T06:00:00.000Z',
      'number:46000',
      'number:46000',
      'string:not a number',
      'boolean:true',
      'Date:2025-12-09T00:00:00.000Z',
      '2025-12-09',
    ]);
  });

  test('the serial is read as a wall clock in the spreadsheet time zone', async () => {
    const { rt, id } = project(SOURCE, 'America/New_York');
    const values = (await value(rt, 'numbersUnderDateFormats', id)) as string[];
    // 9 December 2025 is in EST (UTC−5).
    expect(values[0]).toBe('Date:2025-12-09T05:00:00.000Z');
    expect(values[2]).toBe('Date:2025-12-09T23:00:00.000Z');
  });

  test('a Date under a number or currency format is its serial number; an automatic cell keeps the Date', async () => {
    const { rt, id } = project(SOURCE);
    expect(await value(rt, 'datesUnderNumberFormats', id)).toEqual([
      'number:46023.5',
      'number:46023.5',
      'number:46023.5',
      'Date:2026-01-01T12:00:00.000Z',
      'number:46023.5',
    ]);
  });

  test('a formula cell is typed by its format too', async () => {
    const { rt, id } = project(SOURCE);
    expect(await value(rt, 'formulaUnderNumberFormat', id)).toEqual([
      'Date:2025-12-10T00:00:00.000Z',
      'number:46024',
    ]);
  });
});
