/**
 * An asset retired or moved on the Assets tab while active schedules name it, through dist/Code.js:
 * the administrator is told at once, in the edit's toast, which schedules the hourly job will now skip
 * and what to do, instead of learning it from the Errors tab after the next run.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { scheduleRow } from '../../support/schedules';
import { ADMIN, MID_MORNING, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';

const ASSETS = SHEET_NAMES.assets;
let wb: TestWorkbook;

beforeAll(async () => {
  wb = await setUpWorkbook({ startAt: MID_MORNING });
  (
    await wb.edit(ADMIN, ASSETS, 2, 1, [
      ['PUMP-01', 'Boiler feed pump', 'Main Building', 'Plumbing', 'High', 'TRUE'],
      ['FAN-02', 'Roof extract fan', 'Annex', 'HVAC', 'Low', 'TRUE'],
    ])
  ).executions.forEach(expectOk);
  const task = { category: 'Plumbing', nextDue: '2026-12-01' };
  (
    await wb.edit(ADMIN, SHEET_NAMES.schedules, 2, 1, [
      scheduleRow({ id: 'PM-PUMP', task: 'Inspect the pump', asset: 'PUMP-01', ...task }),
      scheduleRow({ id: 'PM-FAN', task: 'Clean the fan', asset: 'FAN-02', location: 'Annex', ...task }),
    ])
  ).executions.forEach(expectOk);
}, 60_000);
afterAll(() => wb.close());

const lastToast = (): string => String(wb.rt.world.ui.ofKind('toast').at(-1)?.message ?? '');

test('retiring an asset an active schedule names says the job will skip it, and what to do', async () => {
  (await wb.edit(ADMIN, ASSETS, 2, 6, [['FALSE']])).executions.forEach(expectOk);
  expect(lastToast()).toMatch(
    /Schedules the hourly job now skips: Schedules row 2 is ignored: Asset PUMP-01 is retired \(Active FALSE on the Assets tab\): set this schedule's Active to FALSE, or name an asset in service/,
  );
  expect(lastToast()).not.toMatch(/PM-FAN|row 3/);
});

test('moving an asset a schedule names with its old Location says so; a schedule following it is fine', async () => {
  (await wb.edit(ADMIN, ASSETS, 3, 3, [['Warehouse']])).executions.forEach(expectOk);
  expect(lastToast()).toMatch(
    /Schedules the hourly job now skips: Schedules row 3 is ignored: Location "Annex" is not where asset FAN-02 is \(Warehouse, on the Assets tab\)/,
  );
  expect(lastToast()).not.toMatch(/PUMP-01/);
});
