/**
 * The change log as only the add-on can check it: with the secret and checkpoint from the
 * spreadsheet's document properties (read through the host model, never through Code.js). Tests use
 * it to assert a log is intact after what they did, and to forge rows as an attacker with the sheet
 * (but not the secret) could.
 */
import { GENESIS_HASH, changeLogRows, type UnhashedEntry } from '../../src/core/audit';
import {
  hmacKey,
  keyedRows,
  settleCut,
  parseCheckpoint,
  type Checkpoint,
  type HmacKey,
} from '../../src/core/keyed-chain';
import { LogVerifier } from '../../src/core/log-verify';
import { formatChanges } from '../../src/core/change-lines';
import { ADDON_SECRET_KEY } from '../../src/server/adapters/addon-secret';
import { CHECKPOINT_KEY } from '../../src/server/adapters/change-log-tail';
import { SHEET_NAMES } from '../../src/core/model';
import type { TestWorkbook } from './workbook';
import { REGISTER_COLUMNS } from '../../src/core/model';
import { diffOrders, formatFieldValue } from '../../src/core/field-changes';
import { ROW_STATE_HEADER, serializeRowState } from '../../src/server/adapters/row-state';
import { patchOrder } from './ops';
import { withWorkbookKey } from './row-state';

export function auditKey(wb: TestWorkbook): HmacKey {
  const secret = wb.rt.world.properties.document(wb.ssId).get(ADDON_SECRET_KEY);
  if (!secret) throw new Error('no add-on secret in document properties');
  return hmacKey(secret);
}

export function checkpointOf(wb: TestWorkbook): Checkpoint {
  const checkpoint = parseCheckpoint(wb.rt.world.properties.document(wb.ssId).get(CHECKPOINT_KEY));
  if (!checkpoint) throw new Error('no change-log checkpoint in document properties');
  return checkpoint;
}

/** The whole log verified as Verify audit log does (without running it). */
export function verifyLog(wb: TestWorkbook) {
  const rows = wb.changeLog();
  // A pending cut of the log's top rows (features/archive/log.ts) is settled as the add-on settles it.
  const verifier = new LogVerifier(auditKey(wb), settleCut(checkpointOf(wb), rows[0], auditKey(wb)));
  verifier.feed(rows, rows.length, 2);
  return verifier.finish(rows.length + 2);
}

export const LOG = SHEET_NAMES.changeLog;

/**
 * Appends rows as the add-on itself would (keyed, checkpoint moved on), straight into the host model:
 * for tests that need history the add-on's own features would have written.
 */
export function appendAsAddOn(wb: TestWorkbook, entries: readonly UnhashedEntry[]): void {
  const checkpoint = checkpointOf(wb);
  const { rows, seq, head } = keyedRows(auditKey(wb), checkpoint.seq, checkpoint.head, entries);
  const log = wb.sheet(LOG);
  const at = log.lastRow() + 1;
  // The host model stores values as given: the apostrophe neutralizing a cell is not part of its value.
  log.writeValues(
    at,
    1,
    rows.map((r) => r.map((v) => (typeof v === 'string' ? v.replace(/^'/, '') : v))) as (string | Date)[][],
  );
  const next = { ...checkpoint, seq, head, row: at + rows.length - 1, maxRows: null };
  wb.rt.world.properties.document(wb.ssId).set(CHECKPOINT_KEY, JSON.stringify(next));
}

/**
 * `count` rows the add-on wrote about other orders (a supervisor approving REQ-9000000, REQ-9000001…),
 * appended after what is there: a long history that pushes an order's own rows far up the log.
 */
export function appendApprovals(wb: TestWorkbook, count: number): void {
  const start = Date.UTC(2026, 0, 1, 9, 0, 0);
  appendAsAddOn(
    wb,
    Array.from({ length: count }, (_, i) => ({
      at: new Date(start + i * 1000),
      user: 'sam.supervisor@example.com',
      source: 'sidebar' as const,
      recordId: `REQ-9${String(i).padStart(6, '0')}`,
      field: 'Status',
      oldValue: 'Submitted',
      newValue: 'Approved',
    })),
  );
}

/**
 * A log as the version before the keyed chain left it, straight into the host model: `count` plain
 * SHA-256 rows (each a supervisor approving `REQ-<idPrefix><n>`), and no checkpoint.
 */
export function writeLegacyLog(
  wb: TestWorkbook,
  count: number,
  user: string,
  idPrefix: string,
  recordOf = (i: number): string => `REQ-${idPrefix}${i + 1}`,
): void {
  if (count > 0) {
    const entries: UnhashedEntry[] = Array.from({ length: count }, (_, i) => ({
      at: new Date(Date.UTC(2025, 11, 1, 9, i)),
      user,
      source: 'sidebar',
      recordId: recordOf(i),
      field: 'Status',
      oldValue: 'Submitted',
      newValue: 'Approved',
    }));
    const { rows } = changeLogRows(GENESIS_HASH, entries);
    wb.sheet(LOG).writeValues(
      2,
      1,
      rows.map((r) => r.map((v) => (typeof v === 'string' ? v.replace(/^'/, '') : v))) as (string | Date)[][],
    );
  }
  wb.rt.world.properties.document(wb.ssId).delete(CHECKPOINT_KEY);
}

/** A "Created" Changes cell, as intake writes it for a response row. */
const forgedCreated = (): string =>
  formatChanges([{ field: 'Created', oldValue: '', newValue: 'Submitted (Form Responses 1!9)' }]);

/**
 * Rows typed at the bottom of the log by `user`, an editor without the add-on's secret, claiming
 * REQ-900000 and `woNumber` (a copy of the add-on's last MAC cell, then a made-up MAC in the place the
 * next keyed row takes), and REQ-800000 (plain SHA-256-looking hashes, as rows from before the keyed
 * chain carry).
 */
export function forgeNumberedRows(wb: TestWorkbook, user: string, woNumber: string): void {
  const log = wb.sheet(LOG);
  const lastRow = log.lastRow();
  const macCell = String(log.readValues(lastRow, 6, 1, 1)[0]?.[0] ?? '');
  const seq = Number(/^k(\d+)\./.exec(macCell)?.[1]);
  if (!(seq > 0)) throw new Error(`the log's last row holds no keyed MAC: ${macCell}`);
  const at = wb.rt.world.clock.now();
  const created = forgedCreated();
  const numbered = formatChanges([{ field: 'WO Number', oldValue: '', newValue: woNumber }]);
  log.writeValues(lastRow + 1, 1, [
    [at, user, 'form', 'REQ-900000', created, macCell],
    [at, user, 'sidebar', 'REQ-900000', numbered, `k${seq + 1}.${'c'.repeat(64)}`],
    [at, user, 'form', 'REQ-800000', created, 'a'.repeat(64)],
    [at, user, 'sidebar', 'REQ-800000', numbered, 'b'.repeat(64)],
  ]);
}

/**
 * Two "Created" rows typed at the bottom of the log by `user`: REQ-800000 with a plain hash and
 * REQ-700000 with a made-up first keyed MAC.
 */
export function forgeCreatedRows(wb: TestWorkbook, user: string): void {
  const log = wb.sheet(LOG);
  const at = wb.rt.world.clock.now();
  const created = forgedCreated();
  log.writeValues(log.lastRow() + 1, 1, [
    [at, user, 'form', 'REQ-800000', created, 'a'.repeat(64)],
    [at, user, 'form', 'REQ-700000', created, `k1.${'d'.repeat(64)}`],
  ]);
}

/**
 * patchOrder (./ops) as the add-on would have made the change: the cells, their change-log row (keyed,
 * as a sidebar action by `user`) and the row's Last Known State. For tests that shape history quickly
 * and then run Verify audit log, which finds a cell changed where the add-on did not see it.
 */
export function patchOrderAsAddOn(
  wb: TestWorkbook,
  id: string,
  fields: Parameters<typeof patchOrder>[2],
  user = 'sam.supervisor@example.com',
): void {
  const before = wb.order(id);
  patchOrder(wb, id, fields);
  const after = wb.order(id);
  const at = wb.rt.world.clock.now();
  appendAsAddOn(
    wb,
    diffOrders(before, after).map((c) => ({
      at,
      user,
      source: 'sidebar' as const,
      recordId: id,
      field: REGISTER_COLUMNS[c.field],
      oldValue: formatFieldValue(c.oldValue),
      newValue: formatFieldValue(c.newValue),
    })),
  );
  const row = wb.register().find((r) => r.order.id === id)?.row as number;
  const state = withWorkbookKey(wb, () => serializeRowState(after));
  wb.sheet(SHEET_NAMES.register).writeValues(row, wb.registerColumn(ROW_STATE_HEADER), [[state]]);
}
