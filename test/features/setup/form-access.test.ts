/**
 * The add-on's forms are Drive files private to the account that made them (the installation owner's
 * setup), as on Google: another administrator cannot open them. Their setup must not record new forms
 * in place of ones that still take requests (a second responses tab, the printed links left on the
 * old form); it leaves them and names the owner. The owner's setup shares the forms with the
 * administrators (and so does an accepted Staff edit, as the owner), after which the other administrator's
 * setup repairs them and labels can be printed.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { PROPERTY_KEYS } from '../../../src/server/adapters/document-properties';
import { ADMIN, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';

const SECOND_ADMIN = 'ada.admin@example.com';
const FORM_KEYS = [PROPERTY_KEYS.formId, PROPERTY_KEYS.updateFormId, PROPERTY_KEYS.replyFormId];

let wb: TestWorkbook;
beforeAll(async () => {
  wb = await setUpWorkbook();
  const row = wb.sheet(SHEET_NAMES.staff).lastRow() + 1;
  const edit = await wb.edit(ADMIN, SHEET_NAMES.staff, row, 1, [
    [SECOND_ADMIN, 'Ada', 'Administrator', 'TRUE'],
  ]);
  edit.executions.forEach(expectOk);
  // The accepted Staff edit shared the forms with her at once (it runs as the owner, whose forms they are).
  for (const form of wb.rt.world.forms.all()) expect(form.editors.has(SECOND_ADMIN)).toBe(true);
  // A workbook from before that, or forms whose sharing was taken away: not shared with her.
  for (const form of wb.rt.world.forms.all()) form.editors.delete(SECOND_ADMIN);
});
afterAll(() => wb.close());

const recordedForms = () => FORM_KEYS.map((k) => wb.rt.world.properties.document(wb.ssId).get(k));

test("another administrator's setup leaves forms it cannot open, naming the owner; labels say whom to ask", async () => {
  const before = recordedForms();
  const count = wb.rt.world.forms.all().length;
  const summary = String(expectOk(await wb.menu(SECOND_ADMIN, 'setUpWorkOrders')).value);
  expect(recordedForms()).toEqual(before);
  expect(wb.rt.world.forms.all()).toHaveLength(count);
  expect(summary).not.toMatch(/Created:/);
  expect(summary).toMatch(
    new RegExp(
      `the request form could not be opened: it is not shared with you .*installation owner ${ADMIN}`,
    ),
  );
  const labels = (await wb.call(SECOND_ADMIN, 'labelsLoad')).value as { ok: boolean; message?: string };
  expect(JSON.stringify(labels)).toMatch(
    new RegExp(`ask the installation owner ${ADMIN} to run Set up work orders`),
  );
});

test("the owner's setup shares the forms with the administrators; then the other's setup and labels work", async () => {
  const summary = String(expectOk(await wb.menu(ADMIN, 'setUpWorkOrders')).value);
  expect(summary).toMatch(new RegExp(`shared the form "Work order request[^"]*" with ${SECOND_ADMIN}`));
  for (const form of wb.rt.world.forms.all()) expect(form.editors.has(SECOND_ADMIN)).toBe(true);
  const again = String(expectOk(await wb.menu(SECOND_ADMIN, 'setUpWorkOrders')).value);
  expect(again).not.toMatch(/could not be opened|Created:|shared the form/);
  const labels = expectOk(await wb.call(SECOND_ADMIN, 'labelsLoad')).value as { ok: boolean };
  expect(labels.ok).toBe(true);
});
