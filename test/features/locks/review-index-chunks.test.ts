/**
 * The review queue's index is built in chunks, each under its own short hold of the document lock: at
 * 100,000 rows one read of every row and column held the lock ~30 s, longer than an edit trigger
 * waits. Here 12,000 rows with open orders scattered every 400 rows take two holds (a hold stops after
 * 25 reads); an edit made meanwhile (the two executions interleaved call by call) is judged at once,
 * and the queue that results is the one a single read of the register gives.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { SUPERVISOR, TECH, TECH2, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { assignedOrder, logFor, type } from '../../support/edits';
import { appendDirectly, dropIndex, indexMeta, makeOrder } from '../review/fixtures';
import { load } from '../review/helpers';

const ROWS = 12_000;
const EVERY = 400;
let wb: TestWorkbook;

beforeAll(async () => {
  wb = await setUpWorkbook();
  appendDirectly(
    wb,
    Array.from({ length: ROWS }, (_, i) =>
      i % EVERY === 0
        ? makeOrder(100_000 + i, { status: 'Assigned', woNumber: `WO-2025-${i + 1}`, assignee: TECH2 })
        : makeOrder(100_000 + i, { status: 'Closed', woNumber: `WO-2025-${i + 1}` }),
    ),
  );
}, 120_000);
afterAll(() => wb.close());

const holdsOf = (executionId: number) =>
  wb.rt.world.logs.messages(executionId).filter((m) => m.startsWith('Review queue index: rows'));

test('a build takes several short holds, releasing the lock between them, and the queue is complete', async () => {
  dropIndex(wb);
  const { reply, record } = await load(wb, SUPERVISOR);
  if (!reply.ok) throw new Error(reply.message);
  const holds = holdsOf(record.executionId);
  expect(holds.length).toBeGreaterThanOrEqual(2);
  // Each hold read the ids and statuses of its rows and at most 25 spans of rows in full.
  for (const h of holds) expect(Number(/in (\d+) reads/.exec(h)?.[1])).toBeLessThanOrEqual(26);
  expect(record.stats.calls['Lock.tryLock']).toBeGreaterThanOrEqual(holds.length);
  expect(record.stats.calls['Lock.releaseLock']).toBeGreaterThanOrEqual(holds.length);
  // Far fewer cells than the register's: closed rows are never read in full.
  const width = wb.sheet(SHEET_NAMES.register).lastColumn();
  expect(record.stats.cellsRead).toBeLessThan((ROWS * width) / 4);
  const load2 = reply.view.technicians.find((t) => t.email === TECH2);
  expect(load2?.openLoad).toBe(ROWS / EVERY);
  expect(indexMeta(wb)).toMatchObject({ chunks: expect.any(Number) });
  // Stored complete: the next opening reads no register data.
  const again = await load(wb, SUPERVISOR);
  expect(again.record.stats.cellsRead).toBe(0);
});

test('an edit made while the index is being built is judged at once, not deferred, and the queue shows it', async () => {
  const id = await assignedOrder(wb, TECH);
  dropIndex(wb);
  const [loaded, edited] = await wb.rt.interleaved(() =>
    Promise.all([load(wb, SUPERVISOR), type(wb, TECH, id, 'Status', 'In Progress')]),
  );
  expect(edited.ok).toBe(true);
  const pending = Object.keys(wb.rt.world.properties.document(wb.ssId).entries()).filter((k) =>
    k.startsWith('wo.edit.pending.'),
  );
  expect(pending).toEqual([]);
  expect(wb.order(id).status).toBe('In Progress');
  expect(logFor(wb, id)).toContainEqual(expect.objectContaining({ field: 'Status', new: 'In Progress' }));
  expect(holdsOf(loaded.record.executionId).length).toBeGreaterThanOrEqual(2);
  if (!loaded.reply.ok) throw new Error(loaded.reply.message);
  const after = await load(wb, SUPERVISOR);
  if (!after.reply.ok) throw new Error(after.reply.message);
  expect(after.record.stats.cellsRead).toBe(0);
  expect(after.reply.view.technicians.find((t) => t.email === TECH)?.openLoad).toBe(1);
}, 120_000);
