/**
 * The Review & assign forms say who their action emails before the supervisor confirms, through
 * dist/Code.js: what the form says (shared/review-notice.ts, from the view the sidebar loads) is who
 * the server then emails, for a return (the technician, and the requestor without the reason), a
 * reassignment (the new technician and the one taken off), a cancellation (the requestor, and the
 * technician only when there is one), a rejection, and with the Settings switch notifyRequestor off.
 */
import type { SidebarAction } from '../../../src/shared/review-actions';
import { formNotice, noticeText, whoIsTold } from '../../../src/shared/review-notice';
import { approvedOrder, assignedOrder, sidebarAct, submitOne } from '../../support/edits';
import { setSetting } from '../../support/ops';
import {
  REQUESTOR,
  SUPERVISOR,
  TECH,
  TECH2,
  expectOk,
  setUpWorkbook,
  type TestWorkbook,
} from '../../support/workbook';
import { act, itemIn, viewFor } from './helpers';

let wb: TestWorkbook;
beforeEach(async () => {
  wb = await setUpWorkbook();
}, 60_000);
afterEach(() => wb.close());

async function myWork(id: string, request: Record<string, unknown>): Promise<void> {
  const reply = expectOk(
    await wb.call(TECH, 'myWorkAct', { id, revision: wb.order(id).revision, ...request }),
  ).value as { ok: boolean; message?: string };
  if (!reply.ok) throw new Error(reply.message);
}

async function completedOrder(): Promise<string> {
  const id = await assignedOrder(wb, TECH);
  await myWork(id, { action: 'start' });
  await myWork(id, { action: 'complete', results: 'The light works', actionsTaken: 'New ballast' });
  return id;
}

/**
 * What the form of `action` on `id` says, then the action done as the form sends it: returns the
 * form's line, the people it names, and the people the server emailed.
 */
async function formThenAct(id: string, action: SidebarAction, fields: Record<string, string> = {}) {
  const view = await viewFor(wb, SUPERVISOR);
  const item = itemIn(view, id);
  const told = whoIsTold(action, item, view, fields.assignee ?? '');
  const before = wb.rt.world.mail.sent.length;
  await sidebarAct(wb, { action, id, revision: wb.order(id).revision, ...fields });
  const emailed = wb.rt.world.mail.sent.slice(before).flatMap((m) => m.to);
  return {
    line: noticeText(told),
    named: told.map((t) => t.email).sort(),
    emailed: [...new Set(emailed)].sort(),
  };
}

test('Return names the technician and the requestor, without the reason, as the server sends', async () => {
  const id = await completedOrder();
  const { line, named, emailed } = await formThenAct(id, 'return', { reason: 'Still flickers' });
  expect(line).toBe(
    `Emails Tina Tech (${TECH}), that it is sent back to them, with your reason; and the requestor, ` +
      `Rita Requestor (${REQUESTOR}), that the work is not finished yet and will be, without your ` +
      'reason (it is for the technician).',
  );
  expect(named).toEqual(emailed);
  expect(emailed).toEqual([REQUESTOR, TECH].sort());
});

test('with notifyRequestor off, Return names only the technician', async () => {
  const id = await completedOrder();
  setSetting(wb, 'notifyRequestor', false);
  const { line, named, emailed } = await formThenAct(id, 'return', { reason: 'Still flickers' });
  expect(line).toBe(`Emails Tina Tech (${TECH}), that it is sent back to them, with your reason.`);
  expect(named).toEqual(emailed);
});

test('Reassign names the new technician and the one taken off, assigned or started', async () => {
  const assigned = await assignedOrder(wb, TECH);
  const first = await formThenAct(assigned, 'reassign', { assignee: TECH2 });
  expect(first.named).toEqual([TECH, TECH2].sort());
  expect(first.named).toEqual(first.emailed);
  const started = await assignedOrder(wb, TECH);
  await myWork(started, { action: 'start' });
  const second = await formThenAct(started, 'reassign', { assignee: TECH2 });
  expect(second.line).toContain(`${TECH}), that it is no longer theirs`);
  expect(second.named).toEqual(second.emailed);
});

test('Cancel names the technician only when there is one; Reject names the requestor', async () => {
  const approved = await approvedOrder(wb);
  const cancelApproved = await formThenAct(approved, 'cancel', { reason: 'Duplicate' });
  expect(cancelApproved.line).toBe(
    `Emails the requestor, Rita Requestor (${REQUESTOR}), that it is cancelled, with your reason.`,
  );
  expect(cancelApproved.named).toEqual(cancelApproved.emailed);
  const assigned = await assignedOrder(wb, TECH);
  const cancelAssigned = await formThenAct(assigned, 'cancel', { reason: 'No longer needed' });
  expect(cancelAssigned.named).toEqual([REQUESTOR, TECH].sort());
  expect(cancelAssigned.named).toEqual(cancelAssigned.emailed);
  const submitted = await submitOne(wb);
  const reject = await formThenAct(submitted, 'reject', { reason: 'Not ours to fix' });
  expect(reject.named).toEqual([REQUESTOR]);
  expect(reject.named).toEqual(reject.emailed);
});

test('a requestor who is the supervisor acting is not named, as they are not emailed', async () => {
  const id = await submitOne(wb, {}, SUPERVISOR);
  const { line, emailed } = await formThenAct(id, 'reject', { reason: 'Filed twice' });
  expect(line).toBe('Nobody is emailed about this.');
  expect(emailed).toEqual([]);
});

test('Ask requestor names the requestor; with requestor emails off it says the question cannot go', async () => {
  const id = await submitOne(wb);
  const asked = await formThenAct(id, 'clarify', { question: 'Which floor?' });
  expect(asked.line).toBe(
    `Emails the requestor, Rita Requestor (${REQUESTOR}), your question, with how to answer it.`,
  );
  expect(asked.named).toEqual(asked.emailed);
  setSetting(wb, 'notifyRequestor', false);
  const view = await viewFor(wb, SUPERVISOR);
  expect(formNotice('clarify', itemIn(view, id), view, '', false)).toBe(
    'Emails to requestors are switched off on the Settings tab (notifyRequestor), so a question cannot be sent.',
  );
  const { reply } = await act(wb, SUPERVISOR, {
    action: 'clarify',
    id,
    revision: wb.order(id).revision,
    question: 'And which room?',
  });
  expect(reply.ok).toBe(false);
});
