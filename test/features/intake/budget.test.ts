/**
 * Intake's budget, as counts (the benchmark prints the time estimates): ingesting one submission
 * makes the same calls whatever the register's size — 3 Spreadsheet reads and 2 writes, 11 other
 * round trips and the acknowledgment — and reads no whole column.
 */
import type { ExecutionStats } from '../../../runtime/host/execution';
import { spreadsheetCalls } from '../../../runtime/host/execution';
import { SHEET_NAMES } from '../../../src/core/model';
import { expectOk, setUpWorkbook } from '../../support/workbook';

/**
 * Every round trip of one ingest, by service and kind: reads are the register's header row, its last
 * row after the append and the change log's tail; writes the log rows and the register row.
 * Properties: under the locks (taken first), the owner's ledger and counter (one call, which also shows
 * any entries the hourly job handed off) and one read of the document's whole store, which answers the
 * Settings/Staff snapshot with the installation owner, the review queue, the log's checkpoint and the
 * add-on's secret; the counter
 * and the acknowledgment's mail intent, then the checkpoint and the ledger written back, and the intent
 * deleted just before sending. Two locks taken and released; one email sent.
 */
const INGEST_ROUND_TRIPS: ExecutionStats['backend'] = {
  Spreadsheet: { touch: 1, read: 3, write: 2 },
  Properties: { touch: 0, read: 2, write: 5 },
  Lock: { touch: 0, read: 0, write: 4 },
  Mail: { touch: 0, read: 0, write: 1 },
  // Who runs this trigger, against the installation owner in the snapshot above: answered in-process.
  Session: { touch: 0, read: 2, write: 0 },
};

/**
 * The same after another ingest: the previous acknowledgment's mail intent is checked (it was deleted
 * when that email went out; see src/server/adapters/change-log-mail.ts) in the same read of the store.
 */
function expectIngestRoundTrips(stats: ExecutionStats): void {
  expect(stats.backend).toEqual(INGEST_ROUND_TRIPS);
  // Nothing is read key by key: the snapshot comes out of the store's one read under the locks.
  expect(stats.calls['Properties.getProperty']).toBeUndefined();
  expect(stats.calls).toMatchObject({
    'Range.getValues': 2,
    'Sheet.getLastRow': 1,
    'Sheet.appendRow': 1,
    'Range.setValues': 1,
    'Properties.getProperties': 2, // the owner's ledger, counter and hand-offs; the document's store
    'Properties.setProperty': 4, // the counter and the mail intent before the row, the checkpoint and the ledger after it
    'Properties.deleteProperty': 1, // the mail intent, just before the acknowledgment is sent
    'MailApp.sendEmail': 1,
  });
  // Round trips with no purpose in an ingest: the sheet is found through a local accessor, the
  // register header is not put into the edit trigger's cache, the quota is not asked before sending.
  for (const gone of ['Spreadsheet.getSheetByName', 'Cache.put', 'MailApp.getRemainingDailyQuota'])
    expect(stats.calls[gone]).toBeUndefined();
}

test('one submission: 5 Spreadsheet calls and 11 other round trips, the same at 100 and 5,000 rows', async () => {
  const wb = await setUpWorkbook({ staff: false });
  try {
    const first = (await wb.submit()).executions[0]!;
    expectOk(first);
    // Right after setup: setup left the Settings/Staff snapshot and the change-log tail warm.
    expect(spreadsheetCalls(first.stats)).toBe(5);
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
