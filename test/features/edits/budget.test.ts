/**
 * The edit trigger's budget, as counts through the real edit trigger (the benchmark prints the time
 * estimates): with the caches warm, a technician's edit and a refused one make these round trips
 * and no more. Spreadsheet: the edited rows read, the register written back (and the refused cell's
 * note), the change log's tail verified and appended. Around it: one read of the document's properties
 * under the lock (the Settings/Staff snapshot with the installation owner, the log's checkpoint, the
 * add-on's secret, when an edit last looked for the hourly job's hand-off), the header from the
 * document cache, the document lock taken (not the owner's: an edit shares no state with the hourly
 * job but its hand-off) and kept until the trigger ends (no email follows), the checkpoint written
 * back; a toast only when something was put back. The first edit in ten minutes (since an edit or a
 * form submission looked) also reads the keys of the owner's properties (entries the hourly job handed
 * off, none here). The review queue is not
 * read: neither edit changes what it shows.
 */
import type { ExecutionStats } from '../../../runtime/host/execution';
import { TECH, TECH2, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { assignedOrder, cell, noteAt, toastsOf, type } from '../../support/edits';
import { advance } from '../../support/ops';
import { HAND_OFF_LOOK_EVERY_MS } from '../../../src/server/features/edits/edit-locks';

let wb: TestWorkbook;
beforeAll(async () => {
  wb = await setUpWorkbook();
});
afterAll(() => wb.close());

/** Round trips by service; Session (answered in the script's process) left out. */
function roundTrips(stats: ExecutionStats): ExecutionStats['backend'] {
  const { Session: _session, ...rest } = stats.backend;
  return rest;
}

// Properties: one read of the document's whole store under the lock (the Settings/Staff snapshot
// naming the installation owner, the change log's checkpoint, the add-on's secret, the review queue,
// any mail intent and the time of the last hand-off look are all answered from it); the checkpoint
// written. One lock call: the document lock taken, and given back by the trigger's end.
const AROUND = {
  Properties: { touch: 0, read: 1, write: 1 },
  Cache: { touch: 0, read: 1, write: 0 },
  Lock: { touch: 0, read: 0, write: 1 },
};
/** The first edit in ten minutes: the owner's keys too (the time of the look goes with the checkpoint). */
const LOOKING = { ...AROUND, Properties: { touch: 0, read: 2, write: 1 } };

test('a technician starting their order, the first edit in a while: 2 reads, 2 writes, 5 other round trips', async () => {
  const id = await assignedOrder(wb, TECH);
  // The request's submission looked for the hand-off (and appended it): ten minutes on, edits look again.
  advance(wb, HAND_OFF_LOOK_EVERY_MS);
  const record = await type(wb, TECH, id, 'Status', 'In Progress');
  expect(wb.order(id).status).toBe('In Progress');
  // Starting moves the order into the supervisors' "in progress" list: the review queue is read too,
  // from the same read of the store (and written back when it exists; here it was never built).
  expect(roundTrips(record.stats)).toEqual({ Spreadsheet: { touch: 0, read: 2, write: 2 }, ...LOOKING });
});

test('a refused edit right after: put back with a note and a toast, 2 reads, 3 writes, 5 other round trips', async () => {
  const id = await assignedOrder(wb, TECH2);
  const toasts = toastsOf(wb, TECH).length;
  const record = await type(wb, TECH, id, 'Status', 'In Progress');
  expect(cell(wb, id, 'Status')).toBe('Assigned');
  expect(noteAt(wb, id, 'Status')).not.toBe('');
  expect(toastsOf(wb, TECH)).toHaveLength(toasts + 1);
  expect(roundTrips(record.stats)).toEqual({
    Spreadsheet: { touch: 0, read: 2, write: 3 },
    ...AROUND,
    Ui: { touch: 0, read: 0, write: 1 },
  });
});
