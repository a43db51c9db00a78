/**
 * A form is private to the account that made it: after Take over installation, the new owner's hourly
 * job cannot open a former owner's form that was never shared with it (a workbook from before the
 * add-on shared its forms with the administrators). The requests that form's trigger missed are not
 * taken in unchecked; the job's report says what to do instead of Google's bare "No item with the given
 * ID could be found".
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { ADMIN, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { runHourly } from '../../support/ops';

const NEW_OWNER = 'ada.admin@example.com';

let wb: TestWorkbook;
beforeAll(async () => {
  wb = await setUpWorkbook();
}, 60_000);
afterAll(() => wb.close());

test('the new owner’s job names the unshared form and the way to share it; the missed request waits', async () => {
  const row = wb.sheet(SHEET_NAMES.staff).lastRow() + 1;
  (
    await wb.edit(ADMIN, SHEET_NAMES.staff, row, 1, [[NEW_OWNER, 'Ada', 'Administrator', 'TRUE']])
  ).executions.forEach(expectOk);
  for (const form of wb.rt.world.forms.all()) form.editors.delete(NEW_OWNER);
  wb.rt.world.ui.respondWith({ button: 'YES' });
  expectOk(await wb.menu(NEW_OWNER, 'takeOverInstallation'));
  const orders = wb.register().length;
  wb.rt.world.forms.submit(wb.formId, {
    respondentEmail: 'late@example.com',
    answers: wb.answers({ description: 'Missed while the form is not shared' }),
  });
  const runs = await runHourly(wb);
  const said = runs.map((r) => String(r.error?.message ?? '')).join(' ');
  expect(said).toMatch(
    /form linked to the ".*" tab could not be opened.*wait.*Share settings.*Set up work orders/,
  );
  expect(wb.register()).toHaveLength(orders);
});
