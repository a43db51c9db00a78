/**
 * Retention. "Archive closed work orders" moves closed, rejected and cancelled work older
 * than the retention window to the Archive sheet (one write), logs each move, deletes the register
 * rows in few calls, never deletes anything else, and can be re-run after a failure halfway.
 */
import { appendAsAddOn } from '../../support/audit';
import { SHEET_NAMES } from '../../../src/core/model';
import { ADMIN, SUPERVISOR, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { DAY, now, patchOrder, rowsOf, setSetting, submitMany } from '../../support/ops';

/** Appends a properly chained change-log row, as another feature of the add-on would have. */
function logChange(wb: TestWorkbook, recordId: string, at: Date): void {
  appendAsAddOn(wb, [
    {
      at,
      user: SUPERVISOR,
      source: 'sidebar',
      recordId,
      field: 'Progress Notes',
      oldValue: '',
      newValue: 'Late note',
    },
  ]);
}

describe('archiving with a 30-day retention', () => {
  let wb: TestWorkbook;
  let ids: string[];
  let everyId: Set<string>;
  beforeAll(async () => {
    wb = await setUpWorkbook();
    setSetting(wb, 'retentionDays', 30);
    const today = now(wb);
    // The requests were made 100 days ago.
    wb.rt.world.clock.set(new Date(today.getTime() - 100 * DAY));
    ids = await submitMany(wb, 7, (i) =>
      i === 0 ? '=HYPERLINK("http://x","click")' : `Old request ${i + 1}`,
    );
    wb.rt.world.clock.set(today);
    const ago = (days: number) => new Date(today.getTime() - days * DAY);
    const [closedOld, rejectedOld, cancelledOld, closedRecent, open, cancelledTouched, closedOld2] = ids as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    patchOrder(wb, closedOld, {
      status: 'Closed',
      woNumber: 'WO-2026-00001',
      closedAt: ago(60),
      completedAt: ago(61),
      closedBy: SUPERVISOR,
    });
    patchOrder(wb, rejectedOld, { status: 'Rejected', decidedAt: ago(90), reason: 'Duplicate' });
    patchOrder(wb, cancelledOld, { status: 'Cancelled', reason: 'No longer needed' });
    patchOrder(wb, closedRecent, { status: 'Closed', woNumber: 'WO-2026-00002', closedAt: ago(5) });
    patchOrder(wb, open, { status: 'In Progress', woNumber: 'WO-2026-00003' });
    patchOrder(wb, cancelledTouched, { status: 'Cancelled', reason: 'Moved' });
    logChange(wb, cancelledTouched, ago(2));
    patchOrder(wb, closedOld2, { status: 'Closed', woNumber: 'WO-2026-00004', closedAt: ago(45) });
    everyId = new Set(ids);
  });
  afterAll(() => wb.close());

  test('only administrators may archive', async () => {
    const run = await wb.menu(SUPERVISOR, 'archiveClosedWorkOrders');
    expect(run.ok).toBe(false);
    expect(wb.register()).toHaveLength(7);
  });

  test('moves exactly the final work orders inactive for more than 30 days', async () => {
    const run = expectOk(await wb.menu(ADMIN, 'archiveClosedWorkOrders'));
    const [closedOld, rejectedOld, cancelledOld, closedRecent, open, cancelledTouched, closedOld2] = ids;
    expect(run.value).toMatchObject({
      archived: [closedOld, rejectedOld, cancelledOld, closedOld2],
      alreadyInArchive: [],
      keptRecentlyChanged: 1,
    });
    expect(wb.register().map((r) => r.order.id)).toEqual([closedRecent, open, cancelledTouched]);
    const archived = rowsOf(wb, SHEET_NAMES.archive);
    expect(archived.map((r) => r['Request ID'])).toEqual([closedOld, rejectedOld, cancelledOld, closedOld2]);
    expect(wb.rt.world.ui.alerts(wb.ssId, ADMIN).at(-1)!.prompt).toMatch(
      /^4 closed, rejected or cancelled work order\(s\)/,
    );
    // One write for the Archive rows; the register rows deleted in descending contiguous blocks.
    expect(run.stats.calls['Sheet.deleteRows']).toBe(2);
  });

  test('every row is somewhere, whole: same header plus Archived At and its MAC, text kept as text', () => {
    const archiveValues = wb.values(SHEET_NAMES.archive);
    const registerHeader = wb.values(SHEET_NAMES.register)[0]!;
    expect(archiveValues[0]).toEqual([...registerHeader, 'Archived At', 'Archive MAC']);
    const inRegister = wb.register().map((r) => r.order.id);
    const inArchive = rowsOf(wb, SHEET_NAMES.archive).map((r) => String(r['Request ID']));
    expect(new Set([...inRegister, ...inArchive])).toEqual(everyId);
    expect(inRegister.length + inArchive.length).toBe(everyId.size);
    const first = rowsOf(wb, SHEET_NAMES.archive)[0]!;
    expect(first).toMatchObject({
      Status: 'Closed',
      'WO Number': 'WO-2026-00001',
      Description: '=HYPERLINK("http://x","click")',
      'Closed By': SUPERVISOR,
    });
    expect(first['Closed At']).toBeInstanceOf(Date);
    expect(first['Archived At']).toBeInstanceOf(Date);
    const column = archiveValues[0]!.indexOf('Description') + 1;
    expect(wb.sheet(SHEET_NAMES.archive).formulaAt(2, column)).toBe('');
  });

  test('each move is in the change log (source system, field Archived) and the chain still verifies', async () => {
    const moves = wb.changeLogEntries().filter((e) => e.field === 'Archived');
    expect(moves.map((e) => [e.user, e.source, e.newValue])).toEqual(
      Array(4).fill([ADMIN, 'system', 'Moved to Archive']),
    );
    const verified = expectOk(await wb.menu(ADMIN, 'verifyAuditLog'));
    expect(verified.value).toMatchObject({ ok: true });
  });

  test('running it again moves nothing', async () => {
    const run = expectOk(await wb.menu(ADMIN, 'archiveClosedWorkOrders'));
    expect(run.value).toMatchObject({ archived: [], alreadyInArchive: [] });
    expect(rowsOf(wb, SHEET_NAMES.archive)).toHaveLength(4);
    expect(wb.register()).toHaveLength(3);
  });
});

test('a re-run after a failure halfway (copied, not yet removed) does not copy twice', async () => {
  const wb = await setUpWorkbook();
  try {
    setSetting(wb, 'retentionDays', 30);
    const today = now(wb);
    wb.rt.world.clock.set(new Date(today.getTime() - 100 * DAY));
    const [a, b] = await submitMany(wb, 2);
    wb.rt.world.clock.set(today);
    patchOrder(wb, a!, {
      status: 'Rejected',
      decidedAt: new Date(today.getTime() - 50 * DAY),
      reason: 'Out of scope',
    });
    patchOrder(wb, b!, {
      status: 'Rejected',
      decidedAt: new Date(today.getTime() - 50 * DAY),
      reason: 'Out of scope',
    });
    // The first run wrote the Archive row of `a`, then stopped before deleting it from the register.
    const registerValues = wb.values(SHEET_NAMES.register) as (string | number | boolean | Date)[][];
    const archive = wb.model.insertSheetModel(SHEET_NAMES.archive);
    archive.writeValues(1, 1, [[...registerValues[0]!, 'Archived At']]);
    archive.writeValues(2, 1, [[...registerValues[1]!, today]]);
    // And the register was trimmed to its rows: every data row is due, which Sheets cannot delete all at once.
    const reg = wb.sheet(SHEET_NAMES.register);
    reg.deleteRows(4, reg.maxRows - 3);
    expect(reg.maxRows).toBe(3);
    const run = expectOk(await wb.menu(ADMIN, 'archiveClosedWorkOrders'));
    expect(run.value).toMatchObject({ archived: [b], alreadyInArchive: [a] });
    expect(rowsOf(wb, SHEET_NAMES.archive).map((r) => r['Request ID'])).toEqual([a, b]);
    expect(wb.register()).toHaveLength(0);
    expect(run.stats.calls['Sheet.insertRowsAfter']).toBe(1);
    expect(wb.values(SHEET_NAMES.register)[0]![0]).toBe('Request ID');
    const log = wb.changeLogEntries().filter((e) => e.field === 'Archived');
    expect(log.map((e) => [e.recordId, e.newValue])).toEqual([
      [a, 'Removed from the register (already in Archive)'],
      [b, 'Moved to Archive'],
    ]);
  } finally {
    await wb.close();
  }
});
