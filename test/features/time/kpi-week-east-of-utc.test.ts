/**
 * The KPI History week in a spreadsheet in Pacific/Auckland (UTC+13 in November), through dist/Code.js:
 * the week runs Monday 00:00 to Monday 00:00 there (ISO weeks, as the report's trends), so a run on
 * Sunday 23:45 local keeps nothing and the first run of Monday keeps it, although both fall on Sunday
 * in UTC. A tab made under the name is set aside with a note dated in the spreadsheet's zone (it said
 * the UTC date, the day before for half of every Auckland day).
 */
import { KPI_HISTORY_SHEET } from '../../../src/core/reports/weekly';
import { fromLocalParts } from '../../../src/core/time';
import { submitOne } from '../../support/edits';
import { rowsOf, runHourly } from '../../support/ops';
import { expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';

const TZ = 'Pacific/Auckland';
const ASIDE = `${KPI_HISTORY_SHEET} (not the add-on's)`;
const local = (day: number, hour: number, minute = 0) =>
  fromLocalParts({ year: 2026, month: 11, day, hour, minute }, TZ);

let wb: TestWorkbook;
beforeAll(async () => {
  // Wednesday 4 November 2026, 10:00 in Auckland (NZDT).
  wb = await setUpWorkbook({ timeZone: TZ, startAt: local(4, 10) });
  await submitOne(wb, { description: 'Leaking tap' });
}, 60_000);
afterAll(() => wb.close());

async function hourlyAt(at: Date): Promise<string> {
  wb.rt.world.clock.set(new Date(at.getTime() - 3_600_000));
  const reports = (await runHourly(wb)).map((r) => expectOk(r).value as { kpiHistory?: string });
  return reports.map((r) => r?.kpiHistory ?? '').join(' ');
}

test('Sunday 23:45 local keeps no week; Monday 00:30 local keeps the week of Monday 2 November, set-aside note dated that Monday', async () => {
  const decoy = wb.model.insertSheetModel(KPI_HISTORY_SHEET);
  decoy.writeValues(1, 1, [['Week', 'Created']]);

  expect(await hourlyAt(local(8, 23, 45))).not.toMatch(/^kept/);
  expect(wb.sheet(KPI_HISTORY_SHEET).sheetId).toBe(decoy.sheetId);

  expect(await hourlyAt(local(9, 0, 30))).toMatch(/^kept/);
  expect(rowsOf(wb, KPI_HISTORY_SHEET)).toEqual([
    expect.objectContaining({ Week: '2026-W45', From: '2026-11-02', To: '2026-11-08', Created: 1 }),
  ]);
  const note = wb.sheet(ASIDE).readNotes({ row: 1, column: 1, numRows: 1, numColumns: 1 })[0]?.[0];
  expect(note).toMatch(/^Renamed by Work Orders on 2026-11-09:/);
}, 120_000);
