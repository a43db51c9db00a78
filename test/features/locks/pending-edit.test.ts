/**
 * An edit made while another execution holds the document lock for longer than the trigger waits is
 * never left unchecked: the trigger records it in the document's properties and tells the person
 * (toast, note on the cell); the next edit's trigger checks it as its author, putting back an illegal
 * change with its note and logging a legal one. The holder is simulated in the runtime's lock table
 * (an execution that keeps the lock), with the clock scaled so the trigger's 30 s wait passes quickly.
 */
import { PENDING_NOTE } from '../../../src/server/features/edits/pending';
import { REGISTER, assignedOrder, logFor, onlyExecution, rowOf, toastsOf, type } from '../../support/edits';
import { TECH, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { pendingKeys } from '../../support/locks';

/** An execution id no real execution has: it stands for "another execution" holding the lock. */
const HOLDER = 9_000_001;

let wb: TestWorkbook;
beforeAll(async () => {
  wb = await setUpWorkbook({ timeScale: 200 });
}, 120_000);
afterAll(() => wb.close());

const lockKey = () => `document:${wb.ssId}`;
const noteAt = (id: string, header: string) =>
  wb.sheet(REGISTER).readNotes({
    row: rowOf(wb, id),
    column: wb.registerColumn(header),
    numRows: 1,
    numColumns: 1,
  })[0]?.[0] ?? '';
const statusCell = (id: string) =>
  wb.sheet(REGISTER).readValues(rowOf(wb, id), wb.registerColumn('Status'), 1, 1)[0]?.[0];

test('edits made while the lock is held are recorded, told, then checked by the next edit: illegal put back, legal logged', async () => {
  const legal = await assignedOrder(wb, TECH);
  const illegal = await assignedOrder(wb, TECH);
  const other = await assignedOrder(wb, TECH);
  const logRowsBefore = wb.changeLog().length;

  expect(wb.rt.world.locks.tryAcquire(lockKey(), HOLDER)).toBe(true);
  try {
    // A technician starts one order (allowed) and closes another (only a supervisor may): neither can
    // be checked now.
    const started = await type(wb, TECH, legal, 'Status', 'In Progress');
    const closed = await type(wb, TECH, illegal, 'Status', 'Closed');
    expect(started.stats.lockWaits).toBeGreaterThan(0);
    expect(closed.stats.lockWaits).toBeGreaterThan(0);
  } finally {
    wb.rt.world.locks.release(lockKey(), HOLDER);
  }
  // Nothing judged or logged yet; both recorded in the document's properties, the person told.
  expect(wb.changeLog()).toHaveLength(logRowsBefore);
  expect(pendingKeys(wb)).toHaveLength(2);
  expect(statusCell(illegal)).toBe('Closed');
  expect(noteAt(legal, 'Status')).toBe(PENDING_NOTE);
  expect(noteAt(illegal, 'Status')).toBe(PENDING_NOTE);
  expect(toastsOf(wb, TECH).filter((t) => /could not be checked yet/.test(t))).toHaveLength(2);

  // The next edit (any row) checks them, as the technician who made them.
  const toastsBefore = toastsOf(wb, TECH).length;
  const next = onlyExecution(
    (await wb.edit(TECH, REGISTER, rowOf(wb, other), wb.registerColumn('Progress Notes'), [['On my way']]))
      .executions,
  );
  expect(next.ok).toBe(true);
  expect(pendingKeys(wb)).toEqual([]);

  // The legal change is kept, stamped and logged as the technician's sheet edit.
  expect(wb.order(legal)).toMatchObject({ status: 'In Progress' });
  expect(wb.order(legal).startedAt).toBeInstanceOf(Date);
  expect(logFor(wb, legal)).toContainEqual(
    expect.objectContaining({
      user: TECH,
      source: 'sheet edit',
      field: 'Status',
      old: 'Assigned',
      new: 'In Progress',
    }),
  );
  expect(noteAt(legal, 'Status')).toBe('');

  // The illegal one is put back, with a note saying why, and the attempt is logged as refused.
  expect(statusCell(illegal)).toBe('Assigned');
  expect(wb.order(illegal).status).toBe('Assigned');
  expect(noteAt(illegal, 'Status')).toMatch(/^Work Orders put this cell back/);
  expect(logFor(wb, illegal)).toContainEqual(
    expect.objectContaining({ user: TECH, field: 'Status (refused)' }),
  );
  // Its author, the one editing now, is told by a toast too.
  expect(toastsOf(wb, TECH).slice(toastsBefore).join(' ')).toMatch(/Change undone\. Status/);
  // And the edit that triggered the check is handled as usual.
  expect(wb.order(other).notes).toContain('On my way');
}, 120_000);
