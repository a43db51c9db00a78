/**
 * Unit tests of the pure helpers: A1 notation, number/date formats (Sheets' format syntax), typed
 * input parsing, time-zone arithmetic and formula reference shifting.
 */
import {
  cellA1,
  columnToLetters,
  lettersToColumn,
  parseA1,
  qualifiedA1,
  rectToA1,
  resolveA1,
} from '../../../runtime/host/spreadsheet/a1';
import {
  formatForDisplay,
  formatGeneralNumber,
  formatNumber,
  isDateFormat,
  toSerial,
} from '../../../runtime/host/spreadsheet/number-format';
import { parseTypedInput, scriptValueToInput } from '../../../runtime/host/spreadsheet/values';
import { offsetAt, zonedFields, zonedToDate } from '../../../runtime/host/time-zone';
import { shiftFormula } from '../../../runtime/host/spreadsheet/formula-shift';

describe('A1 notation', () => {
  test('column letters both ways', () => {
    expect([1, 26, 27, 52, 702, 703, 18278].map(columnToLetters)).toEqual([
      'A',
      'Z',
      'AA',
      'AZ',
      'ZZ',
      'AAA',
      'ZZZ',
    ]);
    expect(['A', 'z', 'AA', 'ZZZ'].map(lettersToColumn)).toEqual([1, 26, 27, 18278]);
  });

  test('parse and resolve every form Sheets accepts', () => {
    const r = (a1: string) => {
      const p = parseA1(a1);
      return p && { sheet: p.sheetName, ...resolveA1(p, 1000, 26) };
    };
    expect(r('B3')).toEqual({ sheet: null, row: 3, column: 2, numRows: 1, numColumns: 1 });
    expect(r('A:C')).toEqual({ sheet: null, row: 1, column: 1, numRows: 1000, numColumns: 3 });
    expect(r('3:5')).toEqual({ sheet: null, row: 3, column: 1, numRows: 3, numColumns: 26 });
    expect(r('B2:D')).toEqual({ sheet: null, row: 2, column: 2, numRows: 999, numColumns: 3 });
    expect(r("'It''s'!A1")).toEqual({ sheet: "It's", row: 1, column: 1, numRows: 1, numColumns: 1 });
    expect(r('Data!$A$1:$B$2')).toEqual({ sheet: 'Data', row: 1, column: 1, numRows: 2, numColumns: 2 });
    for (const bad of ['', 'A', '5', 'A0', '1A', 'A1:B2:C3', "'open!A1", '!A1', 'ABCD1'])
      expect(parseA1(bad)).toBeNull();
  });

  test('format', () => {
    expect(rectToA1({ row: 1, column: 1, numRows: 1, numColumns: 1 })).toBe('A1');
    expect(rectToA1({ row: 2, column: 3, numRows: 2, numColumns: 2 })).toBe('C2:D3');
    expect(cellA1(10, 28)).toBe('AB10');
    expect(qualifiedA1('Work Orders', { row: 1, column: 1, numRows: 2, numColumns: 1 })).toBe(
      "'Work Orders'!A1:A2",
    );
    expect(qualifiedA1('Staff', { row: 1, column: 1, numRows: 1, numColumns: 1 })).toBe('Staff!A1');
  });
});

describe('number formats', () => {
  const utc = 'Etc/UTC';
  const d = new Date(Date.UTC(2026, 2, 1, 14, 5, 9, 250));

  test('Automatic: integers as is, fractions to 10 significant digits, booleans TRUE/FALSE, dates M/d/yyyy H:mm:ss', () => {
    expect(formatForDisplay(42, undefined, utc)).toBe('42');
    expect(formatForDisplay(1 / 3, undefined, utc)).toBe('0.3333333333');
    expect(formatForDisplay(0.1 + 0.2, undefined, utc)).toBe('0.3');
    expect(formatForDisplay(true, undefined, utc)).toBe('TRUE');
    expect(formatForDisplay(d, undefined, utc)).toBe('3/1/2026 14:05:09');
    expect(formatForDisplay('', '0.00', utc)).toBe('');
    expect(formatGeneralNumber(1e20)).toBe('1E+20');
  });

  test('date patterns: yyyy-mm-dd, hh:mm, m/d/yyyy, month and day names, am/pm, fractions of seconds', () => {
    expect(formatForDisplay(d, 'yyyy-mm-dd', utc)).toBe('2026-03-01');
    expect(formatForDisplay(d, 'yyyy-mm-dd hh:mm', utc)).toBe('2026-03-01 14:05');
    expect(formatForDisplay(d, 'm/d/yyyy', utc)).toBe('3/1/2026');
    expect(formatForDisplay(d, 'dddd, mmmm d', utc)).toBe('Sunday, March 1');
    expect(formatForDisplay(d, 'ddd mmm yy', utc)).toBe('Sun Mar 26');
    expect(formatForDisplay(d, 'h:mm am/pm', utc)).toBe('2:05 pm');
    expect(formatForDisplay(d, 'h:mm:ss AM/PM', utc)).toBe('2:05:09 PM');
    expect(formatForDisplay(d, 'hh:mm:ss.000', utc)).toBe('14:05:09.250');
    expect(formatForDisplay(d, 'yyyy-mm-dd "at" hh:mm', utc)).toBe('2026-03-01 at 14:05');
    expect(formatForDisplay(d, 'yyyy-mm-dd hh:mm', 'America/Los_Angeles')).toBe('2026-03-01 06:05');
  });

  test('numbers under date formats are serial days; dates under number formats are serial numbers', () => {
    expect(formatForDisplay(46082, 'yyyy-mm-dd', utc)).toBe('2026-03-01');
    expect(toSerial(new Date(Date.UTC(2026, 2, 1, 12)), utc)).toBe(46082.5);
    expect(formatForDisplay(new Date(Date.UTC(2026, 2, 1)), '0', utc)).toBe('46082');
  });

  test('numeric patterns: 0, 0.00, #,##0, %, literals, sections, currency, scaling', () => {
    expect(formatNumber(3.7, '0')).toBe('4');
    expect(formatNumber(3.14159, '0.00')).toBe('3.14');
    expect(formatNumber(1234567.891, '#,##0.00')).toBe('1,234,567.89');
    expect(formatNumber(0.256, '0%')).toBe('26%');
    expect(formatNumber(0.256, '0.0%')).toBe('25.6%');
    expect(formatNumber(-5, '0.00')).toBe('-5.00');
    expect(formatNumber(-5, '0.00;(0.00)')).toBe('(5.00)');
    expect(formatNumber(0, '0;-0;"zero"')).toBe('zero');
    expect(formatNumber(12.5, '"$"#,##0.00')).toBe('$12.50');
    expect(formatNumber(12.5, '[$€]#,##0.00')).toBe('€12.50');
    expect(formatNumber(3, '0 "days"')).toBe('3 days');
    expect(formatNumber(0.5, '#.##')).toBe('.5');
    expect(formatNumber(7, '000')).toBe('007');
    expect(formatNumber(1234567, '#,##0,"k"')).toBe('1,235k');
    expect(formatForDisplay(5, '@', utc)).toBe('5');
    expect(isDateFormat('yyyy')).toBe(true);
    expect(isDateFormat('#,##0.00')).toBe(false);
  });
});

describe('typed input', () => {
  const tz = 'Etc/UTC';
  const v = (text: string, format?: string) => parseTypedInput(text, tz, format);

  test('numbers, booleans, text, apostrophe, formulas, +/- text', () => {
    expect(v('12').value).toBe(12);
    expect(v('-3.5').value).toBe(-3.5);
    expect(v('.5').value).toBe(0.5);
    expect(v('1e3').value).toBe(1000);
    expect(v(' 7 ').value).toBe(7);
    expect(v('1,234')).toEqual({ value: 1234, formula: null, autoFormat: '#,##0' });
    expect(v('$1,234.50')).toEqual({ value: 1234.5, formula: null, autoFormat: '"$"#,##0.00' });
    expect(v('12.5%')).toEqual({ value: 0.125, formula: null, autoFormat: '0.00%' });
    expect(v('true').value).toBe(true);
    expect(v('FALSE').value).toBe(false);
    expect(v('hello').value).toBe('hello');
    expect(v("'=not a formula")).toEqual({ value: '=not a formula', formula: null, autoFormat: null });
    expect(v('=A1+1')).toEqual({ value: '', formula: '=A1+1', autoFormat: null });
    expect(v('- fix the pump')).toEqual({ value: '', formula: '=- fix the pump', autoFormat: null });
    expect(v('+').value).toBe('+');
    expect(v('=').value).toBe('=');
    expect(v('1,23').value).toBe('1,23');
    expect(v('0x1F').value).toBe('0x1F');
    expect(v('42', '@').value).toBe('42');
  });

  test('dates in the spreadsheet time zone, with the format Sheets applies', () => {
    expect(v('2026-03-01')).toEqual({
      value: new Date(Date.UTC(2026, 2, 1)),
      formula: null,
      autoFormat: 'yyyy-mm-dd',
    });
    expect(v('3/1/2026')).toEqual({
      value: new Date(Date.UTC(2026, 2, 1)),
      formula: null,
      autoFormat: 'M/d/yyyy',
    });
    expect(v('3/1/2026 14:30').value).toEqual(new Date(Date.UTC(2026, 2, 1, 14, 30)));
    expect(v('2026-03-01 2:30 PM').value).toEqual(new Date(Date.UTC(2026, 2, 1, 14, 30)));
    expect(v('3/1/26').value).toEqual(new Date(Date.UTC(2026, 2, 1)));
    expect(v('2/30/2026').value).toBe('2/30/2026');
    expect(v('2026-13-01').value).toBe('2026-13-01');
    expect(parseTypedInput('2026-07-01', 'Europe/Paris').value).toEqual(new Date(Date.UTC(2026, 5, 30, 22)));
  });

  test('script values: types kept, null/undefined empty, Dates copied', () => {
    const d = new Date();
    expect(scriptValueToInput(null, tz).value).toBe('');
    expect(scriptValueToInput(undefined, tz).value).toBe('');
    expect(scriptValueToInput(5, tz).value).toBe(5);
    expect(scriptValueToInput(false, tz).value).toBe(false);
    const copy = scriptValueToInput(d, tz).value;
    expect(copy).toEqual(d);
    expect(copy).not.toBe(d);
  });
});

describe('time zones', () => {
  test('offsets across daylight-saving transitions', () => {
    expect(offsetAt(Date.UTC(2026, 0, 15), 'Europe/Paris')).toBe(3_600_000);
    expect(offsetAt(Date.UTC(2026, 6, 15), 'Europe/Paris')).toBe(7_200_000);
    // Europe switches at 01:00 UTC on the last Sunday of March (March 29, 2026).
    expect(offsetAt(Date.UTC(2026, 2, 29, 0, 59), 'Europe/Paris')).toBe(3_600_000);
    expect(offsetAt(Date.UTC(2026, 2, 29, 1, 0), 'Europe/Paris')).toBe(7_200_000);
    expect(offsetAt(Date.UTC(2026, 10, 1, 5, 59), 'America/New_York')).toBe(-4 * 3_600_000);
    expect(offsetAt(Date.UTC(2026, 10, 1, 6, 0), 'America/New_York')).toBe(-5 * 3_600_000);
    expect(offsetAt(Date.UTC(2026, 5, 1), 'Asia/Kolkata')).toBe(5.5 * 3_600_000);
  });

  test('wall clock both ways', () => {
    const d = zonedToDate(2026, 3, 29, 12, 0, 0, 'Europe/Paris');
    expect(d.toISOString()).toBe('2026-03-29T10:00:00.000Z');
    expect(zonedFields(d, 'Europe/Paris')).toMatchObject({
      year: 2026,
      month: 3,
      day: 29,
      hour: 12,
      minute: 0,
      isoWeekday: 7,
    });
  });
});

describe('formula shifting', () => {
  test('relative references move, absolute ones and strings stay', () => {
    expect(shiftFormula('=A1*$B$1', 1, 0)).toBe('=A2*$B$1');
    expect(shiftFormula('=SUM(A1:B2)', 2, 1)).toBe('=SUM(B3:C4)');
    expect(shiftFormula('=$A1+A$1', 1, 1)).toBe('=$A2+B$1');
    expect(shiftFormula('=IF(A1="A1",LOG10(A1),0)', 1, 0)).toBe('=IF(A2="A1",LOG10(A2),0)');
    expect(shiftFormula("='Data'!A1+Sheet2!B2", 1, 0)).toBe("='Data'!A2+Sheet2!B3");
    expect(shiftFormula('=A1', -1, 0)).toBe('=#REF!');
    expect(shiftFormula('plain', 1, 1)).toBe('plain');
  });
});
