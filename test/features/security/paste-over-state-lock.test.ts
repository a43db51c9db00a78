/**
 * A paste over the hidden "Last Known State" column is put back from the change log, and the log is
 * read without the document lock: the edit's section stops before writing anything, the log is read
 * with the lock free, and the section runs again reading only the log rows from where that reading
 * stopped. These tests hold the lock host-side in that gap, as another writer would, and append to
 * the log meanwhile:
 *  - a genuine row appended in the gap is taken into account;
 *  - a row typed into the log in the gap (no MAC the add-on's secret gives) restores nothing and
 *    invents nothing;
 *  - a log changed in the gap above where the reading stopped is read again;
 *  - the lock's holds of such a paste read no more when the log is thousands of rows longer, while
 *    the reading outside them does.
 */
import type { ExecutionRecord } from '../../../runtime';
import { REGISTER_COLUMNS } from '../../../src/core/model';
import { keyedCell } from '../../../src/core/keyed-chain';
import { serializeRowState } from '../../../src/server/adapters/row-state';
import { LOG, appendAsAddOn, checkpointOf, verifyLog } from '../../support/audit';
import { TECH, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { REGISTER, assignedOrder, noteAt, rowOf, type } from '../../support/edits';
import { OtherWriter, until } from '../../support/locks';

let wb: TestWorkbook;
beforeAll(async () => {
  wb = await setUpWorkbook();
});
afterAll(() => wb.close());

/** Stands for another writer holding the document lock (no execution has this id). */
const OTHER_WRITER = -1;

/** A register row as a person copies it: every column, the hidden one included. */
function copyRow(row: number): string[] {
  const sheet = wb.sheet(REGISTER);
  return sheet
    .readDisplayValues({ row, column: 1, numRows: 1, numColumns: sheet.lastColumn() })[0]!
    .map(String);
}

/**
 * Pastes `values` at `row` with another writer holding the document lock around the edit's first
 * section: the writer holds it when the edit starts, lets the edit in and queues at once behind it, so
 * it holds the lock again when that section ends; the edit reads the log with the lock free, then waits
 * for it. `meanwhile` runs then (the edit's reading done, its catching up not begun), and the lock is
 * given back.
 */
async function pasteWithWriterInGap(row: number, values: string[][], meanwhile: () => void) {
  const writer = new OtherWriter(wb, OTHER_WRITER);
  writer.hold();
  try {
    const pasting = wb.edit(TECH, REGISTER, row, 1, values);
    await until('the edit waits for its first section', () => writer.someoneWaits());
    writer.release();
    expect(writer.holder()).not.toBe(OTHER_WRITER);
    await writer.queue();
    await until('the edit waits for the lock again', () => writer.someoneWaits());
    meanwhile();
    writer.release();
    const outcome = await pasting;
    outcome.executions.forEach(expectOk);
    return outcome;
  } finally {
    writer.release();
  }
}

function documentHolds(record: ExecutionRecord) {
  return record.stats.lockHolds.filter((h) => h.key.startsWith('document:'));
}

function triggerRecord(executions: readonly ExecutionRecord[]): ExecutionRecord {
  const found = executions.find((e) => e.entry === 'onEditTrigger');
  if (!found) throw new Error('no edit-trigger execution');
  return found;
}

test('a log row another writer appends between the reading and the lock is taken into account', async () => {
  const mine = await assignedOrder(wb, TECH, { description: 'Copied yesterday' });
  const stale = copyRow(rowOf(wb, mine));
  expectOk(await type(wb, TECH, mine, 'Status', 'In Progress'));
  const rowsBefore = wb.changeLog().length;

  const outcome = await pasteWithWriterInGap(rowOf(wb, mine), [stale], () =>
    appendAsAddOn(wb, [
      {
        at: new Date(),
        user: TECH,
        source: 'sheet edit',
        recordId: mine,
        field: REGISTER_COLUMNS.notes,
        oldValue: '',
        newValue: 'Written while the paste waited',
      },
    ]),
  );

  // Put back as the log records it, the row appended in the gap included.
  expect(wb.order(mine)).toMatchObject({
    status: 'In Progress',
    notes: 'Written while the paste waited',
    description: 'Copied yesterday',
  });
  expect(noteAt(wb, mine, REGISTER_COLUMNS.status)).toMatch(/put back whole as the change log records it/);
  const trigger = triggerRecord(outcome.executions);
  // The schedule the test is about: a short first hold, then a wait behind the other writer.
  expect(documentHolds(trigger).length).toBeGreaterThanOrEqual(2);
  expect(trigger.stats.lockWaits).toBe(2);
  expect(wb.changeLog().length).toBeGreaterThan(rowsBefore + 1);
  expect(verifyLog(wb)).toMatchObject({ ok: true });
});

test('a row typed into the log in the gap neither restores a status nor invents an order', async () => {
  const mine = await assignedOrder(wb, TECH, { description: 'Guarded' });
  const other = await assignedOrder(wb, TECH, { description: 'Bystander' });
  const stale = copyRow(rowOf(wb, mine));
  expectOk(await type(wb, TECH, mine, 'Status', 'In Progress'));
  const invented = 'REQ-000900';
  // The stale copy with an id never handed out, and a record to match it.
  const madeUp = [...stale];
  madeUp[0] = invented;
  madeUp[madeUp.length - 1] = serializeRowState({ ...wb.order(mine), id: invented, status: 'Closed' });
  const registerBefore = wb.register().length;

  await pasteWithWriterInGap(rowOf(wb, mine), [stale], () => {
    const log = wb.sheet(LOG);
    const { seq } = checkpointOf(wb);
    const forged = (recordId: string, changes: string): (string | Date)[] => [
      new Date(),
      TECH,
      'sheet edit',
      recordId,
      changes,
      keyedCell(seq + 1, 'f'.repeat(64)),
    ];
    log.writeValues(log.lastRow() + 1, 1, [
      forged(mine, 'Status: In Progress → Closed'),
      forged(invented, 'Created: (none) → Closed'),
    ]);
    // A genuine append after them (it goes below the sheet's last row): the typed rows now lie
    // among committed ones.
    appendAsAddOn(wb, [
      {
        at: new Date(),
        user: TECH,
        source: 'sheet edit',
        recordId: other,
        field: REGISTER_COLUMNS.notes,
        oldValue: '',
        newValue: 'after the typed rows',
      },
    ]);
  });
  expect(wb.order(mine).status).toBe('In Progress');
  expect(wb.order(mine).description).toBe('Guarded');

  // The made-up order below the register, after a typed "Created" row for it: the copy goes.
  const below = wb.sheet(REGISTER).lastRow() + 1;
  (await wb.edit(TECH, REGISTER, below, 1, [madeUp])).executions.forEach(expectOk);
  expect(wb.register().some((r) => r.order.id === invented)).toBe(false);
  expect(wb.register()).toHaveLength(registerBefore);
});

test('a log whose last read row was changed in the gap is read again, as the lock finds it', async () => {
  const mine = await assignedOrder(wb, TECH, { description: 'Read twice' });
  const stale = copyRow(rowOf(wb, mine));
  expectOk(await type(wb, TECH, mine, 'Status', 'In Progress'));
  const log = wb.sheet(LOG);
  const statusRow = log.lastRow();
  expect(String(log.readValues(statusRow, 5, 1, 1)[0]?.[0])).toContain('In Progress');

  const outcome = await pasteWithWriterInGap(rowOf(wb, mine), [stale], () => {
    // The row the reading stopped at (the status change) no longer holds the add-on's MAC.
    log.writeValues(statusRow, 6, [[keyedCell(checkpointOf(wb).seq, '0'.repeat(64))]]);
  });

  // Read again without the lock: the status change no longer counts, as for a reading under it.
  const trigger = triggerRecord(outcome.executions);
  expect(documentHolds(trigger)).toHaveLength(3);
  expect(wb.order(mine).status).toBe('Assigned');
  expect(wb.order(mine).description).toBe('Read twice');
});

test('the lock holds of a paste over the hidden column do not grow with the log', async () => {
  const mine = await assignedOrder(wb, TECH, { description: 'Measured' });
  const other = await assignedOrder(wb, TECH, { description: 'Grows the log' });
  const stale = copyRow(rowOf(wb, mine));
  const paste = async (): Promise<ExecutionRecord> => {
    const outcome = await wb.edit(TECH, REGISTER, rowOf(wb, mine), 1, [stale]);
    outcome.executions.forEach(expectOk);
    expect(wb.order(mine).description).toBe('Measured');
    return triggerRecord(outcome.executions);
  };
  const held = (record: ExecutionRecord): number =>
    documentHolds(record).reduce((sum, h) => sum + h.during.cellsRead, 0);

  const short = await paste();
  const added = 3_000;
  const start = Date.now();
  appendAsAddOn(
    wb,
    Array.from({ length: added }, (_, i) => ({
      at: new Date(start + i * 1000),
      user: TECH,
      source: 'sheet edit' as const,
      recordId: other,
      field: REGISTER_COLUMNS.notes,
      oldValue: '',
      newValue: `note ${i}`,
    })),
  );
  const long = await paste();

  const logCells = added * 6;
  // The reading outside the lock grew with the log…
  expect(long.stats.cellsRead - held(long) - (short.stats.cellsRead - held(short))).toBeGreaterThanOrEqual(
    logCells,
  );
  // …the holds did not (the rows written by the first paste and its own append aside).
  expect(held(long) - held(short)).toBeLessThan(logCells / 10);
  expect(documentHolds(long).every((h) => h.during.cellsRead < logCells)).toBe(true);
});
