/**
 * A paste refused over texts kept only as prints, whose earlier values lie past the short scan of the
 * log's last rows, takes the document lock twice: once to scan, then, after reading the whole log
 * with the lock free, to put them back. When another execution keeps the lock past the second wait,
 * the paste is not left unchecked: it is recorded for later and the person told, as any edit that
 * cannot get the lock; the next edit checks it and puts the texts back. The other execution is
 * simulated in the runtime's lock table, with the clock scaled so the trigger's 30 s wait passes
 * quickly (less than for a short edit: the reading of a long log must still fit the execution's 6
 * minutes).
 */
import { recordOf } from '../../support/row-state';
import { PENDING_NOTE } from '../../../src/server/features/edits/pending';
import { SCAN_ROWS } from '../../../src/server/features/integrity/unkept-fields';
import { ROW_STATE_HEADER } from '../../../src/server/adapters/row-state';
import { appendApprovals } from '../../support/audit';
import { OtherWriter, pendingKeys, until } from '../../support/locks';
import { REGISTER, assignedOrder, cell, noteAt, rowOf, type } from '../../support/edits';
import { TECH, TECH2, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';

/** An execution id no real execution has: it stands for "another execution" holding the lock. */
const HOLDER = 9_000_003;

let wb: TestWorkbook;
beforeAll(async () => {
  wb = await setUpWorkbook({ timeScale: 5 });
}, 120_000);
afterAll(() => wb.close());

const LONG = 'The chiller on the roof trips its breaker every afternoon when the load peaks. ';

test('a refused paste that cannot get the lock back after reading the log is checked by the next edit', async () => {
  const id = await assignedOrder(wb, TECH, { description: 'Roof chiller' });
  const other = await assignedOrder(wb, TECH);
  expect(rowOf(wb, other)).toBe(rowOf(wb, id) + 1);
  expectOk(await type(wb, TECH, id, 'Status', 'In Progress'));
  const results = `Checked: ${LONG.repeat(3)}`;
  expectOk(await type(wb, TECH, id, 'Results', results));
  expect(recordOf(wb, cell(wb, id, ROW_STATE_HEADER))?.fingerprints.results).toBeDefined();
  // The change goes past the scan's reach: only a reading of the whole log finds it.
  appendApprovals(wb, SCAN_ROWS);

  const writer = new OtherWriter(wb, HOLDER);
  writer.hold();
  try {
    // Two cells (the next row too): a paste's event carries no previous value.
    const cells = [['pasted'], ['pasted too']];
    const pasting = wb.edit(TECH2, REGISTER, rowOf(wb, id), wb.registerColumn('Results'), cells);
    await until('the paste waits for its first section', () => writer.someoneWaits(), 150_000);
    writer.release();
    // Next in line behind the paste's first section, then kept past its second wait.
    await writer.queue(3_600_000);
    const outcome = await pasting;
    outcome.executions.forEach(expectOk);
    expect(outcome.executions[0]?.stats.lockHolds.filter((h) => h.key === writer.key)).toHaveLength(1);
  } finally {
    writer.release();
  }
  // Not checked yet: recorded, the person told; the cell still holds the paste.
  expect(pendingKeys(wb)).toHaveLength(1);
  expect(noteAt(wb, id, 'Results')).toBe(PENDING_NOTE);
  expect(cell(wb, id, 'Results')).toBe('pasted');

  // The next edit checks it: the text comes back from the log, read again with the lock free.
  expectOk(await type(wb, TECH, other, 'Progress Notes', 'On my way'));
  expect(pendingKeys(wb)).toEqual([]);
  expect(cell(wb, id, 'Results')).toBe(results);
  expect(noteAt(wb, id, 'Results')).not.toMatch(/could not be put back/);
  expect(noteAt(wb, id, 'Results')).not.toBe(PENDING_NOTE);
  expect(cell(wb, other, 'Results')).toBe('');
  expect(wb.order(other).notes).toContain('On my way');
}, 180_000);
