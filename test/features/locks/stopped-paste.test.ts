/**
 * A paste whose check gives the document lock back to read the change log (texts kept only as prints,
 * older than the short scan reaches) is recorded as being checked before the lock is given back, and
 * forgotten once checked. An execution stopped while it reads the log (its 6 minutes run out, or
 * Google ends it) runs no catch or finally: the record is what is left of it, and the next edit checks
 * the paste as any deferred one, once the stopped execution can no longer be running.
 *
 * The stop is reproduced from the world as it stands while the edit reads the log: another writer
 * holds the lock when the first section ends, the world is saved then (the paste in the sheet, nothing
 * checked, the record written), the edit is let finish, and the saved world is put back, which is what
 * an execution stopped at that point leaves.
 */
import { recordOf } from '../../support/row-state';
import { decodeWorldState, encodeWorldState, exportWorld, importWorld } from '../../../runtime/persistence';
import { LONGEST_EXECUTION_MS, parsePendingEdit } from '../../../src/server/features/edits/pending-record';
import { SCAN_ROWS } from '../../../src/server/features/integrity/unkept-fields';
import { ROW_STATE_HEADER } from '../../../src/server/adapters/row-state';
import { appendApprovals } from '../../support/audit';
import { OtherWriter, pendingKeys, until } from '../../support/locks';
import { REGISTER, assignedOrder, cell, logFor, noteAt, rowOf, type } from '../../support/edits';
import { TECH, TECH2, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';

/** An execution id no real execution has: it stands for another writer holding the lock. */
const HOLDER = 9_000_004;
const LONG = 'The boiler room fan squeals at start-up and the belt shows cracks along its inner face. ';

let wb: TestWorkbook;
beforeAll(async () => {
  wb = await setUpWorkbook();
}, 120_000);
afterAll(() => wb.close());

/** The edits recorded for a later check, as stored. */
const records = () =>
  pendingKeys(wb).map((k) => parsePendingEdit(wb.rt.world.properties.document(wb.ssId).get(k) ?? undefined));

test('a paste stopped while its check reads the log is checked by the next edit once the stopped run is over', async () => {
  const id = await assignedOrder(wb, TECH, { description: 'Boiler room fan' });
  const other = await assignedOrder(wb, TECH);
  expectOk(await type(wb, TECH, id, 'Status', 'In Progress'));
  const results = `Belt replaced: ${LONG.repeat(3)}`;
  expectOk(await type(wb, TECH, id, 'Results', results));
  expect(recordOf(wb, cell(wb, id, ROW_STATE_HEADER))?.fingerprints.results).toBeDefined();
  // Past the short scan's reach: only a reading of the whole log, with the lock given back, finds it.
  appendApprovals(wb, SCAN_ROWS);
  const logRowsBefore = logFor(wb, id).length;

  const writer = new OtherWriter(wb, HOLDER);
  writer.hold();
  let stoppedHere = '';
  try {
    // Another technician pastes over the order's Results (refused: not theirs).
    const pasting = wb.edit(TECH2, REGISTER, rowOf(wb, id), wb.registerColumn('Results'), [
      ['pasted'],
      ['pasted too'],
    ]);
    await until('the paste waits for its first section', () => writer.someoneWaits(), 150_000);
    writer.release();
    await writer.queue(3_600_000);
    await until('the paste waits for the lock again', () => writer.someoneWaits(), 150_000);
    // The first section is over and the log read: the edit is recorded as being checked, not yet due.
    const recorded = records();
    expect(recorded).toHaveLength(1);
    expect(recorded[0]?.user).toBe(TECH2);
    expect(recorded[0]?.notBefore).toBeGreaterThanOrEqual(wb.rt.world.clock.now().getTime());
    expect(cell(wb, id, 'Results')).toBe('pasted');
    stoppedHere = encodeWorldState(exportWorld(wb.rt.world));
    writer.release();
    (await pasting).executions.forEach(expectOk);
  } finally {
    writer.release();
  }
  // Let finish, the check puts the text back and forgets its record.
  expect(cell(wb, id, 'Results')).toBe(results);
  expect(records()).toEqual([]);

  // As if the execution had been stopped while reading the log.
  importWorld(wb.rt.world, decodeWorldState(stoppedHere));
  expect(cell(wb, id, 'Results')).toBe('pasted');
  expect(records()).toHaveLength(1);
  // An edit while the stopped run could still be running leaves the paste alone.
  expectOk(await type(wb, TECH, other, 'Progress Notes', 'Parts ordered'));
  expect(cell(wb, id, 'Results')).toBe('pasted');
  expect(records()).toHaveLength(1);
  // Once it cannot be, the next edit checks the paste: the text comes back, the refusal is logged.
  wb.rt.world.clock.advance(LONGEST_EXECUTION_MS);
  expectOk(await type(wb, TECH, other, 'Progress Notes', 'Parts arrived'));
  expect(records()).toEqual([]);
  expect(cell(wb, id, 'Results')).toBe(results);
  expect(noteAt(wb, id, 'Results')).not.toMatch(/could not be put back/);
  expect(logFor(wb, id).length).toBeGreaterThan(logRowsBefore);
  expect(wb.order(other).notes).toContain('Parts arrived');
}, 300_000);
