/**
 * Repair work orders and Take over installation continue the counters after the highest number the
 * add-on really issued, read from the whole change log before the locks: an order deleted from the
 * register still counts (its "Created" and "WO Number" rows are the add-on's), while rows typed into
 * the log by hand, claiming a huge id or work-order number, count for nothing.
 */
import { formatChanges } from '../../../src/core/change-lines';
import { parseRequestId, parseWoNumber } from '../../../src/core/ids';
import { SHEET_NAMES } from '../../../src/core/model';
import { PROPERTY_KEYS } from '../../../src/server/adapters/document-properties';
import { approvedOrder, rowOf } from '../../support/edits';
import { ADMIN, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { forgeNumberedRows } from '../../support/audit';

const SECOND_ADMIN = 'ada.admin@example.com';

const pad = (n: number) => `REQ-${String(n).padStart(6, '0')}`;
const woText = (year: number, seq: number) => `WO-${year}-${String(seq).padStart(5, '0')}`;

function loseCounters(wb: TestWorkbook): void {
  wb.rt.world.properties.user(ADMIN).delete(`wo.${wb.ssId}.requestCounter`);
  const doc = wb.rt.world.properties.document(wb.ssId);
  doc.delete(PROPERTY_KEYS.requestCounter);
  doc.delete(PROPERTY_KEYS.woCounters);
}

/**
 * Two approved orders; the later one is then deleted from the register, so only the add-on's log
 * rows remember its id and number. Returns them.
 */
async function historyWithDeletedOrder(wb: TestWorkbook): Promise<{ id: string; year: number; seq: number }> {
  await approvedOrder(wb);
  const last = await approvedOrder(wb);
  const number = parseWoNumber(wb.order(last).woNumber)!;
  wb.sheet(SHEET_NAMES.register).deleteRows(rowOf(wb, last), 1);
  expect(wb.register().map((r) => r.order.id)).not.toContain(last);
  return { id: last, ...number };
}

/** A plain-hash row put in at the top of a log whose checkpoint says it has no legacy part. */
function forgeTopRow(wb: TestWorkbook): void {
  const log = wb.sheet(SHEET_NAMES.changeLog);
  const created = formatChanges([
    { field: 'Created', oldValue: '', newValue: 'Submitted (Form Responses 1!9)' },
  ]);
  log.insertRows(2, 1, 'none');
  log.writeValues(2, 1, [[wb.rt.world.clock.now(), ADMIN, 'form', 'REQ-700000', created, 'e'.repeat(64)]]);
}

test('Repair continues after a deleted order’s id and number, not after numbers typed into the log', async () => {
  const wb = await setUpWorkbook();
  try {
    const deleted = await historyWithDeletedOrder(wb);
    forgeNumberedRows(wb, ADMIN, woText(deleted.year, 90_000));
    forgeTopRow(wb);
    loseCounters(wb);

    const run = expectOk(await wb.menu(ADMIN, 'repairWorkOrders'));
    expect(String(run.value)).toMatch(
      `continue after ${deleted.id} and ${woText(deleted.year, deleted.seq)}`,
    );

    const next = await approvedOrder(wb);
    expect(next).toBe(pad(parseRequestId(deleted.id)! + 1));
    expect(parseWoNumber(wb.order(next).woNumber)).toEqual({ year: deleted.year, seq: deleted.seq + 1 });
  } finally {
    await wb.close();
  }
});

test('Take over, with the checkpoint lost too, continues after the highest id the add-on issued', async () => {
  const wb = await setUpWorkbook();
  try {
    const row = wb.sheet(SHEET_NAMES.staff).lastRow() + 1;
    const edit = await wb.edit(ADMIN, SHEET_NAMES.staff, row, 1, [
      [SECOND_ADMIN, 'Ada', 'Administrator', 'TRUE'],
    ]);
    edit.executions.forEach(expectOk);
    const deleted = await historyWithDeletedOrder(wb);
    forgeNumberedRows(wb, ADMIN, woText(deleted.year, 90_000));
    // No checkpoint: the legacy part is only what lies above the keyed chain's first row.
    wb.rt.world.properties.document(wb.ssId).delete(PROPERTY_KEYS.changeLogCheckpoint);
    loseCounters(wb);

    wb.rt.world.ui.respondWith({ button: 'YES' });
    const run = expectOk(await wb.menu(SECOND_ADMIN, 'takeOverInstallation'));
    expect(String(run.value)).toMatch(`Request ids continue after ${deleted.id}.`);
    const { executions } = await wb.submit({ description: 'After the take-over' });
    executions.forEach(expectOk);
    const added = wb.register().find((r) => r.order.description === 'After the take-over');
    expect(added?.order.id).toBe(pad(parseRequestId(deleted.id)! + 1));
  } finally {
    await wb.close();
  }
});
