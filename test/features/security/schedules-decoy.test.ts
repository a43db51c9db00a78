/**
 * The Schedules tab is the administrators' (protected), but the hourly job found it by its name, and
 * any editor may add a tab. With the tab missing (an administrator deleted it, or a workbook from
 * before schedules), a technician adds a "Schedules" tab with a row of their own, an emergency at a
 * place of their choosing with themselves as default technician, and the job, as the installation
 * owner, made the order; its hourly repair of protections then protected the tab for them, as the
 * administrators'. Now the job takes schedules only from a tab protected for administrators only
 * (a protection's maker is always among its editors), says why not to the administrators, and leaves
 * such a tab to setup, which names it in its summary. Through dist/Code.js.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { SCHEDULE_HEADER_ROW } from '../../../src/core/schedules';
import { ASSET_HEADER_ROW } from '../../../src/core/assets';
import { isoDate, localParts } from '../../../src/core/time';
import { userDeleteSheet } from '../../../runtime/host/spreadsheet/protection-model';
import { now, runHourly } from '../../support/ops';
import { scheduleRow } from '../../support/schedules';
import { ADMIN, TECH, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';

const SCHEDULES = SHEET_NAMES.schedules;

let wb: TestWorkbook;
beforeEach(async () => {
  wb = await setUpWorkbook();
}, 60_000);
afterEach(() => wb.close());

function today(): string {
  const p = localParts(now(wb), wb.model.timeZone);
  return isoDate({ year: p.year, month: p.month, day: p.day });
}

/** The technician's tab under the name, with an emergency due today at a place of their choosing. */
function technicianTab() {
  // An administrator deleted the tab (only they may: it is protected).
  userDeleteSheet(wb.model, SCHEDULES, ADMIN);
  const tab = wb.model.insertSheetModel(SCHEDULES);
  tab.writeValues(1, 1, [
    [...SCHEDULE_HEADER_ROW],
    scheduleRow({
      id: 'PM-X',
      task: 'Open the cash office safe',
      location: 'Main Building',
      category: 'Electrical',
      priority: 'P1 Emergency',
      technician: TECH,
      nextDue: today(),
    }),
  ]);
  return tab;
}

const scheduled = () => wb.register().filter((r) => r.order.responseRef.startsWith('Schedule '));
const errorMessages = () => wb.values(SHEET_NAMES.errors).map((r) => String(r[3] ?? ''));

test("a technician's tab under the name makes no order, is left unprotected, and the administrators are told", async () => {
  const tab = technicianTab();
  for (let run = 0; run < 2; run++) (await runHourly(wb)).forEach(expectOk);
  expect(scheduled()).toEqual([]);
  expect(tab.protections.filter((p) => !p.removed)).toEqual([]);
  expect(errorMessages()).toEqual(
    expect.arrayContaining([
      expect.stringMatching(
        /No preventive work orders were made: the Schedules tab is not protected for administrators only \(it has no protection\).*runs Set up work orders/,
      ),
    ]),
  );
}, 60_000);

test('protected by the technician (who stays among its editors), it is still not taken', async () => {
  const tab = technicianTab();
  const own = wb.model.createProtection('SHEET', tab, null, TECH);
  own.customized = true;
  own.editors.clear();
  own.editors.add(TECH);
  (await runHourly(wb)).forEach(expectOk);
  expect(scheduled()).toEqual([]);
  expect(errorMessages().join('\n')).toMatch(/its protection also lets tina\.tech@example\.com edit it/);
}, 60_000);

test('negative control: setup names the unprotected tab, protects it, and the job then makes what is due', async () => {
  technicianTab();
  const summary = String(expectOk(await wb.menu(ADMIN, 'setUpWorkOrders')).value);
  expect(summary).toMatch(/the Schedules tab had rows and no protection.*check each row/);
  (await runHourly(wb)).forEach(expectOk);
  expect(scheduled().map((r) => r.order.description)).toEqual(['Open the cash office safe']);
}, 60_000);

test("an Assets tab of a technician's in place of a deleted one: the schedules naming its assets make no order", async () => {
  userDeleteSheet(wb.model, SHEET_NAMES.assets, ADMIN);
  const assets = wb.model.insertSheetModel(SHEET_NAMES.assets);
  assets.writeValues(1, 1, [
    [...ASSET_HEADER_ROW],
    ['PUMP-01', 'Boiler feed pump', 'Main Building', 'Plumbing', 'High', 'TRUE'],
  ]);
  // The administrators' own schedule names the asset (its location comes from the Assets tab).
  wb.sheet(SCHEDULES).writeValues(2, 1, [
    scheduleRow({
      id: 'PM-1',
      task: 'Service the pump',
      asset: 'PUMP-01',
      category: 'Plumbing',
      nextDue: today(),
    }),
  ]);
  (await runHourly(wb)).forEach(expectOk);
  expect(scheduled()).toEqual([]);
  expect(errorMessages().join('\n')).toMatch(
    /the Assets tab is not protected for administrators only \(it has no protection\)/,
  );
}, 60_000);
