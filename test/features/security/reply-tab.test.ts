/**
 * The requestors' reply form writes to a tab named by the add-on (Requestor Replies), made the first
 * time a supervisor asks something, after setup. Its rows are the raw answers behind what went on the
 * record: a technician must not retype or clear a requestor's answer there. Through dist/Code.js: the
 * hourly job protects it once it exists (Google Forms and the add-on's owner still write), setup does
 * too, and a requestor's next reply still lands on the record.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { REPLY_QUESTIONS } from '../../../src/core/reply-form';
import { userDeleteSheet } from '../../../runtime/host/spreadsheet/protection-model';
import {
  ADMIN,
  REQUESTOR,
  SUPERVISOR,
  TECH,
  expectOk,
  setUpWorkbook,
  type TestWorkbook,
} from '../../support/workbook';
import { act, itemIn, submitRequests, target, viewFor } from '../review/helpers';
import { documentProperties } from '../review/fixtures';
import { runHourly } from '../../support/ops';

let wb: TestWorkbook;
let id: string;
const TAB = SHEET_NAMES.requestorReplies;

async function reply(answer: string): Promise<void> {
  const formId = documentProperties(wb)['wo.replyForm.id']!;
  const submitted = await wb.rt.submitForm(formId, {
    respondentEmail: REQUESTOR,
    answers: { [REPLY_QUESTIONS.requestId.title]: id, [REPLY_QUESTIONS.answer.title]: answer },
  });
  submitted.executions.forEach(expectOk);
}

async function ask(question: string): Promise<void> {
  const item = itemIn(await viewFor(wb, SUPERVISOR), id);
  expect((await act(wb, SUPERVISOR, { action: 'clarify', ...target(item), question })).reply.ok).toBe(true);
}

async function canType(user: string): Promise<boolean> {
  try {
    await wb.edit(user, TAB, 2, 3, [['Room 13']]);
    return true;
  } catch (error) {
    if (/protected cell/.test(String(error))) return false;
    throw error;
  }
}

beforeAll(async () => {
  wb = await setUpWorkbook();
  [id] = (await submitRequests(wb, [{ description: 'Radiator is cold' }])) as [string];
  await ask('Which room?');
  await reply('Room 12');
});
afterAll(() => wb.close());

test('once the hourly job has run, a technician can neither retype an answer nor delete the tab', async () => {
  expectOk((await runHourly(wb))[0]!);
  const answers = wb.values(TAB);
  expect(await canType(TECH)).toBe(false);
  expect(await canType(SUPERVISOR)).toBe(false);
  expect(wb.values(TAB)).toEqual(answers);
  expect(() => userDeleteSheet(wb.model, TAB, TECH)).toThrow(/protected sheet/);
  expect(await canType(ADMIN)).toBe(true);
});

test('the requestor’s next reply still goes on the tab and on the record', async () => {
  await ask('Which floor?');
  const before = wb.values(TAB).length;
  await reply('Second floor');
  expect(wb.values(TAB)).toHaveLength(before + 1);
  expect(wb.order(id).notes).toMatch(/Requestor: Second floor$/);
});
