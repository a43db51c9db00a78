/**
 * A requestor picks an asset on the request form and a Location that is not where the asset is (the
 * choice reads "PUMP-01 — Boiler feed pump (Main Building)", the Location answer says Annex). The
 * request is taken in, flagged for the supervisor in Needs Review with both places, so that nobody is
 * sent to the wrong building nor the order put on the wrong asset's history unchecked. No extra call:
 * the choice itself says where the asset is.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { ADMIN, REQUESTOR, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';

const PUMP = 'PUMP-01 — Boiler feed pump (Main Building)';

let wb: TestWorkbook;
beforeAll(async () => {
  wb = await setUpWorkbook();
  (
    await wb.edit(ADMIN, SHEET_NAMES.assets, 2, 1, [
      ['PUMP-01', 'Boiler feed pump', 'Main Building', 'Plumbing', 'High', 'TRUE'],
    ])
  ).executions.forEach(expectOk);
}, 60_000);
afterAll(() => wb.close());

async function submit(location: string, description: string) {
  const answers = { ...wb.answers({ description, location }), Asset: PUMP };
  (await wb.rt.submitForm(wb.formId, { respondentEmail: REQUESTOR, answers })).executions.forEach(expectOk);
  const order = wb.register().find((r) => r.order.description === description)?.order;
  if (!order) throw new Error(`no order for ${description}`);
  return order;
}

test('an asset chosen at another location than the one named: taken in, flagged with both places', async () => {
  const order = await submit('Annex', 'Pump leaking in the annex?');
  expect(order.asset).toBe('PUMP-01');
  expect(order.location).toBe('Annex');
  expect(order.reviewFlag).toMatch(
    /Asset PUMP-01 is at Main Building, but the request names Annex: check which is right before approving/,
  );
});

test('the asset at the location named: no flag', async () => {
  const order = await submit('Main Building', 'Pump leaking in the plant room');
  expect(order.asset).toBe('PUMP-01');
  expect(order.reviewFlag ?? '').not.toMatch(/Asset PUMP-01 is at/);
});
