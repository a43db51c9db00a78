/**
 * An edit the trigger could not check (another execution held the lock for the whole wait) waits in
 * the document's properties, and its row disagrees with its record until it is checked. An action on a
 * row outside the edit trigger (My work, the review sidebar) checks the waiting edits first, as their
 * authors, as the next edit of the sheet would: the honest edit is logged and kept and the action goes
 * through, instead of being refused as a change made outside Work Orders; an edit that is not allowed
 * is put back with its note, and the action then decides from the row as the add-on recorded it.
 */
import { PENDING_NOTE } from '../../../src/server/features/edits/pending';
import { assignedOrder, logFor, noteAt, sidebarAct, type } from '../../support/edits';
import { pendingKeys } from '../../support/locks';
import { SUPERVISOR, TECH, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';

/** An execution id no real execution has: it stands for "another execution" holding the lock. */
const HOLDER = 9_000_002;

let wb: TestWorkbook;
beforeAll(async () => {
  wb = await setUpWorkbook({ timeScale: 200 });
}, 120_000);
afterAll(() => wb.close());

/** `body`'s edits made while another execution holds the document lock: each waits, unchecked. */
async function whileLocked(body: () => Promise<unknown>): Promise<void> {
  const lock = `document:${wb.ssId}`;
  expect(wb.rt.world.locks.tryAcquire(lock, HOLDER)).toBe(true);
  try {
    await body();
  } finally {
    wb.rt.world.locks.release(lock, HOLDER);
  }
}

test('My work checks the waiting edits first: an honest typed edit is kept, and the step is refused only as stale', async () => {
  const id = await assignedOrder(wb, TECH);
  await whileLocked(() => type(wb, TECH, id, 'Status', 'In Progress'));
  expect(pendingKeys(wb)).toHaveLength(1);
  expect(noteAt(wb, id, 'Status')).toBe(PENDING_NOTE);

  // The sidebar showed the order before the typed edit: once that edit is checked and kept, the step
  // is refused as stale (what a reload shows), not as a change made outside Work Orders.
  const seen = wb.order(id).revision;
  const stale = expectOk(
    await wb.call(TECH, 'myWorkAct', { id, revision: seen, action: 'note', note: 'Parts ordered' }),
  ).value as { ok: boolean; message?: string };
  expect(stale).toMatchObject({
    ok: false,
    message: expect.stringMatching(/changed since you opened My work: it is now In Progress/),
  });
  expect(pendingKeys(wb)).toEqual([]);
  expect(logFor(wb, id)).toContainEqual(
    expect.objectContaining({ user: TECH, source: 'sheet edit', field: 'Status', new: 'In Progress' }),
  );
  const reply = expectOk(
    await wb.call(TECH, 'myWorkAct', {
      id,
      revision: wb.order(id).revision,
      action: 'note',
      note: 'Parts ordered',
    }),
  ).value as { ok: boolean; message?: string };
  expect(reply).toMatchObject({ ok: true });
  expect(wb.order(id)).toMatchObject({ status: 'In Progress' });
  expect(wb.order(id).notes).toContain('Parts ordered');
}, 120_000);

test('the review sidebar checks them too: an edit not allowed is put back, then the action decides from the record', async () => {
  const id = await assignedOrder(wb, TECH);
  await whileLocked(() => type(wb, TECH, id, 'Status', 'Closed'));
  expect(pendingKeys(wb)).toHaveLength(1);

  await sidebarAct(
    wb,
    { action: 'reassign', id, revision: wb.order(id).revision, assignee: TECH },
    SUPERVISOR,
  ).catch(() => undefined);
  expect(pendingKeys(wb)).toEqual([]);
  expect(wb.order(id).status).toBe('Assigned');
  expect(noteAt(wb, id, 'Status')).not.toBe(PENDING_NOTE);
  expect(logFor(wb, id)).toContainEqual(expect.objectContaining({ user: TECH, field: 'Status (refused)' }));
}, 120_000);
