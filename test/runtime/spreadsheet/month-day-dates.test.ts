/**
 * Conformance: a month and day typed without a year is a date. Range.setValue writes a string as
 * typed input (the same parser as a person typing), and Sheets in the en-US locale reads `1/2` or
 * `12/25` as that day of the current year, not as text or a fraction: the reason text such as a room
 * "1/2" or a pipe size "3/4" must be written with a leading apostrophe (src/core/sanitize.ts). Here the
 * runtime kept such text as text, so a script that forgot the apostrophe passed locally and got a Date
 * on Google. A month past 12 or a day past the month's end is no date and stays text.
 *
 * Sources: Sheets help, DATEVALUE ("Understood formats include any date format which is normally
 * autoconverted when entered, without quotation marks, directly into a cell"; "type an example of it
 * into an empty cell") does not list the year-less form; that Sheets completes it with the current
 * year is the widely reported spreadsheet behaviour (the same as Excel's) that the add-on's sanitize.ts
 * already writes against. The display format Sheets gives such a cell is not published (here `M/d`).
 */
import { OWNER, project, value } from './helpers';

const SOURCE = String.raw`
function sheet() { return SpreadsheetApp.getActive().getSheetByName('Sheet1'); }
function show(v) { return v instanceof Date ? 'Date:' + v.toISOString() : v; }

function monthDays() {
  var r = sheet().getRange('A1:A7');
  r.setValues([['1/2'], ['12/25'], ['2/29'], ['13/4'], ['2/30'], ["'3/4"], ['1/2/2027']]);
  sheet().getRange('B1').setValue('3/4');
  return r.getValues().map(function (row) { return show(row[0]); })
    .concat([show(sheet().getRange('B1').getValue())]);
}

function asPlainText() {
  var r = sheet().getRange('C1');
  r.setNumberFormat('@');
  r.setValue('1/2');
  return show(r.getValue());
}

function inFormula() {
  var r = sheet().getRange('E1');
  r.setFormula('="1/2"*1');
  return r.getValue();
}

function read(a1) { return show(sheet().getRange(a1).getValue()); }
`;

test('setValues("1/2") is 2 January of the current year in the spreadsheet zone; 13/4 and 2/30 stay text', async () => {
  const { rt, id } = project(SOURCE, 'America/New_York');
  rt.world.clock.set(new Date(Date.UTC(2028, 5, 15, 12, 0, 0)));
  expect(await value(rt, 'monthDays', id)).toEqual([
    'Date:2028-01-02T05:00:00.000Z',
    'Date:2028-12-25T05:00:00.000Z',
    // 2028 is a leap year.
    'Date:2028-02-29T05:00:00.000Z',
    '13/4',
    '2/30',
    '3/4',
    'Date:2027-01-02T05:00:00.000Z',
    'Date:2028-03-04T05:00:00.000Z',
  ]);
  // Plain text format keeps it as typed.
  expect(await value(rt, 'asPlainText', id)).toBe('1/2');
  // Text in arithmetic is read the same way: 2 January 2028 is serial 46754.
  expect(await value(rt, 'inFormula', id)).toBe(46754);
});

test('a person typing 1/2 into a cell leaves the same date', async () => {
  const { rt, id } = project(SOURCE);
  rt.world.clock.set(new Date(Date.UTC(2027, 0, 10, 9, 0, 0)));
  await rt.editCells({
    spreadsheetId: id,
    sheetName: 'Sheet1',
    row: 4,
    column: 4,
    values: [['1/2']],
    user: OWNER,
  });
  expect(await value(rt, 'read', id, { args: ['D4'] })).toBe('Date:2027-01-02T00:00:00.000Z');
});
