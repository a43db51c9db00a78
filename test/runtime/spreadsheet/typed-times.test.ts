/**
 * Conformance: a time typed on its own is a time value. Sheets help (VALUE: "any of the date, time or
 * number formats that Google Sheets understands", e.g. "12:00:00"; TIMEVALUE: "2:15 PM" or "14:15")
 * and the Sheets API (DateTimeRenderOption: the fraction of a serial number "counts the time as a
 * fraction of the day", from 30 December 1899): Range.getValue returns such a cell as a Date on that
 * day, in the spreadsheet's time zone, whether a script wrote the text or a person typed it.
 */
import { OWNER, project, value } from './helpers';

const SOURCE = String.raw`
function sheet() { return SpreadsheetApp.getActive().getSheetByName('Sheet1'); }
function show(v) { return v instanceof Date ? 'Date:' + v.toISOString() : v; }

function typedTimes() {
  var r = sheet().getRange('A1:A6');
  r.setValues([['10:30'], ['14:15:30'], ['2:15 PM'], ['12:05 am'], ['25:00'], ['10:61']]);
  return r.getValues().map(function (row) { return show(row[0]); });
}

function read(a1) { return show(sheet().getRange(a1).getValue()); }
`;

describe('a time typed on its own', () => {
  test('setValue("10:30") reads back as a Date on 30 Dec 1899 in the spreadsheet zone; 25:00 and 10:61 stay text', async () => {
    const { rt, id } = project(SOURCE, 'America/New_York');
    expect(await value(rt, 'typedTimes', id)).toEqual([
      // America/New_York kept EST (UTC−5) in 1899.
      'Date:1899-12-30T15:30:00.000Z',
      'Date:1899-12-30T19:15:30.000Z',
      'Date:1899-12-30T19:15:00.000Z',
      'Date:1899-12-30T05:05:00.000Z',
      '25:00',
      '10:61',
    ]);
  });

  test('a person typing 9:05 into a cell leaves a time value, as the script reads it', async () => {
    const { rt, id } = project(SOURCE);
    await rt.editCells({
      spreadsheetId: id,
      sheetName: 'Sheet1',
      row: 2,
      column: 2,
      values: [['9:05']],
      user: OWNER,
    });
    expect(await value(rt, 'read', id, { args: ['B2'] })).toBe('Date:1899-12-30T09:05:00.000Z');
  });
});
