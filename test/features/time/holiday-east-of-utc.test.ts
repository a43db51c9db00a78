/**
 * A spreadsheet in Pacific/Auckland (UTC+13 in the southern summer, where Christmas and New Year fall),
 * through dist/Code.js: a single holiday typed on the Settings tab, which Sheets turns into a date at
 * the spreadsheet's local midnight, is the day the administrator typed, not the day before (local
 * midnight there is 11:00 UTC the previous day). P3 Routine's five business days skip it, and the
 * review sidebar previews due dates with the same holiday.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { formatLocal, fromLocalParts } from '../../../src/core/time';
import { onlyExecution, sidebarAct, submitOne } from '../../support/edits';
import { ADMIN, SUPERVISOR, TECH, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';

const TZ = 'Pacific/Auckland';
const SETTINGS = SHEET_NAMES.settings;
const at = (day: number, hour: number) => fromLocalParts({ year: 2027, month: 1, day, hour }, TZ);

let wb: TestWorkbook;
beforeAll(async () => {
  // Wednesday 30 December 2026, 10:00 in Auckland (NZDT, UTC+13).
  wb = await setUpWorkbook({
    timeZone: TZ,
    startAt: fromLocalParts({ year: 2026, month: 12, day: 30, hour: 10 }, TZ),
  });
}, 60_000);
afterAll(() => wb.close());

function settingCell(name: string): { row: number; column: number } {
  const values = wb.values(SETTINGS);
  const row = values.findIndex((r) => r[values[0]!.indexOf('Setting')] === name);
  if (row < 1) throw new Error(`no setting ${name}`);
  return { row: row + 1, column: values[0]!.indexOf('Value') + 1 };
}

test('Monday 4 January typed as the one holiday: a request approved that morning is due Monday 11th at 17:00, not 10:00', async () => {
  const { row, column } = settingCell('holidays');
  expectOk(onlyExecution((await wb.edit(ADMIN, SETTINGS, row, column, [['2027-01-04']])).executions));
  expect(wb.sheet(SETTINGS).valueAt(row, column)).toBeInstanceOf(Date); // kept: Sheets' date for the text

  wb.rt.world.clock.set(at(4, 10));
  const id = await submitOne(wb);
  const view = expectOk(await wb.call(SUPERVISOR, 'reviewLoad')).value as {
    view: { calendar: { holidays: string } };
  };
  expect(view.view.calendar.holidays).toBe('2027-01-04');
  await sidebarAct(wb, {
    action: 'approveAssign',
    id,
    revision: wb.order(id).revision,
    category: 'Electrical',
    priority: 'P3 Routine',
    assignee: TECH,
  });
  // Monday a holiday: Tuesday to Friday (36 h) and Monday 11th 08:00–17:00 (9 h).
  expect(formatLocal(wb.order(id).due!, TZ)).toBe('2027-01-11 17:00');
}, 60_000);
