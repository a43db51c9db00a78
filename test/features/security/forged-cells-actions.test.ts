/**
 * A technician (or supervisor) is an editor of the register, so a script of their own
 * (SpreadsheetApp.openById(…).setValue) writes any cell with no edit trigger to judge it. Every
 * decision made outside the edit trigger on one order (My work's steps, the update form, work records,
 * the review sidebar, a requestor's reply) compares the row as read with its Last Known State first
 * and refuses, changing nothing, when a field disagrees: it names the field, what the cell says, what
 * the add-on last recorded, and that Verify audit log puts it back, after which the action goes
 * through. Through dist/Code.js.
 *
 * A record rewritten consistently with the cell is no record the add-on sealed: forged-record.test.ts.
 */
import { REPLY_QUESTIONS } from '../../../src/core/reply-form';
import { PROPERTY_KEYS } from '../../../src/server/adapters/document-properties';
import { ROW_STATE_HEADER, serializeRowStateV1 } from '../../../src/server/adapters/row-state';
import { RECORD_ONLY_CHOICE, STEP_CHOICES, updateQuestion } from '../../../src/shared/my-work-update-form';
import { REGISTER, assignedOrder, rowOf, submitOne } from '../../support/edits';
import {
  ADMIN,
  STRANGER,
  SUPERVISOR,
  TECH,
  TECH2,
  expectOk,
  setUpWorkbook,
  type TestWorkbook,
} from '../../support/workbook';
import { documentProperties, writesSnapshot } from '../review/fixtures';

let wb: TestWorkbook;
beforeAll(async () => {
  wb = await setUpWorkbook();
}, 60_000);
afterAll(() => wb.close());

/** Writes a register cell as a script or the Sheets API would: no edit trigger runs. */
function writeOutside(id: string, header: string, value: unknown): void {
  wb.sheet(REGISTER).writeValues(rowOf(wb, id), wb.registerColumn(header), [[value as string]]);
}

type Reply = { ok: boolean; message?: string };

async function myWork(user: string, id: string, request: Record<string, unknown>): Promise<Reply> {
  const r = expectOk(await wb.call(user, 'myWorkAct', { id, revision: wb.order(id).revision, ...request }));
  return r.value as Reply;
}

async function review(id: string, request: Record<string, unknown>): Promise<Reply> {
  const r = expectOk(
    await wb.call(SUPERVISOR, 'reviewAct', { id, revision: wb.order(id).revision, ...request }),
  );
  return r.value as Reply;
}

async function verify(putBack: 'YES' | 'NO'): Promise<{ ok: boolean; message: string }> {
  wb.rt.world.ui.responder = (q) => ({ button: q.buttons === 'YES_NO' ? putBack : 'OK', text: '' });
  try {
    return expectOk(await wb.menu(ADMIN, 'verifyAuditLog')).value as { ok: boolean; message: string };
  } finally {
    wb.rt.world.ui.responder = (q) => ({ button: q.buttons === 'YES_NO' ? 'YES' : 'OK', text: '' });
  }
}

const OUTSIDE =
  /changed outside Work Orders, so nothing was changed: an administrator can run Verify audit log to put it back/;

test('an honest workflow passes every check: start, record time, complete, close', async () => {
  const id = await assignedOrder(wb, TECH);
  expect(await myWork(TECH, id, { action: 'start' })).toMatchObject({ ok: true });
  const time = expectOk(
    await wb.call(TECH, 'myWorkRecord', { kind: 'time', id, date: '2026-01-05', hours: 1 }),
  ).value as Reply;
  expect(time).toMatchObject({ ok: true });
  expect(
    await myWork(TECH, id, { action: 'complete', results: 'Fixed', actionsTaken: 'Replaced fuse' }),
  ).toMatchObject({ ok: true });
  expect(await review(id, { action: 'close' })).toMatchObject({ ok: true });
  expect(wb.order(id).status).toBe('Closed');
}, 60_000);

test("a forged Assignee: another technician's My work start and work records are refused, nothing logged; put back by Verify, the order's own technician goes on", async () => {
  const id = await assignedOrder(wb, TECH);
  writeOutside(id, 'Assignee', TECH2);
  const before = writesSnapshot(wb);

  const started = await myWork(TECH2, id, { action: 'start' });
  expect(started.ok).toBe(false);
  expect(started.message).toContain(`its Assignee reads "${TECH2}" but Work Orders last recorded "${TECH}"`);
  expect(started.message).toMatch(OUTSIDE);
  const time = expectOk(
    await wb.call(TECH2, 'myWorkRecord', { kind: 'time', id, date: '2026-01-05', hours: 3 }),
  ).value as Reply;
  expect(time.ok).toBe(false);
  expect(time.message).toMatch(/its Assignee reads/);
  // Nothing changed: register, change log, mail, Outbox.
  expect(writesSnapshot(wb)).toBe(before);
  expect(wb.values('Time').filter((r) => r[0] === id)).toHaveLength(0);

  // Verify names it and, asked, puts the Assignee back (the record with it): TECH's step is accepted.
  const verdict = await verify('YES');
  expect(verdict.ok).toBe(false);
  expect(wb.order(id).assignee).toBe(TECH);
  expect(await myWork(TECH, id, { action: 'start' })).toMatchObject({ ok: true });
  expect(wb.order(id).status).toBe('In Progress');
}, 60_000);

test('a forged Status (Closed → In Progress in the cell only): My work complete is refused', async () => {
  const id = await assignedOrder(wb, TECH);
  expect(await myWork(TECH, id, { action: 'start' })).toMatchObject({ ok: true });
  expect(
    await myWork(TECH, id, { action: 'complete', results: 'Fixed', actionsTaken: 'Replaced fuse' }),
  ).toMatchObject({ ok: true });
  expect(await review(id, { action: 'close' })).toMatchObject({ ok: true });
  writeOutside(id, 'Status', 'In Progress');
  const before = writesSnapshot(wb);

  const completed = await myWork(TECH, id, {
    action: 'complete',
    results: 'Rewritten results',
    actionsTaken: 'None',
  });
  expect(completed.ok).toBe(false);
  expect(completed.message).toContain(
    'its Status reads "In Progress" but Work Orders last recorded "Closed"',
  );
  expect(completed.message).toMatch(OUTSIDE);
  expect(writesSnapshot(wb)).toBe(before);
}, 60_000);

test("a Status forged to Completed: the supervisor's close is refused; a forged Due refuses an amendment", async () => {
  const id = await assignedOrder(wb, TECH);
  expect(await myWork(TECH, id, { action: 'start' })).toMatchObject({ ok: true });
  writeOutside(id, 'Status', 'Completed');
  let before = writesSnapshot(wb);
  const closed = await review(id, { action: 'close' });
  expect(closed.ok).toBe(false);
  expect(closed.message).toContain(
    'its Status reads "Completed" but Work Orders last recorded "In Progress"',
  );
  expect(closed.message).toMatch(OUTSIDE);
  expect(writesSnapshot(wb)).toBe(before);

  // Put back by Verify: the order is In Progress again, and an honest amendment goes through...
  await verify('YES');
  expect(wb.order(id).status).toBe('In Progress');
  expect(await review(id, { action: 'reassign', assignee: TECH2 })).toMatchObject({ ok: true });

  // ...but not one decided from a Due pushed out by script.
  const due = wb.order(id).due as Date;
  writeOutside(id, 'Due', new Date(due.getTime() + 7 * 86_400_000));
  before = writesSnapshot(wb);
  const reassigned = await review(id, { action: 'reassign', assignee: TECH });
  expect(reassigned.ok).toBe(false);
  expect(reassigned.message).toMatch(/its Due reads .* but Work Orders last recorded /);
  expect(writesSnapshot(wb)).toBe(before);
}, 60_000);

test('an emptied Last Known State is refused too (the forger cannot blank the record to pass)', async () => {
  const id = await assignedOrder(wb, TECH);
  writeOutside(id, 'Assignee', TECH2);
  writeOutside(id, ROW_STATE_HEADER, '');
  const before = writesSnapshot(wb);
  const started = await myWork(TECH2, id, { action: 'start' });
  expect(started.ok).toBe(false);
  expect(started.message).toMatch(/its Last Known State .* is empty/);
  expect(started.message).toMatch(/Verify audit log/);
  expect(writesSnapshot(wb)).toBe(before);
}, 60_000);

test('a long text kept only as a keyed print is compared by its print', async () => {
  const id = await assignedOrder(wb, TECH, { description: `Cold radiator. ${'Details. '.repeat(30)}` });
  expect(String(wb.sheet(REGISTER).valueAt(rowOf(wb, id), wb.registerColumn(ROW_STATE_HEADER)))).toMatch(
    /\|#/,
  );
  writeOutside(id, 'Description', 'Nothing to do here');
  const started = await myWork(TECH, id, { action: 'start' });
  expect(started.ok).toBe(false);
  expect(started.message).toContain(
    'its Description reads "Nothing to do here" but Work Orders last recorded another text (kept as a keyed print)',
  );
}, 60_000);

test('a row still holding a version-1 (JSON) record, before setup sealed every row, is checked the same way', async () => {
  const id = await assignedOrder(wb, TECH);
  // A workbook from before seals (forged-record.test.ts: once sealed, such a record is refused).
  const store = wb.rt.world.properties.document(wb.ssId);
  const sealed = store.get(PROPERTY_KEYS.rowStatesSealed) as string;
  store.delete(PROPERTY_KEYS.rowStatesSealed);
  try {
    writeOutside(id, ROW_STATE_HEADER, serializeRowStateV1(wb.order(id)));
    writeOutside(id, 'Assignee', TECH2);
    const refused = await myWork(TECH2, id, { action: 'start' });
    expect(refused.message).toContain(
      `its Assignee reads "${TECH2}" but Work Orders last recorded "${TECH}"`,
    );
    writeOutside(id, 'Assignee', TECH);
    expect(await myWork(TECH, id, { action: 'start' })).toMatchObject({ ok: true });
  } finally {
    store.set(PROPERTY_KEYS.rowStatesSealed, sealed);
  }
}, 60_000);

test('the update form refuses a step and a record-only answer on a forged row, by email', async () => {
  const id = await assignedOrder(wb, TECH);
  writeOutside(id, 'Assignee', TECH2);
  const before = writesSnapshot(wb);
  const form = wb.rt.world.forms.all().find((f) => f.title === 'Work order update')!;
  for (const answers of [
    { order: id, step: STEP_CHOICES.start },
    { order: id, step: RECORD_ONLY_CHOICE, hours: '2' },
  ]) {
    const sent = wb.rt.world.mail.sent.length;
    const submitted = await wb.rt.submitForm(form.id, {
      respondentEmail: TECH2,
      answers: Object.fromEntries(
        Object.entries(answers).map(([k, v]) => [updateQuestion(k as never).title, v]),
      ),
    });
    submitted.executions.forEach(expectOk);
    const mail = wb.rt.world.mail.sent.slice(sent);
    expect(mail.map((m) => m.to)).toEqual([[TECH2]]);
    expect(JSON.stringify(mail[0])).toMatch(/its Assignee reads/);
  }
  expect(wb.order(id).status).toBe('Assigned');
  expect(wb.values('Time').filter((r) => r[0] === id)).toHaveLength(0);
  expect(JSON.parse(writesSnapshot(wb)).register).toEqual(JSON.parse(before).register);
}, 60_000);

test("a requestor's reply is not added to an order whose Requester Email was forged", async () => {
  const id = await submitOne(wb);
  expect(await review(id, { action: 'clarify', question: 'Which room?' })).toMatchObject({ ok: true });
  writeOutside(id, 'Requester Email', STRANGER);
  const notes = wb.order(id).notes;
  const formId = documentProperties(wb)['wo.replyForm.id']!;
  const submitted = await wb.rt.submitForm(formId, {
    respondentEmail: STRANGER,
    answers: { [REPLY_QUESTIONS.requestId.title]: id, [REPLY_QUESTIONS.answer.title]: 'Room 99' },
  });
  submitted.executions.forEach(expectOk);
  expect(wb.order(id).notes).toBe(notes);
  const refused = wb.changeLogEntries().filter((e) => e.recordId === id && /not added/.test(e.field));
  expect(refused).toHaveLength(1);
  expect(refused[0]!.field).toMatch(/Requester Email reads/);
}, 60_000);
