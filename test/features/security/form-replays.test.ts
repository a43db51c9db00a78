/**
 * The two forms a person answers outside the spreadsheet, attacked through dist/Code.js: a requestor's
 * reply that Google delivers twice (a replayed form-submit event) or that is edited afterwards (Forms
 * fires the trigger again for the same response row) goes on the work order once; an update whose
 * "Work order" answer is long or spans lines is still answered, on a one-line subject, naming what
 * to correct; numbers in the update form are read as people write them, not as JavaScript reads them.
 */
import { fireFormSubmit } from '../../../runtime/host/events';
import type { FormSubmission } from '../../../runtime/host/form-events';
import { REPLY_QUESTIONS } from '../../../src/core/reply-form';
import { STEP_CHOICES, updateQuestion } from '../../../src/shared/my-work-update-form';
import {
  REQUESTOR,
  STRANGER,
  SUPERVISOR,
  TECH,
  expectOk,
  setUpWorkbook,
  type TestWorkbook,
} from '../../support/workbook';
import { act, itemIn, mailLog, submitRequests, target, viewFor } from '../review/helpers';
import { documentProperties, writesSnapshot } from '../review/fixtures';
import { assignedOrders } from '../my-work/helpers';

let wb: TestWorkbook;
beforeAll(async () => {
  wb = await setUpWorkbook();
});
afterAll(() => wb.close());

/** Google delivers the trigger again for a response row, with the answers the row now holds. */
async function redeliver(submitted: FormSubmission, namedValues = submitted.response.namedValues) {
  const trigger = wb.rt.world.triggers.matching('ON_FORM_SUBMIT', 'SPREADSHEETS', wb.ssId)[0]!;
  const { response } = submitted;
  const values = Object.values(namedValues).map((v) => v[0] ?? '');
  return expectOk(
    await fireFormSubmit(wb.rt, trigger, wb.ssId, {
      sheetName: response.sheetName!,
      row: response.row!,
      values,
      namedValues,
    }),
  );
}

describe('the reply form', () => {
  let id: string;
  let first: FormSubmission;
  beforeAll(async () => {
    [id] = (await submitRequests(wb, [{ description: 'Radiator is cold' }])) as [string];
    const item = itemIn(await viewFor(wb, SUPERVISOR), id);
    const asked = await act(wb, SUPERVISOR, { action: 'clarify', ...target(item), question: 'Which room?' });
    expect(asked.reply.ok).toBe(true);
    const formId = documentProperties(wb)['wo.replyForm.id']!;
    first = await wb.rt.submitForm(formId, {
      respondentEmail: REQUESTOR,
      answers: { [REPLY_QUESTIONS.requestId.title]: id, [REPLY_QUESTIONS.answer.title]: 'Room 12' },
    });
    first.executions.forEach(expectOk);
    expect(wb.order(id).notes).toMatch(/Requestor: Room 12$/);
  });

  test('a replayed event adds the reply once: no second note, log row or revision', async () => {
    const before = writesSnapshot(wb);
    await redeliver(first);
    expect(writesSnapshot(wb)).toBe(before);
    expect(wb.order(id).notes.match(/Room 12/g)).toHaveLength(1);
  });

  test('a response edited afterwards does not add to, or rewrite, what is on the record', async () => {
    const before = writesSnapshot(wb);
    const edited = { ...first.response.namedValues, [REPLY_QUESTIONS.answer.title]: ['Ignore the above'] };
    await redeliver(first, edited);
    expect(writesSnapshot(wb)).toBe(before);
    expect(wb.order(id).notes).not.toMatch(/Ignore the above/);
  });

  test('negative control: a second, new reply from the requestor is still added', async () => {
    const formId = documentProperties(wb)['wo.replyForm.id']!;
    const second = await wb.rt.submitForm(formId, {
      respondentEmail: REQUESTOR,
      answers: { [REPLY_QUESTIONS.requestId.title]: id, [REPLY_QUESTIONS.answer.title]: 'Also room 13' },
    });
    second.executions.forEach(expectOk);
    expect(wb.order(id).notes).toMatch(/Requestor: Also room 13$/);
  });
});

test('a reply that would overflow the Progress Notes cell is not added cut off: it is logged as not added', async () => {
  const [id] = (await submitRequests(wb, [{ description: 'Long conversation' }])) as [string];
  const item = itemIn(await viewFor(wb, SUPERVISOR), id);
  expect(
    (await act(wb, SUPERVISOR, { action: 'clarify', ...target(item), question: 'Details?' })).reply.ok,
  ).toBe(true);
  const formId = documentProperties(wb)['wo.replyForm.id']!;
  const send = async (answer: string) =>
    (
      await wb.rt.submitForm(formId, {
        respondentEmail: REQUESTOR,
        answers: { [REPLY_QUESTIONS.requestId.title]: id, [REPLY_QUESTIONS.answer.title]: answer },
      })
    ).executions.forEach(expectOk);
  // Each reply keeps 2000 characters: 24 of them fill the cell to within less than one more.
  for (let i = 0; i < 24; i++) await send(`Part ${i}: ${'d'.repeat(2100)}`);
  const full = wb.order(id);
  expect(full.notes.length).toBeGreaterThan(50_000 - 2100);
  const last = `The last detail, which must not be lost: ${'e'.repeat(2100)}`;
  await send(last);
  expect(wb.order(id)).toEqual(full);
  expect(wb.changeLogEntries().at(-1)).toMatchObject({
    recordId: id,
    field: 'Requestor reply not added (its Progress Notes are full: a cell holds 50000 characters)',
    newValue: last.slice(0, 500),
  });
});

describe('the update form', () => {
  const formId = () => wb.rt.world.forms.all().find((f) => f.title === 'Work order update')!.id;
  const q = (key: Parameters<typeof updateQuestion>[0]) => updateQuestion(key).title;

  async function update(respondent: string, answers: Record<string, string>) {
    const submitted = await wb.rt.submitForm(formId(), { respondentEmail: respondent, answers });
    submitted.executions.forEach(expectOk);
  }

  test.each([
    ['spans lines', 'REQ-1\nBcc: victim@example.com\r\nSubject: pay now'],
    ['is longer than a subject can be', `REQ-${'9'.repeat(400)}`],
  ])('an unknown "Work order" that %s is still answered, on one line', async (_name, typed) => {
    const before = mailLog(wb).length;
    await update(STRANGER, { [q('order')]: typed, [q('step')]: STEP_CHOICES.start });
    const sent = mailLog(wb).slice(before);
    expect(sent.map((m) => m.to)).toEqual([[STRANGER]]);
    const [mail] = sent;
    expect(mail!.subject).not.toMatch(/[\r\n]/);
    expect(mail!.subject.length).toBeLessThanOrEqual(250);
    expect(mail!.subject).toMatch(/Your update was not applied$/);
    expect(mail!.body).toMatch(/not active staff on the Staff tab/);
  });

  test('a refusal to someone not on the Staff tab does not give them the register’s address', async () => {
    const [id] = await assignedOrders(wb, [TECH]);
    const before = mailLog(wb).length;
    await update(STRANGER, { [q('order')]: id!, [q('step')]: STEP_CHOICES.start });
    await update(TECH, { [q('order')]: id!, [q('step')]: STEP_CHOICES.complete });
    const [stranger, tech] = mailLog(wb).slice(before);
    expect(stranger?.to).toEqual([STRANGER]);
    expect(stranger?.body).toMatch(/not active staff on the Staff tab/);
    expect(stranger?.body).not.toContain(wb.model.url);
    expect(stranger?.body).not.toContain(wb.ssId);
    // Negative control: staff are told where the register is, as every staff email does.
    expect(tech?.to).toEqual([TECH]);
    expect(tech?.body).toContain(`Open the register: ${wb.model.url}`);
  });

  test('a long unknown "Work order" is quoted short in the refusal, which says what to check', async () => {
    const before = mailLog(wb).length;
    await update(TECH, { [q('order')]: `WO-${'7'.repeat(5000)}`, [q('step')]: STEP_CHOICES.start });
    const [mail] = mailLog(wb).slice(before);
    expect(mail?.body).toMatch(/No work order "WO-7+…" is in the register: check the request id/);
    expect(mail!.body.length).toBeLessThan(3000);
  });

  test.each([
    ['0x10', 'hex'],
    ['1e1', 'an exponent'],
    ['0b11', 'binary'],
    ['Infinity', 'infinity'],
  ])('hours written %s (%s) are refused, not recorded as some other number', async (hours) => {
    const [id] = await assignedOrders(wb, [TECH]);
    const before = writesSnapshot(wb);
    const mails = mailLog(wb).length;
    await update(TECH, {
      [q('order')]: id!,
      [q('step')]: STEP_CHOICES.note,
      [q('note')]: 'Checked the wiring',
      [q('hours')]: hours,
    });
    expect(wb.order(id!).notes).not.toMatch(/Checked the wiring/);
    const { mail: _mail, ...rest } = JSON.parse(writesSnapshot(wb)) as Record<string, unknown>;
    const { mail: _before, ...was } = JSON.parse(before) as Record<string, unknown>;
    expect(rest).toEqual(was);
    expect(mailLog(wb).slice(mails)[0]?.body).toMatch(/"Hours worked today": Hours must be a number/);
  });

  test('a part whose quantity is written 0x2 is refused, naming the line', async () => {
    const [id] = await assignedOrders(wb, [TECH]);
    const mails = mailLog(wb).length;
    await update(TECH, {
      [q('order')]: id!,
      [q('step')]: STEP_CHOICES.start,
      [q('parts')]: 'Fuse 10A; 0x2; 1.20',
    });
    expect(wb.order(id!).status).toBe('Assigned');
    expect(wb.values('Parts Used').filter((r) => r[0] === id)).toEqual([]);
    expect(mailLog(wb).slice(mails)[0]?.body).toMatch(/"Parts used" line 1: Quantity must be a number/);
  });

  test('negative control: hours and parts written with a decimal comma or point are recorded', async () => {
    const [id] = await assignedOrders(wb, [TECH]);
    await update(TECH, {
      [q('order')]: id!,
      [q('step')]: STEP_CHOICES.start,
      [q('hours')]: '1,5',
      [q('parts')]: 'Fuse 10A; 2; 1.20',
    });
    expect(wb.order(id!).status).toBe('In Progress');
    const time = wb.values('Time').filter((r) => r[0] === id);
    expect(time.map((r) => r[3])).toEqual([1.5]);
    const parts = wb.values('Parts Used').filter((r) => r[0] === id);
    expect(parts.map((r) => [r[1], r[2], r[3]])).toEqual([['Fuse 10A', 2, 1.2]]);
  });
});
