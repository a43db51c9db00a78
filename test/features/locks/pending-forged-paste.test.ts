/**
 * A paste over the hidden "Last Known State" column takes the document lock twice: once to find the
 * rows that need the change log, then, after reading the log with the lock free, to put them back.
 * When another execution keeps the lock past the second wait, the paste is not left unchecked: it is
 * recorded for later and the person told, as any edit that cannot get the lock; the next edit checks
 * it and puts the row back whole from the log. The other execution is simulated in the runtime's lock
 * table, with the clock scaled so the trigger's 30 s wait passes quickly.
 */
import { PENDING_EDIT_PREFIX, PENDING_NOTE } from '../../../src/server/features/edits/pending';
import { REGISTER_COLUMNS } from '../../../src/core/model';
import { REGISTER, assignedOrder, noteAt, rowOf, toastsOf, type } from '../../support/edits';
import { TECH, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';

/** An execution id no real execution has: it stands for "another execution" holding the lock. */
const HOLDER = 9_000_002;

let wb: TestWorkbook;
beforeAll(async () => {
  wb = await setUpWorkbook({ timeScale: 200 });
}, 120_000);
afterAll(() => wb.close());

const pendingKeys = () =>
  Object.keys(wb.rt.world.properties.document(wb.ssId).entries()).filter((k) =>
    k.startsWith(PENDING_EDIT_PREFIX),
  );

async function until(what: string, condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

test('a paste over the hidden column that cannot get the lock back is checked by the next edit', async () => {
  const mine = await assignedOrder(wb, TECH, { description: 'Copied yesterday' });
  const other = await assignedOrder(wb, TECH);
  const sheet = wb.sheet(REGISTER);
  const width = sheet.lastColumn();
  const stale = sheet.readDisplayValues({
    row: rowOf(wb, mine),
    column: 1,
    numRows: 1,
    numColumns: width,
  })[0]!;
  expectOk(await type(wb, TECH, mine, 'Status', 'In Progress'));

  const key = `document:${wb.ssId}`;
  const locks = wb.rt.world.locks;
  expect(locks.tryAcquire(key, HOLDER)).toBe(true);
  let held = true;
  try {
    const pasting = wb.edit(TECH, REGISTER, rowOf(wb, mine), 1, [stale.map(String)]);
    await until('the paste waits for its first section', () => locks.waitingFor(key) > 0);
    locks.release(key, HOLDER);
    held = false;
    // Next in line behind the paste's first section, then kept past its second wait.
    expect(await locks.acquire(key, HOLDER, 3_600_000, wb.rt.world.clock.scale)).toBe(true);
    held = true;
    const outcome = await pasting;
    outcome.executions.forEach(expectOk);
  } finally {
    if (held) locks.release(key, HOLDER);
  }
  // Not checked yet: recorded, the person told; the row still holds the paste.
  expect(pendingKeys()).toHaveLength(1);
  expect(noteAt(wb, mine, REGISTER_COLUMNS.status)).toBe(PENDING_NOTE);
  expect(toastsOf(wb, TECH).some((t) => /could not be checked yet/.test(t))).toBe(true);
  expect(sheet.readValues(rowOf(wb, mine), wb.registerColumn('Status'), 1, 1)[0]?.[0]).toBe('Assigned');

  // The next edit checks it: the row is put back whole as the change log records it.
  expectOk(await type(wb, TECH, other, 'Progress Notes', 'On my way'));
  expect(pendingKeys()).toEqual([]);
  expect(wb.order(mine)).toMatchObject({ status: 'In Progress', description: 'Copied yesterday' });
  expect(noteAt(wb, mine, REGISTER_COLUMNS.status)).toMatch(/put back whole as the change log records it/);
  expect(wb.order(other).notes).toContain('On my way');
});
