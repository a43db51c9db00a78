/**
 * An asset taken out of service (Active FALSE on the Assets tab) gets no more preventive-maintenance
 * orders, through dist/Code.js: its schedule is skipped by the hourly job, which names it on the
 * Errors tab (what to do: set the schedule's Active to FALSE or name an asset in service), and a
 * schedule typed for a retired asset is put back with a note saying so. Bringing the asset back into
 * service lets the schedule run again.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { scheduleRow } from '../../support/schedules';
import { DAY, rowsOf, runHourly } from '../../support/ops';
import { ADMIN, MID_MORNING, TECH, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';

const ASSETS = SHEET_NAMES.assets;
const SCHEDULES = SHEET_NAMES.schedules;
let wb: TestWorkbook;

beforeAll(async () => {
  // Tuesday 10 November 2026, 10:00 in New York.
  wb = await setUpWorkbook({ startAt: MID_MORNING });
  (
    await wb.edit(ADMIN, ASSETS, 2, 1, [
      ['PUMP-01', 'Boiler feed pump', 'Main Building', 'Plumbing', 'High', 'TRUE'],
      ['FAN-02', 'Roof extract fan', 'Annex', 'HVAC', 'Low', 'TRUE'],
    ])
  ).executions.forEach(expectOk);
  (
    await wb.edit(ADMIN, SCHEDULES, 2, 1, [
      scheduleRow({
        id: 'PM-PUMP',
        task: 'Inspect the pump',
        asset: 'PUMP-01',
        category: 'Plumbing',
        technician: TECH,
        every: '1',
        unit: 'months',
        leadDays: '3',
        nextDue: '2026-11-12',
      }),
    ])
  ).executions.forEach(expectOk);
}, 60_000);
afterAll(() => wb.close());

const pumpOrders = () =>
  wb
    .register()
    .map((r) => r.order)
    .filter((o) => o.responseRef.startsWith('Schedule PM-PUMP'))
    .map((o) => o.responseRef);

const noteAt = (sheet: string, row: number, column: number): string =>
  wb.sheet(sheet).readNotes({ row, column, numRows: 1, numColumns: 1 })[0]?.[0] ?? '';

test('a retired asset gets no more preventive orders; the skipped schedule is named on the Errors tab', async () => {
  await runHourly(wb);
  expect(pumpOrders()).toEqual(['Schedule PM-PUMP 2026-11-12']);

  // The pump is replaced: the administrator retires it.
  (await wb.edit(ADMIN, ASSETS, 2, 6, [['FALSE']])).executions.forEach(expectOk);
  expect(wb.values(ASSETS)[1]?.[5]).toBe(false);

  // A month on, well past the next occurrence's lead time.
  for (let day = 0; day < 35; day++) await runHourly(wb, DAY);
  expect(pumpOrders()).toEqual(['Schedule PM-PUMP 2026-11-12']);
  const errors = rowsOf(wb, SHEET_NAMES.errors).map((r) => Object.values(r).join(' '));
  expect(errors.some((e) => /Schedules row 2 is ignored: Asset PUMP-01 is retired/.test(e))).toBe(true);
  expect(errors.some((e) => /set this schedule's Active to FALSE, or name an asset in service/.test(e))).toBe(
    true,
  );
}, 60_000);

test('a schedule typed for a retired asset is put back with a note; a paused one is accepted', async () => {
  const row = [
    scheduleRow({
      id: 'PM-PUMP-2',
      task: 'Grease the pump',
      asset: 'PUMP-01',
      category: 'Plumbing',
      nextDue: '2027-01-05',
    }),
  ];
  (await wb.edit(ADMIN, SCHEDULES, 3, 1, row)).executions.forEach(expectOk);
  expect(wb.values(SCHEDULES)[2]?.[0] ?? '').toBe('');
  expect(noteAt(SCHEDULES, 3, 1)).toMatch(/Asset PUMP-01 is retired/);

  const paused = [
    scheduleRow({
      id: 'PM-PUMP-2',
      task: 'Grease the pump',
      asset: 'PUMP-01',
      category: 'Plumbing',
      nextDue: '2027-01-05',
      active: 'FALSE',
    }),
  ];
  (await wb.edit(ADMIN, SCHEDULES, 3, 1, paused)).executions.forEach(expectOk);
  expect(wb.values(SCHEDULES)[2]?.[0]).toBe('PM-PUMP-2');
});

test('back in service, the schedule runs again', async () => {
  (await wb.edit(ADMIN, ASSETS, 2, 6, [['TRUE']])).executions.forEach(expectOk);
  await runHourly(wb);
  // The occurrence missed while it was retired comes as one late order, flagged for review.
  expect(pumpOrders()).toEqual(['Schedule PM-PUMP 2026-11-12', 'Schedule PM-PUMP 2026-12-12']);
});
