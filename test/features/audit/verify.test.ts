/**
 * The tamper-evident change log. "Verify audit log" reports OK with the number of rows, or
 * the first broken row by its sheet row number; editing an old row flags exactly that row.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { ADMIN, TECH, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { submitMany } from '../../support/ops';
import { LOG_COLUMN } from '../../../src/core/change-log-row';

describe('Verify audit log', () => {
  let wb: TestWorkbook;
  beforeAll(async () => {
    wb = await setUpWorkbook();
    await submitMany(wb, 5);
  });
  afterAll(() => wb.close());

  const lastAlert = () => wb.rt.world.ui.alerts(wb.ssId, ADMIN).at(-1)!;

  test('an intact log: "Audit log OK: N rows verified", in one read', async () => {
    const run = expectOk(await wb.menu(ADMIN, 'verifyAuditLog'));
    expect(run.value).toEqual({ ok: true, rowsVerified: 5, message: 'Audit log OK: 5 rows verified.' });
    expect(lastAlert().prompt).toBe('Audit log OK: 5 rows verified.');
    expect(run.stats.calls['Range.getValues']).toBeLessThanOrEqual(3); // Settings, Staff, the log
  });

  test('only administrators may run it', async () => {
    const run = await wb.menu(TECH, 'verifyAuditLog');
    expect(run.ok).toBe(false);
    expect(run.error?.message).toMatch(/Only an active Administrator/);
  });

  test('someone edits an old row (sheet row 3): exactly that row is flagged', async () => {
    const log = wb.sheet(SHEET_NAMES.changeLog);
    // The protection is warning-only: a person can type over a cell.
    log.writeValues(3, LOG_COLUMN.changes + 1, [['Created: "" → Submitted (something else)']]);
    const run = expectOk(await wb.menu(ADMIN, 'verifyAuditLog'));
    expect(run.value).toMatchObject({ ok: false, firstBrokenRow: 3, rowsVerified: 1 });
    expect(lastAlert().title).toBe('Audit log broken');
    expect(lastAlert().prompt).toMatch(/broken at sheet row 3/);
  });

  test('a deleted row breaks the chain at the row after it', async () => {
    const fresh = await setUpWorkbook();
    try {
      await submitMany(fresh, 4);
      fresh.model.requireSheet(SHEET_NAMES.changeLog).deleteRows(4, 1);
      const run = expectOk(await fresh.menu(ADMIN, 'verifyAuditLog'));
      expect(run.value).toMatchObject({ ok: false, firstBrokenRow: 4 });
    } finally {
      await fresh.close();
    }
  });
});
