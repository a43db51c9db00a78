/**
 * A bad row typed on the Assets or Schedules tab, through dist/Code.js: the row is put back to what it
 * held, so its note, toast and log line say what was wrong and what to do, never "Assets row N is
 * ignored" (what the add-on does with a bad row written past the edit trigger, false once the row is
 * back as it was).
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { scheduleRow } from '../../support/schedules';
import { ADMIN, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { toastsOf } from '../../support/edits';

const ASSETS = SHEET_NAMES.assets;
const SCHEDULES = SHEET_NAMES.schedules;
let wb: TestWorkbook;

beforeAll(async () => {
  wb = await setUpWorkbook();
  (
    await wb.edit(ADMIN, ASSETS, 2, 1, [
      ['PUMP-01', 'Boiler feed pump', 'Main Building', 'Plumbing', 'High', 'TRUE'],
    ])
  ).executions.forEach(expectOk);
  (
    await wb.edit(ADMIN, SCHEDULES, 2, 1, [
      scheduleRow({
        id: 'PM-PUMP',
        task: 'Inspect the pump',
        asset: 'PUMP-01',
        category: 'Plumbing',
        nextDue: '2027-01-05',
      }),
    ])
  ).executions.forEach(expectOk);
}, 60_000);
afterAll(() => wb.close());

const noteAt = (sheet: string, row: number, column: number): string =>
  wb.sheet(sheet).readNotes({ row, column, numRows: 1, numColumns: 1 })[0]?.[0] ?? '';

const lastLogLine = (tab: string): string => {
  const entry = wb
    .changeLogEntries()
    .filter((e) => e.recordId === tab)
    .at(-1);
  return `${entry?.field}: ${entry?.newValue}`;
};

test('an Assets cell typed wrong is put back; note, toast and log line name the problem, not "is ignored"', async () => {
  (await wb.edit(ADMIN, ASSETS, 2, 5, [['Catastrophic']])).executions.forEach(expectOk);
  expect(wb.sheet(ASSETS).valueAt(2, 5)).toBe('High');
  const reason = 'Assets row 2: Criticality "Catastrophic" is not one of High, Medium, Low';
  expect(noteAt(ASSETS, 2, 5)).toContain(`: ${reason}. Accepted: Asset ID`);
  expect(toastsOf(wb, ADMIN).at(-1)).toBe(
    `Assets: 1 row(s) put back: ${reason}. The note on each put-back cell says what the tab accepts: ` +
      'type the row again with those values.',
  );
  expect(lastLogLine(ASSETS)).toMatch(/^Row 2 \(refused\): .*\[Assets row 2: Criticality/);
  for (const text of [noteAt(ASSETS, 2, 5), toastsOf(wb, ADMIN).at(-1), lastLogLine(ASSETS)])
    expect(text).not.toMatch(/is ignored/);
});

test('an Asset ID typed twice is put back without "is ignored"', async () => {
  (
    await wb.edit(ADMIN, ASSETS, 3, 1, [['PUMP-01', 'Second pump', 'Annex', '', '', 'TRUE']])
  ).executions.forEach(expectOk);
  expect(wb.sheet(ASSETS).valueAt(3, 1)).toBe('');
  expect(noteAt(ASSETS, 3, 1)).toContain(': Assets row 3: Asset ID PUMP-01 is listed twice. Accepted:');
  expect(toastsOf(wb, ADMIN).at(-1)).not.toMatch(/is ignored/);
});

test('a Schedules cell typed wrong is put back; note, toast and log line name the problem, not "is ignored"', async () => {
  const category = 5; // Schedules column order: ID, Task, Asset, Location, Category, …
  (await wb.edit(ADMIN, SCHEDULES, 2, category, [['Nope']])).executions.forEach(expectOk);
  expect(wb.sheet(SCHEDULES).valueAt(2, category)).toBe('Plumbing');
  const reason = 'Schedules row 2: Category "Nope" is not on the Settings list';
  expect(noteAt(SCHEDULES, 2, category)).toContain(`: ${reason}. Accepted:`);
  expect(toastsOf(wb, ADMIN).at(-1)).toMatch(
    new RegExp(`^Schedules: 1 row\\(s\\) put back: ${reason}\\. The note`),
  );
  expect(lastLogLine(SCHEDULES)).toMatch(/^Row 2 \(refused\): .*\[Schedules row 2: Category "Nope"/);
  for (const text of [noteAt(SCHEDULES, 2, category), toastsOf(wb, ADMIN).at(-1), lastLogLine(SCHEDULES)])
    expect(text).not.toMatch(/is ignored/);
});
