/**
 * The per-order update form for phones, through dist/Code.js: setup makes it (verified emails, linked
 * to the spreadsheet on a tab of its own); the assignment email and My work carry each order's
 * pre-filled link; a technician's answers arrive through the one form-submit trigger and are applied as
 * their step under the lifecycle checks; a refused one is answered by email; a replay changes nothing.
 */
import { fireFormSubmit } from '../../../runtime/host/events';
import { unlink } from '../../../runtime/host/form/destination';
import { SHEET_NAMES } from '../../../src/core/model';
import {
  STEP_CHOICES,
  UPDATE_RESPONSES_SHEET,
  updateQuestion,
} from '../../../src/shared/my-work-update-form';
import type { MyWorkStep } from '../../../src/shared/my-work-types';
import {
  ADMIN,
  MID_MORNING,
  REQUESTOR,
  STRANGER,
  SUPERVISOR,
  TECH,
  TECH2,
  expectOk,
  setUpWorkbook,
  type TestWorkbook,
} from '../../support/workbook';
import { mailLog } from '../review/helpers';
import { closedOrder, type } from '../../support/edits';
import { DAY, advance, setSetting } from '../../support/ops';
import { writesSnapshot } from '../review/fixtures';
import { assignedOrders, cardIn, myView } from '../my-work/helpers';

function updateForm(wb: TestWorkbook) {
  const forms = wb.rt.world.forms.all().filter((f) => f.title === 'Work order update');
  expect(forms).toHaveLength(1);
  return forms[0]!;
}

async function answer(
  wb: TestWorkbook,
  respondent: string,
  order: string,
  step: MyWorkStep,
  more: Partial<Record<'reason' | 'note' | 'results' | 'actionsTaken', string>> = {},
) {
  const answers: Record<string, string> = {
    [updateQuestion('order').title]: order,
    [updateQuestion('step').title]: STEP_CHOICES[step],
  };
  for (const [key, value] of Object.entries(more))
    answers[updateQuestion(key as 'reason').title] = value as string;
  const submitted = await wb.rt.submitForm(updateForm(wb).id, { respondentEmail: respondent, answers });
  submitted.executions.forEach(expectOk);
  return submitted;
}

function formLog(wb: TestWorkbook, id: string): string[][] {
  return wb
    .changeLogEntries()
    .filter((e) => e.source === 'form' && e.recordId === id && e.field === 'Status')
    .map((e) => [e.user, e.oldValue, e.newValue]);
}

describe('the update form', () => {
  let wb: TestWorkbook;
  let id: string;
  beforeAll(async () => {
    wb = await setUpWorkbook();
    id = (await assignedOrders(wb, [TECH]))[0]!;
  });
  afterAll(() => wb.close());

  test('setup makes it once: verified emails, linked here on its own tab; the intake form is untouched', async () => {
    const form = updateForm(wb);
    expect(form.verifiedEmail).toBe(true);
    expect(form.destination?.spreadsheetId).toBe(wb.ssId);
    expect(form.destination?.sheet.name).toBe(UPDATE_RESPONSES_SHEET);
    expect(form.items.map((i) => i.title)).toContain('What are you doing?');
    expect(wb.rt.world.forms.linkedTo(wb.ssId)?.id).toBe(wb.formId);
    expectOk(await wb.menu(ADMIN, 'setUpWorkOrders'));
    expect(wb.rt.world.forms.all().filter((f) => f.title === 'Work order update')).toHaveLength(1);
  });

  test('the assignment email and My work carry the order’s pre-filled link', async () => {
    const form = updateForm(wb);
    const orderItem = form.items.find((i) => i.title === updateQuestion('order').title)!;
    const link = `https://docs.google.com/forms/d/e/${form.publishedId}/viewform?usp=pp_url&entry.${orderItem.id}=${id}`;
    const assigned = mailLog(wb).find((m) => m.to.includes(TECH) && /Assigned to you/.test(m.subject));
    expect(assigned?.body).toContain(link);
    expect(cardIn(await myView(wb, TECH), id).updateLink).toBe(link);
  });

  test('an assignment typed in the sheet also emails the link', async () => {
    const [other] = await assignedOrders(wb, [TECH]);
    await type(wb, SUPERVISOR, other!, 'Assignee', TECH2);
    const mail = mailLog(wb).filter((m) => m.to.includes(TECH2) && /Assigned to you/.test(m.subject));
    expect(mail.at(-1)?.body).toContain(`viewform?usp=pp_url&entry.`);
    expect(mail.at(-1)?.body).toContain(`=${other}`);
  });

  test('a technician takes the order to Completed from the form; each step logged as theirs', async () => {
    await answer(wb, TECH, id, 'start');
    expect(wb.order(id).status).toBe('In Progress');
    const before = mailLog(wb).length;
    await answer(wb, TECH, wb.order(id).woNumber, 'hold', { reason: 'No access to the room' });
    expect(wb.order(id)).toMatchObject({ status: 'On Hold', reason: 'No access to the room' });
    expect(
      mailLog(wb)
        .slice(before)
        .flatMap((m) => m.to)
        .sort(),
    ).toEqual([REQUESTOR, SUPERVISOR].sort());
    await answer(wb, TECH, id, 'resume', { note: 'Key received' });
    expect(wb.order(id).notes).toMatch(/Tina Tech\] Key received$/);
    await answer(wb, TECH, id, 'complete', { results: 'Light works', actionsTaken: 'Replaced the ballast' });
    expect(wb.order(id)).toMatchObject({
      status: 'Completed',
      results: 'Light works',
      actions: 'Replaced the ballast',
    });
    expect(formLog(wb, id)).toEqual([
      [TECH, 'Assigned', 'In Progress'],
      [TECH, 'In Progress', 'On Hold'],
      [TECH, 'On Hold', 'In Progress'],
      [TECH, 'In Progress', 'Completed'],
    ]);
  });

  test('a refused update changes nothing and is answered by email saying why', async () => {
    const [other] = await assignedOrders(wb, [TECH]);
    const snapshot = writesSnapshot(wb);
    const mailBefore = mailLog(wb).length;
    await answer(wb, TECH, other!, 'complete', { results: 'x', actionsTaken: 'y' });
    await answer(wb, STRANGER, other!, 'start');
    const replies = mailLog(wb).slice(mailBefore);
    expect(replies.map((m) => m.to)).toEqual([[TECH], [STRANGER]]);
    expect(replies[0]?.subject).toBe(`[${other}] Your update was not applied`);
    expect(replies[0]?.body).toMatch(/not applied: Assigned → Completed skips a step: start it first/);
    expect(replies[1]?.body).toMatch(/not active staff on the Staff tab/);
    expect(wb.order(other!).status).toBe('Assigned');
    // Only the two replies were added (they went out, so the Outbox is unchanged too).
    const after = JSON.parse(writesSnapshot(wb)) as { mail: number };
    expect({ ...(JSON.parse(snapshot) as object), mail: after.mail }).toEqual(JSON.parse(writesSnapshot(wb)));
  });

  test('a replayed event changes nothing and sends nothing', async () => {
    const [other] = await assignedOrders(wb, [TECH]);
    const submitted = await answer(wb, TECH, other!, 'start');
    expect(wb.order(other!).status).toBe('In Progress');
    const snapshot = writesSnapshot(wb);
    const trigger = wb.rt.world.triggers.matching('ON_FORM_SUBMIT', 'SPREADSHEETS', wb.ssId)[0]!;
    const { response } = submitted;
    expectOk(
      await fireFormSubmit(wb.rt, trigger, wb.ssId, {
        sheetName: response.sheetName!,
        row: response.row!,
        values: response.values,
        namedValues: response.namedValues,
      }),
    );
    expect(writesSnapshot(wb)).toBe(snapshot);
  });

  test('a form unlinked from the spreadsheet is linked again by setup, on a tab of its own', async () => {
    unlink(updateForm(wb));
    const record = expectOk(await wb.menu(ADMIN, 'setUpWorkOrders'));
    expect(String(record.value)).toMatch(/the update form sends its responses to this spreadsheet again/);
    expect(updateForm(wb).destination?.sheet.name).toBe(`${UPDATE_RESPONSES_SHEET} 2`);
    const [other] = await assignedOrders(wb, [TECH]);
    await answer(wb, TECH, other!, 'start');
    expect(wb.order(other!).status).toBe('In Progress');
  });

  test('the hourly reconciliation does not take update answers for requests', async () => {
    const orders = wb.register().length;
    expectOk(await wb.menu(ADMIN, 'runHourlyChecksNow'));
    expect(wb.register()).toHaveLength(orders);
    expect(wb.sheet(UPDATE_RESPONSES_SHEET).lastRow()).toBeGreaterThan(1);
    expect(wb.values(SHEET_NAMES.register).length).toBe(orders + 1);
  });
});

test('an answer about an order archived since: the technician is told it was archived, a stranger is told nothing new', async () => {
  // Closed and archived within 2026, whatever today is: the archive file is named by the year.
  const wb = await setUpWorkbook({ startAt: MID_MORNING });
  try {
    const closed = await closedOrder(wb, TECH, { description: 'Replace the tap washer' });
    setSetting(wb, 'retentionDays', 1);
    advance(wb, 3 * DAY);
    const run = expectOk(await wb.menu(ADMIN, 'archiveClosedWorkOrders')).value as { archived: string[] };
    expect(run.archived).toEqual([closed]);
    const mailBefore = mailLog(wb).length;
    await answer(wb, TECH, closed, 'note', { note: 'Came back: it drips again' });
    await answer(wb, STRANGER, closed, 'note', { note: 'Hello' });
    const [toTech, toStranger] = mailLog(wb).slice(mailBefore);
    expect(toTech?.body).toContain(
      `not applied: ${closed} is no longer in the register: it was finished (closed, rejected or cancelled) and archived in "Work Orders Archive 2026", so nothing more can be added to it. If more work is needed, ask a supervisor for a new work order.`,
    );
    expect(toTech?.body).toContain('Progress note: Came back: it drips again');
    expect(toTech?.body).not.toContain('check the request id');
    expect(toStranger?.body).not.toContain('archived');
  } finally {
    wb.close();
  }
});
