/**
 * Setup makes the requestors' reply form, as the installation's owner, and repairs it on every run,
 * like the update form: a supervisor's first question no longer makes it (it would be theirs, and
 * could stop collecting verified addresses). A workbook set up before keeps working: its first
 * question still makes one, and the next setup run puts its settings right. Through dist/Code.js.
 */
import { unlink } from '../../../runtime/host/form/destination';
import { REPLY_FORM_TITLE, REPLY_QUESTIONS, REPLY_RESPONSES_SHEET } from '../../../src/core/reply-form';
import {
  ADMIN,
  REQUESTOR,
  SUPERVISOR,
  expectOk,
  setUpWorkbook,
  type TestWorkbook,
} from '../../support/workbook';
import { act, itemIn, submitRequests, target, viewFor } from '../review/helpers';
import { documentProperties } from '../review/fixtures';

const replyForms = (wb: TestWorkbook) => wb.rt.world.forms.all().filter((f) => f.title === REPLY_FORM_TITLE);

function onlyReplyForm(wb: TestWorkbook) {
  const forms = replyForms(wb);
  expect(forms).toHaveLength(1);
  return forms[0]!;
}

async function ask(wb: TestWorkbook, id: string): Promise<string> {
  const item = itemIn(await viewFor(wb, SUPERVISOR), id);
  await act(wb, SUPERVISOR, { action: 'clarify', ...target(item), question: 'Which room exactly?' });
  const mail = wb.rt.world.mail.receivedBy(REQUESTOR).at(-1);
  return mail?.body ?? '';
}

async function replyThrough(wb: TestWorkbook, formId: string, id: string, answer: string): Promise<void> {
  const outcome = await wb.rt.submitForm(formId, {
    respondentEmail: REQUESTOR,
    answers: { [REPLY_QUESTIONS.requestId.title]: id, [REPLY_QUESTIONS.answer.title]: answer },
  });
  outcome.executions.forEach(expectOk);
}

describe('a workbook set up now', () => {
  let wb: TestWorkbook;
  let ids: string[];
  beforeAll(async () => {
    wb = await setUpWorkbook();
    ids = await submitRequests(wb, [{ description: 'Radiator is cold' }, { description: 'Door sticks' }]);
  });
  afterAll(() => wb.close());

  test("has the reply form from setup: the owner's, verified addresses, its own tab, its link stored", () => {
    const form = onlyReplyForm(wb);
    expect(form.ownerEmail).toBe(ADMIN);
    expect(form.verifiedEmail).toBe(true);
    expect(form.destination?.sheet.name).toBe(REPLY_RESPONSES_SHEET);
    expect(documentProperties(wb)['wo.replyForm.id']).toBe(form.id);
    expect(documentProperties(wb)['wo.replyForm.link']).toContain(form.publishedId);
  });

  test("a supervisor's question makes no form and links the owner's", async () => {
    const body = await ask(wb, ids[0]!);
    const form = onlyReplyForm(wb);
    expect(body).toContain(form.publishedId);
    await replyThrough(wb, form.id, ids[0]!, 'Room 12, by the window');
    expect(wb.order(ids[0]!).notes).toMatch(/Room 12, by the window/);
  });

  test('setup puts back verified addresses turned off and relinks an unlinked form on a tab of its own', async () => {
    const form = onlyReplyForm(wb);
    form.verifiedEmail = false;
    unlink(form);
    const summary = String(expectOk(await wb.menu(ADMIN, 'setUpWorkOrders')).value);
    expect(summary).toMatch(/the reply form collects verified email addresses again/);
    expect(summary).toMatch(/the reply form sends its responses to this spreadsheet again/);
    expect(onlyReplyForm(wb).verifiedEmail).toBe(true);
    expect(onlyReplyForm(wb).destination?.sheet.name).toBe(`${REPLY_RESPONSES_SHEET} 2`);
    await ask(wb, ids[1]!);
    await replyThrough(wb, form.id, ids[1]!, 'The back door');
    expect(wb.order(ids[1]!).notes).toMatch(/The back door/);
    // A run with everything in place changes nothing.
    expect(String(expectOk(await wb.menu(ADMIN, 'setUpWorkOrders')).value)).toMatch(/nothing was changed/);
  });
});

test("a workbook set up before: its first question still makes the form; setup, which cannot open the supervisor's form, makes the owner's", async () => {
  const wb = await setUpWorkbook();
  try {
    const [id] = await submitRequests(wb, [{ description: 'Leaking tap' }]);
    // As before setup made it: no reply form yet.
    const props = wb.rt.world.properties.document(wb.ssId);
    const made = onlyReplyForm(wb);
    props.delete('wo.replyForm.id');
    props.delete('wo.replyForm.link');
    made.title = 'Some other form';
    const body = await ask(wb, id!);
    const form = replyForms(wb).find((f) => f.id !== made.id)!;
    expect(form.ownerEmail).toBe(SUPERVISOR);
    expect(body).toContain(form.publishedId);
    // The supervisor's form is a Drive file private to them (as on Google): the owner's setup cannot
    // open it, so it makes the owner's own, and every email from now on carries its link. Links already
    // sent still work: the supervisor's form still sends its responses here.
    form.verifiedEmail = false;
    const summary = String(expectOk(await wb.menu(ADMIN, 'setUpWorkOrders')).value);
    expect(summary).toMatch(/Created: the requestors' reply form/);
    const owners = replyForms(wb).find((f) => f.id === props.get('wo.replyForm.id'))!;
    expect([owners.ownerEmail, owners.verifiedEmail]).toEqual([ADMIN, true]);
    expect(props.get('wo.replyForm.link')).toContain(owners.publishedId);
    expect(form.destination).not.toBeNull();
  } finally {
    await wb.close();
  }
});
