/**
 * Intake's budget, as counts (the benchmark prints the time estimates): ingesting one submission
 * makes the same calls whatever the register's size — 2 Spreadsheet reads and 2 writes, 8 other
 * round trips and the acknowledgment — and reads no whole column. With a review queue index stored
 * (a supervisor opened the sidebar), one more read: the row the order landed on, for the index.
 */
import type { ExecutionStats } from '../../../runtime/host/execution';
import { spreadsheetCalls } from '../../../runtime/host/execution';
import { SHEET_NAMES } from '../../../src/core/model';
import { PROPERTY_KEYS } from '../../../src/server/adapters/document-properties';
import { expectOk, setUpWorkbook, SUPERVISOR } from '../../support/workbook';

/**
 * Every round trip of one ingest, by service and kind: reads are the register's header row and the
 * change log's tail; writes the log rows and the register row (its row is not looked up: no review
 * queue index is stored to need it). Properties: under the locks (taken first), the owner's ledger and
 * counter (one call, which also shows any entries the hourly job handed off) and one read of the
 * document's whole store, which answers the Settings/Staff snapshot with the installation owner, the
 * review queue, the log's checkpoint and the add-on's secret; the counter with the acknowledgment owed
 * (one owner write) before the rows, then the checkpoint, then the ledger with the acknowledgment
 * released (one owner write) before the document lock is released (src/server/features/intake/
 * pending-ack.ts). Two locks taken; the document's released before the email, the owner's left for the
 * execution's end to give back; one email sent.
 */
const INGEST_ROUND_TRIPS: ExecutionStats['backend'] = {
  Spreadsheet: { touch: 1, read: 2, write: 2 },
  Properties: { touch: 0, read: 2, write: 3 },
  Lock: { touch: 0, read: 0, write: 3 },
  Mail: { touch: 0, read: 0, write: 1 },
  // Who runs this trigger, against the installation owner in the snapshot above: answered in-process.
  Session: { touch: 0, read: 1, write: 0 },
};

/**
 * The same after another ingest: the previous submission's pending acknowledgment is checked (emptied
 * before that email went out; see src/server/features/intake/pending-ack.ts) in the same read of the
 * owner's store.
 */
function expectIngestRoundTrips(stats: ExecutionStats): void {
  expect(stats.backend).toEqual(INGEST_ROUND_TRIPS);
  // Nothing is read key by key: the snapshot comes out of the store's one read under the locks.
  expect(stats.calls['Properties.getProperty']).toBeUndefined();
  expect(stats.calls).toMatchObject({
    'Range.getValues': 2,
    'Sheet.appendRow': 1,
    'Range.setValues': 1,
    'Properties.getProperties': 2, // the owner's ledger, counter and hand-offs; the document's store
    // The counter with the acknowledgment owed; the checkpoint with the time this execution looked for
    // the hourly job's hand-off (edits then skip their look); the ledger with the acknowledgment released.
    'Properties.setProperties': 3,
    'Lock.tryLock': 2,
    'Lock.releaseLock': 1, // the document's; the owner's goes back when the execution ends
    'MailApp.sendEmail': 1,
  });
  // Round trips with no purpose in an ingest: the sheet is found through a local accessor, the
  // register header is not put into the edit trigger's cache, the quota is not asked before sending,
  // the row the order landed on is not looked up (no index needs it).
  for (const gone of [
    'Spreadsheet.getSheetByName',
    'Cache.put',
    'MailApp.getRemainingDailyQuota',
    'Sheet.getLastRow',
    'Properties.deleteProperty',
  ])
    expect(stats.calls[gone]).toBeUndefined();
  // The owner's lock is still held when the execution ends, and Apps Script gives it back then.
  expect(stats.lockHolds.filter((h) => h.endedBy === 'end of execution')).toHaveLength(1);
}

test('one submission: 4 Spreadsheet calls and 8 other round trips, the same at 100 and 5,000 rows', async () => {
  const wb = await setUpWorkbook({ staff: false });
  try {
    const first = (await wb.submit()).executions[0]!;
    expectOk(first);
    // Right after setup: setup left the Settings/Staff snapshot and the change-log tail warm.
    expect(spreadsheetCalls(first.stats)).toBe(4);
    expectIngestRoundTrips(first.stats);

    const measure = async (rows: number) => {
      const register = wb.sheet(SHEET_NAMES.register);
      const template = register.readValues(2, 1, 1, register.maxColumns)[0]!;
      const have = register.lastRow() - 1;
      if (rows > have)
        register.writeValues(
          register.lastRow() + 1,
          1,
          Array.from({ length: rows - have }, () => [...template]),
        );
      const record = (await wb.submit({ description: `At ${rows} rows` })).executions[0]!;
      expectOk(record);
      return record.stats;
    };
    const small = await measure(100);
    const large = await measure(5_000);
    expectIngestRoundTrips(small);
    expectIngestRoundTrips(large);
    expect(large.calls).toEqual(small.calls);
    // Header row + one new row + a few tail cells: nothing proportional to the register.
    expect(large.cellsRead).toBe(small.cellsRead);
    expect(large.cellsRead).toBeLessThan(500);
  } finally {
    await wb.close();
  }
});

test('with a review queue index stored: the row is read for it, and the index is written with the checkpoint', async () => {
  const wb = await setUpWorkbook();
  try {
    await wb.submit({ description: 'Before the sidebar' });
    // The sidebar's first load builds and stores the index.
    expectOk(await wb.call(SUPERVISOR, 'reviewLoad', {}));
    const doc = wb.rt.world.properties.document(wb.ssId);
    const before = doc.get(PROPERTY_KEYS.reviewIndex);
    expect(before).not.toBeNull();
    const record = (await wb.submit({ description: 'After the sidebar' })).executions[0]!;
    expectOk(record);
    expect(record.stats.backend).toEqual({
      ...INGEST_ROUND_TRIPS,
      Spreadsheet: { touch: 1, read: 3, write: 2 },
    });
    expect(record.stats.calls).toMatchObject({
      'Sheet.getLastRow': 1, // the row the order landed on, for the index
      'Properties.setProperties': 3, // the counter, the checkpoint with the index, the ledger
    });
    // The index took the new order in, with its row: the next load needs no read of the register's tail.
    expect(doc.get(PROPERTY_KEYS.reviewIndex)).not.toBe(before);
    const load = expectOk(await wb.call(SUPERVISOR, 'reviewLoad', {}));
    expect(JSON.stringify(load.value)).toContain('After the sidebar');
    expect(load.stats.calls['Range.getValues'] ?? 0).toBe(0);
  } finally {
    await wb.close();
  }
});
