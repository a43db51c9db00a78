/**
 * Setup keeps "Allow response editing" off on the forms whose answers are taken in once (the request
 * form, the reply form, the update form), through dist/Code.js: an administrator who turned it on is
 * told it was turned off and why, and a run with nothing to put right changes nothing.
 */
import { REPLY_FORM_TITLE } from '../../../src/core/reply-form';
import { ADMIN, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { documentProperties } from '../review/fixtures';

let wb: TestWorkbook;
beforeAll(async () => {
  wb = await setUpWorkbook();
});
afterAll(() => wb.close());

const forms = () => {
  const byId = (id: string) => wb.rt.world.forms.require(id);
  return {
    request: byId(wb.formId),
    reply: wb.rt.world.forms.all().find((f) => f.title === REPLY_FORM_TITLE)!,
    update: byId(documentProperties(wb)['wo.updateForm.id']!),
  };
};

test('the forms setup makes do not let a response be edited', () => {
  const { request, reply, update } = forms();
  expect([request, reply, update].map((f) => f.allowResponseEdits)).toEqual([false, false, false]);
});

test('response editing turned on is turned off again, and the summary says why', async () => {
  for (const form of Object.values(forms())) form.allowResponseEdits = true;
  const summary = String(expectOk(await wb.menu(ADMIN, 'setUpWorkOrders')).value);
  expect(summary).toContain(
    'the request form no longer lets requestors edit a response after sending it (an edit cannot change a request taken in: they use the reply form, or submit a new request)',
  );
  expect(summary).toContain('the reply form no longer lets respondents edit a response after sending it');
  expect(summary).toContain('the update form no longer lets respondents edit a response after sending it');
  expect(Object.values(forms()).map((f) => f.allowResponseEdits)).toEqual([false, false, false]);
  expect(String(expectOk(await wb.menu(ADMIN, 'setUpWorkOrders')).value)).toMatch(/nothing was changed/);
});
