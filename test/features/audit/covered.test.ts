/**
 * Verify audit log covers what the log vouches for outside itself: an Archive row must be the one its
 * move recorded, and a raw form answer the one intake recorded. Editing either is reported by sheet
 * and row, even though the change log itself is intact.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { ADMIN, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { DAY, now, setSetting, submitMany } from '../../support/ops';
import { patchOrderAsAddOn } from '../../support/audit';

async function verify(wb: TestWorkbook) {
  return expectOk(await wb.menu(ADMIN, 'verifyAuditLog')).value as {
    ok: boolean;
    sheet?: string;
    firstBrokenRow?: number;
    message: string;
  };
}

describe('archived rows and raw answers', () => {
  let wb: TestWorkbook;
  beforeAll(async () => {
    wb = await setUpWorkbook();
    setSetting(wb, 'retentionDays', 30);
    const today = now(wb);
    wb.rt.world.clock.set(new Date(today.getTime() - 100 * DAY));
    const [old, kept] = await submitMany(wb, 2, (i) => (i === 0 ? '=HYPERLINK("http://x","click")' : 'Kept'));
    wb.rt.world.clock.set(today);
    patchOrderAsAddOn(wb, old!, {
      status: 'Closed',
      woNumber: 'WO-2026-00001',
      closedAt: new Date(today.getTime() - 45 * DAY),
    });
    expect(kept).toBeDefined();
    expectOk(await wb.menu(ADMIN, 'archiveClosedWorkOrders'));
    expect(archiveTab().lastRow()).toBe(2);
  });

  /** The archive spreadsheet the run created (features/archive/files.ts), its Archive tab. */
  const archiveTab = () => {
    const file = wb.rt.world.spreadsheets.all().find((s) => s.name.startsWith('Work Orders Archive'));
    if (!file) throw new Error('no archive spreadsheet');
    return file.requireSheet(SHEET_NAMES.archive);
  };
  const archiveValues = () => {
    const tab = archiveTab();
    return tab.readValues(1, 1, tab.lastRow(), tab.lastColumn());
  };
  afterAll(() => wb.close());

  test('as the add-on left them, they verify', async () => {
    expect(await verify(wb)).toMatchObject({ ok: true });
  });

  test('an edited Archive cell is reported at its row', async () => {
    const archive = archiveTab();
    const column = (archiveValues()[0] ?? []).indexOf('Closed By') + 1;
    const before = archive.valueAt(2, column);
    archive.writeValues(2, column, [['mallory@example.org']]);
    const result = await verify(wb);
    expect(result).toMatchObject({
      ok: false,
      sheet: expect.stringMatching(/^Work Orders Archive/),
      firstBrokenRow: 2,
    });
    expect(result.message).toMatch(/Work Orders Archive \d{4} sheet does not match it at row 2/);
    archive.writeValues(2, column, [[before as string]]);
    expect(await verify(wb)).toMatchObject({ ok: true });
  });

  test('a deleted Archive row is reported', async () => {
    const archive = archiveTab();
    const saved = archiveValues()[1]!;
    archive.deleteRows(2, 1);
    expect(await verify(wb)).toMatchObject({
      ok: false,
      sheet: expect.stringMatching(/^Work Orders Archive/),
    });
    archive.writeValues(2, 1, [saved as string[]]);
    expect(await verify(wb)).toMatchObject({ ok: true });
  });

  test('an edited raw form answer is reported at its row', async () => {
    const responses = wb.sheet('Form Responses 1');
    const header = wb.values('Form Responses 1')[0] ?? [];
    const column = header.findIndex((h) => /description|describe/i.test(String(h))) + 1;
    expect(column).toBeGreaterThan(0);
    responses.writeValues(3, column, [['Something else entirely']]);
    expect(await verify(wb)).toMatchObject({ ok: false, sheet: 'Form Responses 1', firstBrokenRow: 3 });
  });
});
