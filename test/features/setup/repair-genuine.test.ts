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

/** Rows typed at the bottom of the log, as an editor without the add-on's secret could. */
function forgeBottomRows(wb: TestWorkbook, year: number): void {
  const log = wb.sheet(SHEET_NAMES.changeLog);
  const lastRow = log.lastRow();
  const macCell = String(log.readValues(lastRow, 6, 1, 1)[0]?.[0] ?? '');
  const seq = Number(/^k(\d+)\./.exec(macCell)?.[1]);
  expect(seq).toBeGreaterThan(0);
  const at = wb.rt.world.clock.now();
  const created = formatChanges([
    { field: 'Created', oldValue: '', newValue: 'Submitted (Form Responses 1!9)' },
  ]);
  const numbered = formatChanges([{ field: 'WO Number', oldValue: '', newValue: woText(year, 90_000) }]);
  log.writeValues(lastRow + 1, 1, [
    // A copy of the add-on's last MAC cell, and a made-up MAC in the place the next keyed row takes…
    [at, ADMIN, 'form', 'REQ-900000', created, macCell],
    [at, ADMIN, 'sidebar', 'REQ-900000', numbered, `k${seq + 1}.${'c'.repeat(64)}`],
    // …and plain SHA-256-looking hashes, as rows from before the keyed chain carry.
    [at, ADMIN, 'form', 'REQ-800000', created, 'a'.repeat(64)],
    [at, ADMIN, 'sidebar', 'REQ-800000', numbered, 'b'.repeat(64)],
  ]);
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
    forgeBottomRows(wb, deleted.year);
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
    forgeBottomRows(wb, deleted.year);
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
