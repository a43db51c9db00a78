/**
 * A change log larger than one read (50,000 rows) is verified chunk by chunk, each chunk chained to
 * the one before, and a broken row past the first chunk is still found by its sheet row.
 */
import { GENESIS_HASH, type UnhashedEntry } from '../../../src/core/audit';
import { LOG_COLUMN } from '../../../src/core/change-log-row';
import { keyedRows } from '../../../src/core/keyed-chain';
import { SHEET_NAMES } from '../../../src/core/model';
import { CHECKPOINT_KEY } from '../../../src/server/adapters/change-log-tail';
import { auditKey } from '../../support/audit';
import { ADMIN, expectOk, setUpWorkbook } from '../../support/workbook';

const ROWS = 50_010;

test(`a ${ROWS}-row log verifies across chunks, and a tampered row beyond the first chunk is found`, async () => {
  const wb = await setUpWorkbook();
  try {
    const start = Date.UTC(2026, 0, 1);
    const entries: UnhashedEntry[] = Array.from({ length: ROWS }, (_, i) => ({
      at: new Date(start + i * 1000),
      user: 'sam.supervisor@example.com',
      source: 'sidebar',
      recordId: `REQ-${String(1 + (i % 900)).padStart(6, '0')}`,
      field: 'Progress Notes',
      oldValue: '',
      newValue: `note ${i}`,
    }));
    // As the add-on would have written them, checkpoint included.
    const { rows, seq, head } = keyedRows(auditKey(wb), 0, GENESIS_HASH, entries);
    const log = wb.sheet(SHEET_NAMES.changeLog);
    log.writeValues(
      2,
      1,
      rows.map((r) => r.map((v) => (typeof v === 'string' ? v.replace(/^'/, '') : v))) as (string | Date)[][],
    );
    const checkpoint = { legacyRows: 0, legacyHead: GENESIS_HASH, seq, head, row: ROWS + 1, maxRows: null };
    wb.rt.world.properties.document(wb.ssId).set(CHECKPOINT_KEY, JSON.stringify(checkpoint));

    const ok = expectOk(await wb.menu(ADMIN, 'verifyAuditLog'));
    expect(ok.value).toMatchObject({ ok: true, rowsVerified: ROWS, chainPosition: ROWS });
    expect(ok.stats.calls['Range.getValues']).toBe(2 + 1 + 2); // Settings, Staff, the register's header (it has no rows), two chunks

    const tampered = 50_005;
    log.writeValues(tampered, LOG_COLUMN.changes + 1, [['Progress Notes: "" → note edited']]);
    const broken = expectOk(await wb.menu(ADMIN, 'verifyAuditLog'));
    expect(broken.value).toMatchObject({
      ok: false,
      kind: 'edited',
      firstBrokenRow: tampered,
      rowsVerified: tampered - 2,
    });

    // An edit at the last row of the first chunk is told from an insertion by the rows read past it.
    log.writeValues(tampered, LOG_COLUMN.changes + 1, [[rows[tampered - 2]![LOG_COLUMN.changes] as string]]);
    log.writeValues(50_001, LOG_COLUMN.user + 1, [['someone@example.org']]);
    const edge = expectOk(await wb.menu(ADMIN, 'verifyAuditLog'));
    expect(edge.value).toMatchObject({ ok: false, kind: 'edited', firstBrokenRow: 50_001 });
  } finally {
    await wb.close();
  }
}, 120_000);
