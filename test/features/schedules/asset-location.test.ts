/**
 * A schedule that names an asset works where the asset is, through dist/Code.js: a Location typed that
 * is not the asset's (on the Assets tab) is put back with a note saying where the asset is and what to
 * type; after the asset is moved, a schedule still naming its old location is skipped by the hourly job
 * and named on the Errors tab rather than sending a technician to the wrong place, while a schedule
 * with Location left empty follows the asset to its new place.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { scheduleRow } from '../../support/schedules';
import { DAY, rowsOf, runHourly } from '../../support/ops';
import { ADMIN, MID_MORNING, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';

const ASSETS = SHEET_NAMES.assets;
const SCHEDULES = SHEET_NAMES.schedules;
let wb: TestWorkbook;

beforeAll(async () => {
  // Tuesday 10 November 2026, 10:00 in New York.
  wb = await setUpWorkbook({ startAt: MID_MORNING });
  (
    await wb.edit(ADMIN, ASSETS, 2, 1, [
      ['PUMP-01', 'Boiler feed pump', 'Main Building', 'Plumbing', 'High', 'TRUE'],
    ])
  ).executions.forEach(expectOk);
}, 60_000);
afterAll(() => wb.close());

const noteAt = (row: number, column: number): string =>
  wb.sheet(SCHEDULES).readNotes({ row, column, numRows: 1, numColumns: 1 })[0]?.[0] ?? '';
const pump = (fields: { id: string; location: string; nextDue: string }) =>
  scheduleRow({ task: 'Inspect the pump', asset: 'PUMP-01', category: 'Plumbing', ...fields });
const ordersOf = (id: string) =>
  wb
    .register()
    .map((r) => r.order)
    .filter((o) => o.responseRef.startsWith(`Schedule ${id} `))
    .map((o) => [o.responseRef, o.asset, o.location]);

test('a schedule typed with a Location where its asset is not is put back, saying where the asset is', async () => {
  (
    await wb.edit(ADMIN, SCHEDULES, 2, 1, [
      pump({ id: 'PM-WRONG', location: 'Annex', nextDue: '2026-11-12' }),
    ])
  ).executions.forEach(expectOk);
  expect(wb.values(SCHEDULES)[1]?.[0] ?? '').toBe('');
  expect(noteAt(2, 1)).toMatch(
    /Location "Annex" is not where asset PUMP-01 is \(Main Building, on the Assets tab\): leave Location empty to follow the asset, or name its location/,
  );
});

test('an asset moved: a schedule naming its old location is skipped and named; one left empty follows it', async () => {
  (
    await wb.edit(ADMIN, SCHEDULES, 2, 1, [
      pump({ id: 'PM-TYPED', location: 'Main Building', nextDue: '2026-11-12' }),
      pump({ id: 'PM-FOLLOWS', location: '', nextDue: '2026-11-12' }),
    ])
  ).executions.forEach(expectOk);
  expect(wb.values(SCHEDULES).map((r) => r[0])).toEqual(['Schedule ID', 'PM-TYPED', 'PM-FOLLOWS']);

  // The pump is moved to the Annex before its occurrence comes due.
  (await wb.edit(ADMIN, ASSETS, 2, 3, [['Annex']])).executions.forEach(expectOk);
  await runHourly(wb, 2 * DAY);

  expect(ordersOf('PM-FOLLOWS')).toEqual([['Schedule PM-FOLLOWS 2026-11-12', 'PUMP-01', 'Annex']]);
  expect(ordersOf('PM-TYPED')).toEqual([]);
  const errors = rowsOf(wb, SHEET_NAMES.errors).map((r) => Object.values(r).join(' '));
  expect(
    errors.some((e) =>
      /Schedules row 2 is ignored: Location "Main Building" is not where asset PUMP-01 is \(Annex/.test(e),
    ),
  ).toBe(true);
}, 60_000);
