/**
 * The KPI History tab's name can be taken before the hourly job first keeps a week: any editor (a
 * technician) adds a tab under that name and types weeks of figures into it, under headers of their
 * own. The job used to write its row into that tab by position, under the technician's headers, and
 * (with the hourly protection of tabs by name) leave the typed weeks protected beside its own, read by
 * the managers as the add-on's history. It now keeps the weeks on a tab it made and recorded: the
 * other is renamed "KPI History (not the add-on's)" with a note, its rows as they were. Through
 * dist/Code.js.
 */
import { LocalAppsScript } from '../../../runtime';
import { KPI_HISTORY_HEADERS, KPI_HISTORY_SHEET } from '../../../src/core/reports/weekly';
import { SHEET_NAMES } from '../../../src/core/model';
import { submitOne } from '../../support/edits';
import { ownerState, rowsOf, runHourly, setUpWorkbookIn } from '../../support/ops';
import { ADMIN, TECH, expectOk, type TestWorkbook } from '../../support/workbook';

/** Wednesday 4 November 2026, 10:00 in New York (EST). */
const WEDNESDAY = new Date('2026-11-04T15:00:00Z');
const ASIDE = `${KPI_HISTORY_SHEET} (not the add-on's)`;

let wb: TestWorkbook;
beforeEach(async () => {
  const rt = LocalAppsScript.load();
  rt.world.clock.set(WEDNESDAY);
  wb = await setUpWorkbookIn(rt);
  expectOk(await wb.menu(ADMIN, 'setUpWorkOrders'));
  await submitOne(wb, { description: 'Leaking tap' });
});
afterEach(() => wb.close());

async function canType(user: string, sheet: string): Promise<boolean> {
  try {
    await wb.edit(user, sheet, 9, 2, [['99']]);
    return true;
  } catch (error) {
    if (/protected cell/.test(String(error))) return false;
    throw error;
  }
}

/** Monday 9 November, 00:30 EST: the week of 2 November is over; the job keeps it. */
async function keepTheWeek(): Promise<void> {
  wb.rt.world.clock.set(new Date('2026-11-09T04:30:00Z'));
  const [report] = (await runHourly(wb)).map((r) => expectOk(r).value as { kpiHistory?: string });
  expect(report?.kpiHistory).toMatch(/^kept/);
}

test("a tab a technician made under the name, with headers of their own, is set aside; the week goes under the add-on's headers", async () => {
  const decoy = wb.model.insertSheetModel(KPI_HISTORY_SHEET);
  decoy.writeValues(1, 1, [
    ['Week', 'From', 'To', 'Created'],
    ['2026-W44', '2026-10-26', '2026-11-01', 0],
  ]);
  expect(await canType(TECH, KPI_HISTORY_SHEET)).toBe(true);

  await keepTheWeek();

  // The kept tab holds the add-on's header and its one week, figures under the right columns.
  expect(wb.values(KPI_HISTORY_SHEET)[0]).toEqual([...KPI_HISTORY_HEADERS]);
  const rows = rowsOf(wb, KPI_HISTORY_SHEET);
  expect(rows.map((r) => r.Week)).toEqual(['2026-W45']);
  expect(rows[0]).toMatchObject({ From: '2026-11-02', To: '2026-11-08', Created: 1 });
  expect(await canType(TECH, KPI_HISTORY_SHEET)).toBe(false);
  // The technician's tab is kept as they made it, under a name saying whose it is not.
  const aside = wb.sheet(ASIDE);
  expect(aside.sheetId).toBe(decoy.sheetId);
  expect(aside.readValues(2, 1, 1, 4)).toEqual([['2026-W44', '2026-10-26', '2026-11-01', 0]]);
  expect(ownerState(wb, 'kpiHistoryTab')).toBe(String(wb.sheet(KPI_HISTORY_SHEET).sheetId));
}, 120_000);

test('a tab made under the name with the add-on’s very header and made-up weeks is set aside too', async () => {
  const decoy = wb.model.insertSheetModel(KPI_HISTORY_SHEET);
  decoy.writeValues(1, 1, [[...KPI_HISTORY_HEADERS]]);
  decoy.writeValues(2, 1, [['2026-W44', '2026-10-26', '2026-11-01', new Date('2026-11-02T05:30:00Z'), 0]]);

  await keepTheWeek();

  expect(rowsOf(wb, KPI_HISTORY_SHEET).map((r) => r.Week)).toEqual(['2026-W45']);
  expect(rowsOf(wb, ASIDE).map((r) => r.Week)).toEqual(['2026-W44']);
}, 120_000);

test('negative control: the tab the job made is written again the next week, and nothing is set aside', async () => {
  await keepTheWeek();
  const made = wb.sheet(KPI_HISTORY_SHEET).sheetId;
  wb.rt.world.clock.set(new Date('2026-11-16T04:30:00Z'));
  await runHourly(wb);
  expect(wb.sheet(KPI_HISTORY_SHEET).sheetId).toBe(made);
  expect(rowsOf(wb, KPI_HISTORY_SHEET).map((r) => r.Week)).toEqual(['2026-W45', '2026-W46']);
  expect(wb.model.sheetModel(ASIDE)).toBeUndefined();
}, 120_000);

/** An administrator added to Staff takes over the installation (the former owner has left). */
async function takeOver(newOwner: string): Promise<void> {
  const row = wb.sheet(SHEET_NAMES.staff).lastRow() + 1;
  (
    await wb.edit(ADMIN, SHEET_NAMES.staff, row, 1, [[newOwner, 'Ada', 'Administrator', 'TRUE']])
  ).executions.forEach(expectOk);
  wb.rt.world.ui.respondWith({ button: 'YES' });
  expect(String(expectOk(await wb.menu(newOwner, 'takeOverInstallation')).value)).toMatch(/now own/);
}

test("after Take over installation, the former owner's KPI History goes on: the new owner's job keeps its week on it", async () => {
  await keepTheWeek();
  const kept = wb.sheet(KPI_HISTORY_SHEET).sheetId;
  // A request, taken in by the former owner's trigger, copies the tab's id where a new owner finds it.
  await submitOne(wb, { description: 'Door sticks' });
  const NEW_OWNER = 'ada.admin@example.com';
  await takeOver(NEW_OWNER);
  expect(ownerState(wb, 'kpiHistoryTab', NEW_OWNER)).toBe(String(kept));
  wb.rt.world.clock.set(new Date('2026-11-16T04:30:00Z'));
  const reports = (await runHourly(wb)).map((r) => expectOk(r).value as { kpiHistory?: string });
  expect(reports.some((r) => /^kept/.test(r?.kpiHistory ?? ''))).toBe(true);
  expect(wb.sheet(KPI_HISTORY_SHEET).sheetId).toBe(kept);
  expect(rowsOf(wb, KPI_HISTORY_SHEET).map((r) => r.Week)).toEqual(['2026-W45', '2026-W46']);
  expect(wb.model.sheetModel(ASIDE)).toBeUndefined();
}, 120_000);

test('a take-over does not adopt a tab someone made under the name (the job kept no week on it)', async () => {
  const decoy = wb.model.insertSheetModel(KPI_HISTORY_SHEET);
  decoy.writeValues(1, 1, [[...KPI_HISTORY_HEADERS]]);
  await takeOver('ada.admin@example.com');
  expect(ownerState(wb, 'kpiHistoryTab', 'ada.admin@example.com')).toBeNull();
}, 120_000);
