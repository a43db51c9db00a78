/**
 * A change log larger than one read (50,000 rows) is verified chunk by chunk, each chunk
 * chained to the one before, and a broken row past the first chunk is still found by its sheet row.
 */
import { GENESIS_HASH, changeLogRows, type UnhashedEntry } from '../../../src/core/audit';
import { LOG_COLUMN } from '../../../src/core/change-log-row';
import { SHEET_NAMES } from '../../../src/core/model';
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
    const { rows } = changeLogRows(GENESIS_HASH, entries);
    const log = wb.sheet(SHEET_NAMES.changeLog);
    log.writeValues(
      2,
      1,
      rows.map((r) => r.map((v) => (typeof v === 'string' ? v.replace(/^'/, '') : v))) as (string | Date)[][],
    );

    const ok = expectOk(await wb.menu(ADMIN, 'verifyAuditLog'));
    expect(ok.value).toMatchObject({ ok: true, rowsVerified: ROWS });
    expect(ok.stats.calls['Range.getValues']).toBe(2 + 2); // Settings, Staff, two chunks

    const tampered = 50_005;
    log.writeValues(tampered, LOG_COLUMN.changes + 1, [['Progress Notes: "" → note edited']]);
    const broken = expectOk(await wb.menu(ADMIN, 'verifyAuditLog'));
    expect(broken.value).toMatchObject({ ok: false, firstBrokenRow: tampered, rowsVerified: tampered - 2 });
  } finally {
    await wb.close();
  }
}, 120_000);
