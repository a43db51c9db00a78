/**
 * A paste over the hidden "Last Known State" column takes the document lock twice: once to find the
 * rows that need the change log, then, after reading the log with the lock free, to put them back.
 * When another execution keeps the lock past the second wait, the paste is not left unchecked: it is
 * recorded for later and the person told, as any edit that cannot get the lock; the next edit checks
 * it and puts the row back whole from the log. The other execution is simulated in the runtime's lock
 * table, with the clock scaled so the trigger's 30 s wait passes quickly.
 */
import { PENDING_NOTE } from '../../../src/server/features/edits/pending';
import { REGISTER_COLUMNS } from '../../../src/core/model';
import { REGISTER, assignedOrder, noteAt, rowOf, toastsOf, type } from '../../support/edits';
import { TECH, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { OtherWriter, pendingKeys, until } from '../../support/locks';

/** An execution id no real execution has: it stands for "another execution" holding the lock. */
const HOLDER = 9_000_002;

let wb: TestWorkbook;
beforeAll(async () => {
  wb = await setUpWorkbook({ timeScale: 200 });
}, 120_000);
afterAll(() => wb.close());

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

  const writer = new OtherWriter(wb, HOLDER);
  writer.hold();
  try {
    const pasting = wb.edit(TECH, REGISTER, rowOf(wb, mine), 1, [stale.map(String)]);
    await until('the paste waits for its first section', () => writer.someoneWaits());
    writer.release();
    // Next in line behind the paste's first section, then kept past its second wait.
    await writer.queue(3_600_000);
    const outcome = await pasting;
    outcome.executions.forEach(expectOk);
  } finally {
    writer.release();
  }
  // Not checked yet: recorded, the person told; the row still holds the paste.
  expect(pendingKeys(wb)).toHaveLength(1);
  expect(noteAt(wb, mine, REGISTER_COLUMNS.status)).toBe(PENDING_NOTE);
  expect(toastsOf(wb, TECH).some((t) => /could not be checked yet/.test(t))).toBe(true);
  expect(sheet.readValues(rowOf(wb, mine), wb.registerColumn('Status'), 1, 1)[0]?.[0]).toBe('Assigned');

  // The next edit checks it: the row is put back whole as the change log records it.
  expectOk(await type(wb, TECH, other, 'Progress Notes', 'On my way'));
  expect(pendingKeys(wb)).toEqual([]);
  expect(wb.order(mine)).toMatchObject({ status: 'In Progress', description: 'Copied yesterday' });
  expect(noteAt(wb, mine, REGISTER_COLUMNS.status)).toMatch(/put back whole as the change log records it/);
  expect(wb.order(other).notes).toContain('On my way');
});
