/**
 * Which locks a register edit holds, and until when. The edit shares no state with the hourly job
 * but the log entries it hands off, so it takes the owner's user lock only when such entries wait;
 * its document lock is kept to the trigger's end (Apps Script gives it back then) unless emails
 * follow, in which case it goes back before the first is sent. A form submission takes its locks
 * once, before anything else, however many sections inside take them again, and keeps the owner's to
 * its end.
 */
import type { ExecutionRecord } from '../../../runtime';
import { SHEET_NAMES } from '../../../src/core/model';
import { verifyLog } from '../../support/audit';
import { assignedOrder, mailTo, type } from '../../support/edits';
import { runHourly } from '../../support/ops';
import { ADMIN, SUPERVISOR, TECH, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';

let wb: TestWorkbook;
beforeAll(async () => {
  wb = await setUpWorkbook();
});
afterAll(() => wb.close());

const documentHolds = (record: ExecutionRecord) =>
  record.stats.lockHolds.filter((h) => h.key.startsWith('document:'));
const userHolds = (record: ExecutionRecord) =>
  record.stats.lockHolds.filter((h) => h.key.startsWith('user:'));

test('a step that emails no one: the document lock only, kept until the trigger ends', async () => {
  const id = await assignedOrder(wb, TECH);
  const record = await type(wb, TECH, id, 'Status', 'In Progress');
  expect(wb.order(id).status).toBe('In Progress');
  expect(userHolds(record)).toEqual([]);
  expect(documentHolds(record).map((h) => h.endedBy)).toEqual(['end of execution']);
  expect(record.stats.calls['Lock.tryLock']).toBe(1);
  expect(record.stats.calls['Lock.releaseLock']).toBeUndefined();
  // The change and its log row landed under it.
  expect(documentHolds(record)[0]!.during.calls['Range.setValues']).toBe(2);
});

test('a step that emails: the document lock goes back before the email is sent', async () => {
  const id = await assignedOrder(wb, TECH);
  await type(wb, TECH, id, 'Status', 'In Progress');
  await type(wb, TECH, id, 'Reason', 'Waiting for a part');
  const before = mailTo(wb, SUPERVISOR).length;
  const record = await type(wb, TECH, id, 'Status', 'On Hold');
  expect(wb.order(id).status).toBe('On Hold');
  expect(mailTo(wb, SUPERVISOR).slice(before)).toEqual([expect.stringContaining('On hold')]);
  const [hold] = documentHolds(record);
  expect(hold!.endedBy).toBe('releaseLock');
  expect(hold!.during.emailsSent).toBe(0);
  expect(record.stats.emailsSent).toBeGreaterThan(0);
});

test('the lock kept by one edit is free for the next: two edits in a row both land and log', async () => {
  const first = await assignedOrder(wb, TECH);
  const second = await assignedOrder(wb, TECH);
  const a = await type(wb, TECH, first, 'Progress Notes', 'Checked the wiring');
  const b = await type(wb, TECH, second, 'Progress Notes', 'Ordered the part');
  expect(a.stats.lockWaits + b.stats.lockWaits).toBe(0);
  // Each execution takes the lock itself: nothing kept outlives the execution that kept it.
  expect([a, b].map((r) => r.stats.calls['Lock.tryLock'])).toEqual([1, 1]);
  expect(wb.order(first).notes).toBe('Checked the wiring');
  expect(wb.order(second).notes).toBe('Ordered the part');
  const notes = wb.changeLogEntries().filter((e) => e.field === 'Progress Notes');
  expect(notes.map((e) => e.recordId)).toEqual(expect.arrayContaining([first, second]));
  expect(verifyLog(wb)).toMatchObject({ ok: true });
});

test("with entries the hourly job handed off, the edit takes the owner's lock first and appends them", async () => {
  wb.rt.world.forms.submit(wb.formId, {
    respondentEmail: 'late@example.org',
    answers: wb.answers({ description: 'Missed by the trigger' }),
  });
  for (const run of await runHourly(wb)) expectOk(run);
  const missed = wb.register().find((r) => r.order.description === 'Missed by the trigger')!.order;
  const created = () =>
    wb.changeLogEntries().filter((e) => e.recordId === missed.id && e.field === 'Created');
  expect(created()).toHaveLength(0);
  const id = await assignedOrder(wb, TECH);
  // The submission above (assignedOrder's) takes the owner's lock and appends the hand-off itself:
  // hand off again, through a second missed response, so that the edit is the next to find one.
  wb.rt.world.forms.submit(wb.formId, {
    respondentEmail: 'later@example.org',
    answers: wb.answers({ description: 'Missed again' }),
  });
  for (const run of await runHourly(wb)) expectOk(run);
  const again = wb.register().find((r) => r.order.description === 'Missed again')!.order;
  const createdAgain = () =>
    wb.changeLogEntries().filter((e) => e.recordId === again.id && e.field === 'Created');
  expect(createdAgain()).toHaveLength(0);
  const record = await type(wb, TECH, id, 'Status', 'In Progress');
  expect(userHolds(record).map((h) => h.key)).toEqual([`user:${ADMIN}`]);
  expect(createdAgain()).toHaveLength(1);
  expect(wb.order(id).status).toBe('In Progress');
  expect(verifyLog(wb)).toMatchObject({ ok: true });
  // Nothing waits any more: the next edit is back to the document lock alone.
  const next = await type(wb, TECH, id, 'Progress Notes', 'Started');
  expect(userHolds(next)).toEqual([]);
});

test('a submission takes each lock once, before reading anything of the document', async () => {
  const [record] = (await wb.submit({ description: 'Locks once' })).executions;
  expectOk(record!);
  expect(record!.stats.calls['Lock.tryLock']).toBe(2);
  // The document's lock goes back before the acknowledgment is sent; the owner's when the execution ends.
  expect(record!.stats.calls['Lock.releaseLock']).toBe(1);
  expect(documentHolds(record!).map((h) => h.endedBy)).toEqual(['releaseLock']);
  expect(userHolds(record!).map((h) => h.endedBy)).toEqual(['end of execution']);
  // The Settings/Staff snapshot came out of the one read of the store under the locks.
  expect(record!.stats.calls['Properties.getProperty']).toBeUndefined();
  const [document] = documentHolds(record!);
  expect(document!.during.calls['Properties.getProperties']).toBe(2); // the owner's store, the document's
  expect(wb.register().some((r) => r.order.description === 'Locks once')).toBe(true);
  expect(wb.sheet(SHEET_NAMES.changeLog).lastRow()).toBeGreaterThan(1);
});
