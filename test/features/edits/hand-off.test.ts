/**
 * The change-log entries the hourly job hands off (it has no document lock to append under) are
 * appended by the next form submission, or by an edit: an edit looks for them at most every ten
 * minutes (a round trip to the owner's properties saved on the others), and takes the owner's lock to
 * append them only if that lock is free at that instant. Entries never wait longer than the interval
 * once edits come, are appended exactly once, and the chain stays whole.
 */
import type { ExecutionRecord } from '../../../runtime';
import { verifyLog } from '../../support/audit';
import { assignedOrder, type } from '../../support/edits';
import { advance, runHourly } from '../../support/ops';
import { ADMIN, TECH, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';

const MINUTE = 60_000;
const LOOK_EVERY = 10 * MINUTE;

let wb: TestWorkbook;
let order: string;
beforeAll(async () => {
  wb = await setUpWorkbook();
  order = await assignedOrder(wb, TECH);
});
afterAll(() => wb.close());

const looked = (record: ExecutionRecord): boolean => (record.stats.calls['Properties.getKeys'] ?? 0) > 0;
const ownerHeld = (record: ExecutionRecord): boolean =>
  record.stats.lockHolds.some((h) => h.key === `user:${ADMIN}`);

/** A response no trigger ingested, picked up by the hourly job, whose Created row it hands off. */
async function handedOffRequest(description: string, advanceMs: number): Promise<() => number> {
  wb.rt.world.forms.submit(wb.formId, {
    respondentEmail: 'late@example.org',
    answers: wb.answers({ description }),
  });
  for (const run of await runHourly(wb, advanceMs)) expectOk(run);
  const id = wb.register().find((r) => r.order.description === description)!.order.id;
  return () => wb.changeLogEntries().filter((e) => e.recordId === id && e.field === 'Created').length;
}

let note = 0;
const edit = () => type(wb, TECH, order, 'Progress Notes', `Note ${++note}`);

test('an edit looks for the hand-off, the edits of the next ten minutes do not', async () => {
  advance(wb, LOOK_EVERY);
  const first = await edit();
  expect(looked(first)).toBe(true);
  // The time of the look goes with the change log's checkpoint, in the same round trip.
  expect(first.stats.calls['Properties.setProperties']).toBe(1);
  expect(first.stats.calls['Properties.setProperty']).toBeUndefined();
  advance(wb, MINUTE);
  const second = await edit();
  expect(looked(second)).toBe(false);
  expect(second.stats.backend.Properties).toEqual({ touch: 0, read: 1, write: 1 });
  expect(ownerHeld(second)).toBe(false);
  expect(wb.order(order).notes).toBe(`Note ${note}`);
});

test('entries handed off meanwhile wait at most the interval, then an edit appends them once', async () => {
  advance(wb, LOOK_EVERY);
  expect(looked(await edit())).toBe(true);
  // The job picks up responses older than five minutes: this one, six minutes after the look.
  const created = await handedOffRequest('Missed while edits skipped the look', 6 * MINUTE);
  expect(created()).toBe(0);
  advance(wb, MINUTE);
  const skipped = await edit();
  expect(looked(skipped)).toBe(false);
  expect(created()).toBe(0); // still in the owner's properties, not lost
  advance(wb, LOOK_EVERY);
  const appending = await edit();
  expect(looked(appending)).toBe(true);
  expect(ownerHeld(appending)).toBe(true);
  expect(created()).toBe(1);
  // The owner's lock was given back with the section; the next edits do not append them again.
  expect(appending.stats.lockHolds.find((h) => h.key === `user:${ADMIN}`)?.endedBy).toBe('releaseLock');
  advance(wb, LOOK_EVERY);
  const after = await edit();
  expect(looked(after)).toBe(true);
  expect(ownerHeld(after)).toBe(false);
  expect(created()).toBe(1);
  expect(verifyLog(wb)).toMatchObject({ ok: true });
});

test("the owner's lock busy: the edit lands without the hand-off, and the next edit looks again", async () => {
  const created = await handedOffRequest('Missed while the owner was busy', LOOK_EVERY);
  // Another execution of the owner's (the hourly job, a submission) holds the owner's lock.
  const holder = 1_000_000_001;
  expect(wb.rt.world.locks.tryAcquire(`user:${ADMIN}`, holder)).toBe(true);
  let busy: ExecutionRecord;
  try {
    busy = await edit();
  } finally {
    wb.rt.world.locks.release(`user:${ADMIN}`, holder);
  }
  expect(looked(busy)).toBe(true);
  expect(busy.stats.lockWaits).toBe(0); // tried without waiting
  expect(wb.order(order).notes).toBe(`Note ${note}`);
  expect(created()).toBe(0);
  // The look was not recorded (nothing recorded but the checkpoint), so the very next edit looks.
  expect(busy.stats.calls['Properties.setProperties']).toBeUndefined();
  advance(wb, MINUTE);
  const next = await edit();
  expect(looked(next)).toBe(true);
  expect(created()).toBe(1);
  expect(verifyLog(wb)).toMatchObject({ ok: true });
});

test('a form submission appends the hand-off and records the look: the edits of the next minutes skip it', async () => {
  const created = await handedOffRequest('Missed before a submission', LOOK_EVERY);
  expect(created()).toBe(0);
  const submitted = await wb.submit({ description: 'The next request' });
  submitted.executions.forEach(expectOk);
  expect(created()).toBe(1);
  advance(wb, MINUTE);
  const after = await edit();
  expect(looked(after)).toBe(false);
  expect(ownerHeld(after)).toBe(false);
  expect(created()).toBe(1);
  expect(verifyLog(wb)).toMatchObject({ ok: true });
});
