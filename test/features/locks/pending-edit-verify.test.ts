/**
 * An edit the trigger could not check (another execution held the lock for the whole wait) waits in the
 * document's properties for the next edit of the sheet (or the next action on a row: see
 * pending-edit-actions.test.ts). Meanwhile the row disagrees with its record. Verify must check the waiting edits first,
 * as their authors: compared unchecked, the technician's honest In Progress read as a write outside the
 * add-on and was offered to be put back. An edit that is not allowed is put back by that check, with
 * its note, as the next edit would have.
 */
import { PENDING_NOTE } from '../../../src/server/features/edits/pending';
import { assignedOrder, logFor, noteAt, type } from '../../support/edits';
import { pendingKeys } from '../../support/locks';
import { ADMIN, TECH, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';

/** An execution id no real execution has: it stands for "another execution" holding the lock. */
const HOLDER = 9_000_001;

let wb: TestWorkbook;
beforeAll(async () => {
  wb = await setUpWorkbook({ timeScale: 200 });
}, 120_000);
afterAll(() => wb.close());

test('Verify audit log checks edits still waiting before comparing: the honest one is kept and logged, not offered back', async () => {
  const legal = await assignedOrder(wb, TECH);
  const illegal = await assignedOrder(wb, TECH);
  const lock = `document:${wb.ssId}`;
  expect(wb.rt.world.locks.tryAcquire(lock, HOLDER)).toBe(true);
  try {
    await type(wb, TECH, legal, 'Status', 'In Progress');
    await type(wb, TECH, illegal, 'Status', 'Closed');
  } finally {
    wb.rt.world.locks.release(lock, HOLDER);
  }
  expect(pendingKeys(wb)).toHaveLength(2);
  expect(noteAt(wb, legal, 'Status')).toBe(PENDING_NOTE);

  let asked = false;
  wb.rt.world.ui.responder = (q) => {
    if (q.buttons === 'YES_NO') asked = true;
    return { button: q.buttons === 'YES_NO' ? 'NO' : 'OK', text: '' };
  };
  const verdict = expectOk(await wb.menu(ADMIN, 'verifyAuditLog')).value as { message: string };
  expect(verdict.message).toMatch(/^Audit log OK/);
  expect(asked).toBe(false);
  expect(pendingKeys(wb)).toEqual([]);
  expect(wb.order(legal).status).toBe('In Progress');
  expect(logFor(wb, legal)).toContainEqual(
    expect.objectContaining({ user: TECH, source: 'sheet edit', field: 'Status', new: 'In Progress' }),
  );
  expect(wb.order(illegal).status).toBe('Assigned');
  expect(noteAt(wb, illegal, 'Status')).not.toBe(PENDING_NOTE);

  const noted = expectOk(
    await wb.call(TECH, 'myWorkAct', {
      id: legal,
      revision: wb.order(legal).revision,
      action: 'note',
      note: 'x',
    }),
  ).value as { ok: boolean };
  expect(noted.ok).toBe(true);
}, 120_000);
