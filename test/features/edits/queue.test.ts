/**
 * The edit trigger keeps the supervisor review queue (adapters/review-queue.ts) true, and reads it
 * only for edits it can show: a technician writing results on an order in progress leaves the queue
 * and their open load as they are, and the index is not read at all; starting work moves it into
 * the supervisors' "in progress" list, written back in the change-log checkpoint's round trip; completing
 * the order moves it into the supervisors' Completed section, and out of the technician's load.
 */
import { SUPERVISOR, TECH, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { assignedOrder, type } from '../../support/edits';
import { idsIn, load } from '../review/helpers';

let wb: TestWorkbook;
beforeAll(async () => {
  wb = await setUpWorkbook();
});
afterAll(() => wb.close());

/** The sidebar's view; once the index is built, from it alone (no register data read). */
async function queueView(built = true) {
  const { reply, record } = await load(wb, SUPERVISOR);
  if (!reply.ok) throw new Error(reply.message);
  if (built) expect(record.stats.cellsRead).toBe(0);
  const openLoad = reply.view.technicians.find((t) => t.email === TECH)?.openLoad;
  return { completed: idsIn(reply.view, 'completed'), openLoad };
}

test('starting work moves it in the index; writing results does not touch it; completing updates it', async () => {
  const id = await assignedOrder(wb, TECH);
  expect(await queueView(false)).toEqual({ completed: [], openLoad: 1 }); // builds the index

  // The supervisors list work in progress: starting is read and written once.
  const started = await type(wb, TECH, id, 'Status', 'In Progress');
  expect(started.stats.calls['Properties.getProperties']).toBe(1);
  // Written back with the change log's checkpoint, in one round trip.
  expect(started.stats.backend.Properties?.write).toBe(1);
  expect(started.stats.calls['Properties.setProperty']).toBeUndefined();
  const shown = await load(wb, SUPERVISOR);
  if (!shown.reply.ok) throw new Error(shown.reply.message);
  expect(shown.reply.view.sections.working.items.map((i) => [i.id, i.status])).toEqual([[id, 'In Progress']]);
  const edits = [
    ['Results', 'results', 'Ballast replaced'],
    ['Actions Taken', 'actions', 'Swapped the ballast'],
  ] as const;
  for (const [header, field, value] of edits) {
    const record = await type(wb, TECH, id, header, value);
    expect(wb.order(id)[field]).toBe(value);
    // Read with the rest of the document's properties under the lock, never written back.
    expect(record.stats.calls['Properties.setProperties']).toBeUndefined();
  }
  expect(await queueView()).toEqual({ completed: [], openLoad: 1 });

  const done = await type(wb, TECH, id, 'Status', 'Completed');
  expect(wb.order(id).status).toBe('Completed');
  expect(done.stats.calls['Properties.getProperties']).toBe(1);
  expect(await queueView()).toEqual({ completed: [id], openLoad: 0 });
});
