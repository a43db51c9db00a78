/**
 * An administrator renames a location on the Settings tab, through dist/Code.js: the request form's
 * Location question offers the new name at once (before, it kept offering the old one until the next
 * setup, so requests arrived with a location the register no longer lists), and the asset question
 * follows the Assets tab as it now reads. A schedule of an asset whose row the rename left refused is
 * skipped saying why (its row names a location no longer on Settings), not that the asset is gone.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { rowsOf, runHourly } from '../../support/ops';
import { scheduleRow } from '../../support/schedules';
import { ADMIN, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';

const SETTINGS = SHEET_NAMES.settings;
let wb: TestWorkbook;
beforeAll(async () => {
  wb = await setUpWorkbook();
  (
    await wb.edit(ADMIN, SHEET_NAMES.assets, 2, 1, [
      ['PUMP-01', 'Boiler feed pump', 'Main Building', 'Plumbing', 'High', 'TRUE'],
      ['FAN-02', 'Roof extract fan', 'Annex', 'HVAC', 'Low', 'TRUE'],
    ])
  ).executions.forEach(expectOk);
  (
    await wb.edit(ADMIN, SHEET_NAMES.schedules, 2, 1, [
      scheduleRow({
        id: 'PM-PUMP',
        task: 'Inspect the pump',
        asset: 'PUMP-01',
        category: 'Plumbing',
        nextDue: '2026-01-05',
      }),
    ])
  ).executions.forEach(expectOk);
}, 60_000);
afterAll(() => wb.close());

function choices(title: string): readonly string[] | undefined {
  const form = wb.rt.world.forms.require(wb.formId);
  return form.items.find((i) => i.title === title)?.choices;
}

async function setLocation(from: string, to: string): Promise<void> {
  const values = wb.values(SETTINGS);
  const column = (values[0] ?? []).indexOf('Location');
  const row = values.findIndex((r) => r[column] === from) + 1;
  (await wb.edit(ADMIN, SETTINGS, row, column + 1, [[to]])).executions.forEach(expectOk);
}

test('the form offers the renamed location at once, and drops the assets it no longer fits', async () => {
  expect(choices('Location')).toContain('Main Building');
  expect(choices('Asset')).toEqual([
    'PUMP-01 — Boiler feed pump (Main Building)',
    'FAN-02 — Roof extract fan (Annex)',
  ]);
  await setLocation('Main Building', 'Main Bldg');
  expect(choices('Location')).toEqual(['Main Bldg', 'Annex', 'Warehouse', 'Car Park', 'Grounds']);
  expect(choices('Asset')).toEqual(['FAN-02 — Roof extract fan (Annex)']);
});

test('an edit that leaves the locations as they were does not touch the form', async () => {
  const before = wb.rt.world.forms.require(wb.formId).items.map((i) => [i.title, i.choices]);
  const values = wb.values(SETTINGS);
  const column = (values[0] ?? []).indexOf('Value');
  const row = values.findIndex((r) => r.includes('organizationName')) + 1;
  const outcome = await wb.edit(ADMIN, SETTINGS, row, column + 1, [['Facilities Team']]);
  outcome.executions.forEach(expectOk);
  expect(wb.rt.world.forms.require(wb.formId).items.map((i) => [i.title, i.choices])).toEqual(before);
});

test('the schedule of the asset left out is skipped, saying why', async () => {
  await runHourly(wb);
  const messages = rowsOf(wb, SHEET_NAMES.errors).map((r) => String(r.Message));
  expect(messages).toContain(
    '1 Schedules row(s) were skipped: Schedules row 2 is ignored: Asset "PUMP-01" is not usable: Assets row 2 is ignored: Location "Main Building" is not on the Settings list',
  );
});
