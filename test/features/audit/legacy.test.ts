/**
 * A log started before the keyed chain stays verifiable: its SHA-256 rows are checked as before, the
 * first append after the upgrade starts the keyed chain below them (chained to their last hash), and
 * the checkpoint records where, so a rewritten or shortened old part is caught too.
 */
import { LOG_COLUMN } from '../../../src/core/change-log-row';
import { SHEET_NAMES } from '../../../src/core/model';
import { ADMIN, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { checkpointOf, writeLegacyLog } from '../../support/audit';

const OLD_ROWS = 4;

async function upgradedWorkbook(): Promise<TestWorkbook> {
  const wb = await setUpWorkbook();
  // A workbook set up by the version before: no checkpoint (the secret may be there or not).
  writeLegacyLog(wb, OLD_ROWS, 'sam.supervisor@example.com', '00000');
  return wb;
}

test('before any new change: checked by its SHA-256 chain, and the report says the keyed chain has not started', async () => {
  const wb = await upgradedWorkbook();
  try {
    const run = expectOk(await wb.menu(ADMIN, 'verifyAuditLog'));
    expect(run.value).toMatchObject({ ok: true, rowsVerified: OLD_ROWS });
    expect((run.value as { message: string }).message).toMatch(/keyed chain has not started/);
  } finally {
    await wb.close();
  }
});

test('the first change starts the keyed chain after the old rows; both parts verify, and tampering with either is caught', async () => {
  const wb = await upgradedWorkbook();
  try {
    await wb.submit();
    const checkpoint = checkpointOf(wb);
    expect(checkpoint).toMatchObject({ legacyRows: OLD_ROWS, seq: 1, row: OLD_ROWS + 2 });
    expect(wb.changeLog()[OLD_ROWS]?.[LOG_COLUMN.hash]).toMatch(/^k1\./);
    expect(expectOk(await wb.menu(ADMIN, 'verifyAuditLog')).value).toMatchObject({
      ok: true,
      rowsVerified: OLD_ROWS + 1,
      chainPosition: 1,
    });

    // An old row edited: its SHA-256 chain breaks there.
    const log = wb.sheet(SHEET_NAMES.changeLog);
    const original = log.valueAt(3, LOG_COLUMN.user + 1);
    log.writeValues(3, LOG_COLUMN.user + 1, [['mallory@example.org']]);
    expect(expectOk(await wb.menu(ADMIN, 'verifyAuditLog')).value).toMatchObject({
      ok: false,
      kind: 'edited',
      firstBrokenRow: 3,
    });
    log.writeValues(3, LOG_COLUMN.user + 1, [[original as string]]);

    // An old row deleted: the keyed part starts too early.
    log.deleteRows(2, 1);
    expect(expectOk(await wb.menu(ADMIN, 'verifyAuditLog')).value).toMatchObject({
      ok: false,
      kind: 'deleted',
    });
  } finally {
    await wb.close();
  }
});
