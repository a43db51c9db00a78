/**
 * A requestor's answer reaches the staff, through dist/Code.js: when the requestor answers "Ask
 * requestor" through the reply form (or adds information unasked), the supervisors are emailed the
 * answer with the question it answers and the register's link, and so is the technician once the
 * order is assigned, instead of the answer waiting unseen in Progress Notes until someone opens the
 * sidebar. A reply that is not added tells nobody but the respondent.
 */
import { REPLY_QUESTIONS } from '../../../src/core/reply-form';
import { sidebarAct, submitOne } from '../../support/edits';
import {
  REQUESTOR,
  STRANGER,
  SUPERVISOR,
  TECH,
  TECH2,
  expectOk,
  setUpWorkbook,
  type TestWorkbook,
} from '../../support/workbook';
import { documentProperties } from './fixtures';

let wb: TestWorkbook;
let id: string;
beforeAll(async () => {
  wb = await setUpWorkbook();
  id = await submitOne(wb, { description: 'Radiator in room 12 is cold' });
}, 60_000);
afterAll(() => wb.close());

async function reply(answer: string, from = REQUESTOR): Promise<void> {
  const formId = documentProperties(wb)['wo.replyForm.id'];
  if (!formId) throw new Error('no reply form');
  const outcome = await wb.rt.submitForm(formId, {
    respondentEmail: from,
    answers: { [REPLY_QUESTIONS.requestId.title]: id, [REPLY_QUESTIONS.answer.title]: answer },
  });
  outcome.executions.forEach(expectOk);
}

const replied = (to: string) =>
  wb.rt.world.mail.receivedBy(to).filter((m) => / Requestor replied: /.test(m.subject));

test('the answer to a question is emailed to the supervisors, with the question and the link', async () => {
  await sidebarAct(wb, {
    action: 'clarify',
    id,
    revision: wb.order(id).revision,
    question: 'Which radiator: by the window or by the door?',
  });
  await reply('The one by the window');
  const [mail, ...more] = replied(SUPERVISOR);
  expect(more).toEqual([]);
  expect(mail!.subject).toBe(`[${id}] Requestor replied: Radiator in room 12 is cold`);
  expect(mail!.body).toContain(
    `The requestor of ${id} answered the question "Which radiator: by the window or by the door?":\nThe one by the window`,
  );
  expect(mail!.body).toMatch(/Open the register: https:\/\//);
  expect(replied(REQUESTOR)).toEqual([]);
});

test('once assigned, the technician hears of information added too; a reply from someone else tells nobody', async () => {
  await sidebarAct(wb, {
    action: 'approveAssign',
    id,
    revision: wb.order(id).revision,
    category: 'HVAC',
    priority: 'P3 Routine',
    assignee: TECH,
  });
  await reply('The key is at the front desk');
  for (const to of [SUPERVISOR, TECH]) {
    const last = replied(to).at(-1);
    expect(last?.body).toContain(`added information:\nThe key is at the front desk`);
  }
  expect(replied(TECH2)).toEqual([]);
  const before = wb.rt.world.mail.sent.length;
  await reply('Ignore this', STRANGER);
  expect(wb.rt.world.mail.sent.slice(before).map((m) => m.to)).toEqual([[STRANGER]]);
});
