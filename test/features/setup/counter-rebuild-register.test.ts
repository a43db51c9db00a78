/**
 * A lost counter rebuilt under the document lock reads only the last rows of the register's id column
 * when the change log's end tells the whole story (every row from the checkpoint's up to the latest
 * "Created" is the add-on's own), not the whole column, which grows with every order. When a row in
 * between is not the add-on's (the latest "Created" row edited by hand), the whole column is read, so
 * an order sorted away from the bottom still counts and its id is not given again.
 */
import { parseRequestId } from '../../../src/core/ids';
import { REGISTER_COLUMNS } from '../../../src/core/model';
import { LOG_COLUMN } from '../../../src/core/change-log-row';
import { CREATED_FIELD } from '../../../src/core/replay';
import { REGISTER, sortRegister, submitOne } from '../../support/edits';
import { ADMIN, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { LOG } from '../../support/audit';
import { submitMany } from '../../support/ops';
import { PROPERTY_KEYS } from '../../../src/server/adapters/document-properties';
import type { ExecutionRecord } from '../../../runtime';

/** Register rows of older orders: far more than the end of the column a rebuild reads. */
const OLDER = 6_000;

const pad = (n: number) => `REQ-${String(n).padStart(6, '0')}`;

function loseCounters(wb: TestWorkbook): void {
  wb.rt.world.properties.user(ADMIN).delete(`wo.${wb.ssId}.requestCounter`);
  const doc = wb.rt.world.properties.document(wb.ssId);
  doc.delete(PROPERTY_KEYS.requestCounter);
  doc.delete(PROPERTY_KEYS.woCounters);
}

/** Cells the intake read while it held the document lock. */
function cellsReadUnderLock(executions: ExecutionRecord[]): number {
  const hold = executions.flatMap((r) => r.stats.lockHolds).find((h) => h.key.startsWith('document:'));
  if (!hold) throw new Error('no execution held the document lock');
  return hold.during.cellsRead;
}

test('a lost request counter is rebuilt reading the end of the register, however long it is', async () => {
  const wb = await setUpWorkbook();
  try {
    const highest = await submitOne(wb);
    // Older orders' rows above the add-on's (ids below the highest): the id column grows long.
    const register = wb.sheet(REGISTER);
    register.insertRows(2, OLDER, 'none');
    const ids = Array.from({ length: OLDER }, () => [pad(parseRequestId(highest)! - 1)]);
    register.writeValues(2, wb.registerColumn(REGISTER_COLUMNS.id), ids);
    loseCounters(wb);

    const submission = await wb.submit();
    submission.executions.forEach(expectOk);
    const idAt = wb.registerColumn(REGISTER_COLUMNS.id) - 1;
    expect(wb.values(REGISTER).map((r) => r[idAt])).toContain(pad(parseRequestId(highest)! + 1));
    expect(cellsReadUnderLock(submission.executions)).toBeLessThan(OLDER);
  } finally {
    wb.close();
  }
});

test('with the latest "Created" row edited and its order sorted to the top, its id is not given again', async () => {
  const wb = await setUpWorkbook();
  try {
    const made = await submitMany(wb, 60);
    const highest = made[made.length - 1]!;
    // The highest id at the top of the register, far from the end a rebuild reads first.
    sortRegister(wb, (o) => o.id, true);
    const log = wb.sheet(LOG);
    const rows = wb.values(LOG);
    const at = rows.findIndex(
      (r) => r[LOG_COLUMN.recordId] === highest && String(r[LOG_COLUMN.changes]).includes(CREATED_FIELD),
    );
    expect(at).toBeGreaterThan(0);
    // Its "Created" line edited away: the row no longer verifies, and the log's end names the id before.
    log.writeValues(at + 1, LOG_COLUMN.changes + 1, [['Status: Closed']]);
    loseCounters(wb);

    const next = await submitOne(wb);
    expect(next).toBe(pad(parseRequestId(highest)! + 1));
  } finally {
    wb.close();
  }
}, 120_000);
