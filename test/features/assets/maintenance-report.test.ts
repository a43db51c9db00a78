/**
 * Report: Maintenance through dist/Code.js (Build reports, as a manager): per-asset history, repeat
 * failures (3 or more corrective orders in 90 days) and preventive-maintenance compliance measured
 * against each occurrence's own due date.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { addCalendarDays, endOfLocalDay, isoDate, localParts } from '../../../src/core/time';
import {
  ADMIN,
  MANAGER,
  REQUESTOR,
  expectOk,
  setUpWorkbook,
  type TestWorkbook,
} from '../../support/workbook';
import { HOUR, advance, now, runHourly, startAtLocalHour } from '../../support/ops';
import { patchOrderAsAddOn } from '../../support/audit';
import { scheduleRow } from '../../support/schedules';

let wb: TestWorkbook;
let tab: unknown[][];

const PUMP = 'PUMP-01 — Boiler feed pump (Main Building)';

function rowAfter(heading: string, offset = 2): unknown[] {
  const at = tab.findIndex((r) => r[0] === heading);
  if (at < 0) throw new Error(`no ${heading}`);
  return tab[at + offset] ?? [];
}

beforeAll(async () => {
  wb = await setUpWorkbook();
  startAtLocalHour(wb, 9);
  const tz = wb.model.timeZone;
  const today = localParts(now(wb), tz);
  const day = (n: number) => isoDate(addCalendarDays(today, n));
  (
    await wb.edit(ADMIN, SHEET_NAMES.assets, 2, 1, [
      ['PUMP-01', 'Boiler feed pump', 'Main Building', 'Plumbing', 'High', 'TRUE'],
      ['AHU-2', 'Air handling unit', 'Annex', 'HVAC', 'Low', 'TRUE'],
    ])
  ).executions.forEach(expectOk);
  // Three breakdowns of the pump, one of the AHU: corrective orders from the form.
  for (const [asset, text] of [
    [PUMP, 'Leaking'],
    [PUMP, 'Noisy'],
    [PUMP, 'Stopped'],
    ['AHU-2 — Air handling unit (Annex)', 'Filter'],
  ]) {
    const answers = {
      ...wb.answers({ description: text!, location: asset!.includes('Annex') ? 'Annex' : 'Main Building' }),
      Asset: asset!,
    };
    (await wb.rt.submitForm(wb.formId, { respondentEmail: REQUESTOR, answers })).executions.forEach(expectOk);
  }
  // A weekly check of the pump, missed twice before today: the job makes today's, the one due 7 days ago late.
  (
    await wb.edit(ADMIN, SHEET_NAMES.schedules, 2, 1, [
      scheduleRow({
        id: 'PM-1',
        task: 'Weekly pump check',
        asset: 'PUMP-01',
        category: 'Plumbing',
        nextDue: day(-7),
      }),
    ])
  ).executions.forEach(expectOk);
  expectOk((await runHourly(wb))[0]!);
  const pm = wb
    .register()
    .map((r) => r.order)
    .filter((o) => o.responseRef.startsWith('Schedule PM-1'));
  expect(pm.map((o) => o.responseRef).sort()).toEqual([
    `Schedule PM-1 ${day(-7)}`,
    `Schedule PM-1 ${day(0)}`,
  ]);
  // The late one completed now (after its day), today's completed within its day (as the add-on records
  // a completion: the reports count what Work Orders recorded, not a cell written behind its back).
  const late = pm.find((o) => o.responseRef.endsWith(day(-7)))!;
  const onTime = pm.find((o) => o.responseRef.endsWith(day(0)))!;
  patchOrderAsAddOn(wb, late.id, { status: 'Completed', completedAt: now(wb) });
  patchOrderAsAddOn(wb, onTime.id, { status: 'Completed', completedAt: endOfLocalDay(now(wb), tz) });
  advance(wb, HOUR);
  expectOk(await wb.menu(MANAGER, 'buildReports'));
  tab = wb.values(SHEET_NAMES.reportMaintenance);
});
afterAll(() => wb.close());

test('PM compliance counts each occurrence against its own due date', () => {
  expect(rowAfter('Preventive maintenance compliance').slice(0, 6)).toEqual([2, 1, 1, 0, 50, 0]);
  expect(rowAfter('Late or not completed preventive orders').slice(1, 2)).toEqual(['PM-1']);
  expect(rowAfter('Late or not completed preventive orders')[5]).toBe('late');
});

test('repeat failures name the pump (3 corrective orders in 90 days), not the AHU', () => {
  const heading = tab.find((r) => String(r[0]).startsWith('Repeat failures'))![0] as string;
  expect(rowAfter(heading).slice(0, 5)).toEqual(['PUMP-01', 'Boiler feed pump', 'Main Building', 'High', 3]);
  expect(rowAfter(heading, 3)[0]).toBe('');
});

test('asset history: orders, corrective and preventive, open', () => {
  expect(rowAfter('Asset history').slice(0, 9)).toEqual([
    'PUMP-01',
    'Boiler feed pump',
    'Main Building',
    'High',
    5,
    3,
    2,
    3,
    3,
  ]);
  expect(rowAfter('Asset history', 3).slice(0, 9)).toEqual([
    'AHU-2',
    'Air handling unit',
    'Annex',
    'Low',
    1,
    1,
    0,
    1,
    1,
  ]);
});
