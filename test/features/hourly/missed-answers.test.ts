/**
 * Answers to the add-on's own forms that no form-submit execution recorded (the trigger failed, timed
 * out on the lock, or was killed), through dist/Code.js: the hourly job never takes one in as a request.
 */
import { STEP_CHOICES, updateQuestion } from '../../../src/shared/my-work-update-form';
import type { MyWorkStep } from '../../../src/shared/my-work-types';
import { assignedOrder } from '../../support/edits';
import { runHourly } from '../../support/ops';
import { ADMIN, TECH, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';

let wb: TestWorkbook;
let held: string;
beforeAll(async () => {
  wb = await setUpWorkbook();
  expectOk(await wb.menu(ADMIN, 'setUpWorkOrders'));
  held = await assignedOrder(wb, TECH);
  expectOk(
    await wb.call(TECH, 'myWorkAct', { action: 'start', id: held, revision: wb.order(held).revision }),
  );
}, 60_000);
afterAll(() => wb.close());

function formId(title: string): string {
  const form = wb.rt.world.forms.all().find((f) => f.title === title);
  if (!form) throw new Error(`no form "${title}"`);
  return form.id;
}

/** A technician answers the update form while no form-submit trigger runs. */
function updateUnnoticed(respondent: string, order: string, step: MyWorkStep, reason = '') {
  const answers: Record<string, string> = {
    [updateQuestion('order').title]: order,
    [updateQuestion('step').title]: STEP_CHOICES[step],
  };
  if (reason) answers[updateQuestion('reason').title] = reason;
  return wb.rt.world.forms.submit(formId('Work order update'), { respondentEmail: respondent, answers });
}

test('an update-form answer no trigger recorded is never taken in as a request', async () => {
  const orders = wb.register().length;
  updateUnnoticed(TECH, held, 'hold', 'Waiting for a part');
  expectOk((await runHourly(wb))[0]!);
  expect(wb.register()).toHaveLength(orders);
});
