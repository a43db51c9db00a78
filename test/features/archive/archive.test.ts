/**
 * Retention. "Archive closed work orders" moves closed, rejected and cancelled work older than the
 * retention window to an archive spreadsheet per year of closure that the add-on creates, logs each
 * move, deletes the register rows (the live spreadsheet shrinks), and leaves everything verifiable and
 * findable.
 */
import { patchOrderAsAddOn } from '../../support/audit';
import { SHEET_NAMES } from '../../../src/core/model';
import { localParts } from '../../../src/core/time';
import { ADMIN, SUPERVISOR, TECH, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { DAY, now, setSetting, submitMany } from '../../support/ops';
import { find } from '../review/helpers';
import { archiveFile, archivedRows } from './support';

/** Appends a properly chained change-log row, as another feature of the add-on would have. */
function logChange(wb: TestWorkbook, recordId: string, at: Date): void {
  const was = wb.rt.world.clock.now();
  wb.rt.world.clock.set(at);
  patchOrderAsAddOn(wb, recordId, { notes: 'Late note' }, SUPERVISOR);
  wb.rt.world.clock.set(was);
}

async function verify(wb: TestWorkbook) {
  return expectOk(await wb.menu(ADMIN, 'verifyAuditLog')).value as {
    ok: boolean;
    sheet?: string;
    message: string;
  };
}

describe('archiving with a 30-day retention', () => {
  let wb: TestWorkbook;
  let ids: string[];
  let everyId: Set<string>;
  let year: number;
  let cellsBefore: number;
  beforeAll(async () => {
    wb = await setUpWorkbook();
    setSetting(wb, 'retentionDays', 30);
    const today = now(wb);
    wb.rt.world.clock.set(new Date(today.getTime() - 100 * DAY));
    ids = await submitMany(wb, 7, (i) =>
      i === 0 ? '=HYPERLINK("http://x","click")' : `Old request ${i + 1}`,
    );
    wb.rt.world.clock.set(today);
    // Every final date in one year of closure (whatever today is), so one archive file is expected.
    const closing = new Date(today.getTime() - 60 * DAY);
    year = localParts(closing, wb.model.timeZone).year;
    const at = (days: number) => new Date(closing.getTime() - days * 3_600_000);
    const [closedOld, rejectedOld, cancelledOld, closedRecent, open, cancelledTouched, closedOld2] = ids as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    // Logged as made on the closing day: archiving counts an order's last logged change as activity.
    wb.rt.world.clock.set(closing);
    patchOrderAsAddOn(wb, closedOld, {
      status: 'Closed',
      woNumber: 'WO-2026-00001',
      closedAt: at(0),
      completedAt: at(1),
      closedBy: SUPERVISOR,
    });
    patchOrderAsAddOn(wb, rejectedOld, { status: 'Rejected', decidedAt: at(2), reason: 'Duplicate' });
    patchOrderAsAddOn(wb, cancelledOld, { status: 'Cancelled', reason: 'No longer needed' });
    patchOrderAsAddOn(wb, closedRecent, {
      status: 'Closed',
      woNumber: 'WO-2026-00002',
      closedAt: new Date(today.getTime() - 5 * DAY),
    });
    patchOrderAsAddOn(wb, open, { status: 'In Progress', woNumber: 'WO-2026-00003' });
    patchOrderAsAddOn(wb, cancelledTouched, { status: 'Cancelled', reason: 'Moved' });
    logChange(wb, cancelledTouched, new Date(today.getTime() - 2 * DAY));
    patchOrderAsAddOn(wb, closedOld2, { status: 'Closed', woNumber: 'WO-2026-00004', closedAt: at(3) });
    everyId = new Set(ids);
    // The cancelled order is dated by its requested date (cancelling stamps none): keep it in `year` too.
    patchOrderAsAddOn(wb, cancelledOld, { requestedAt: at(4) });
    wb.rt.world.clock.set(today);
    cellsBefore = wb.model.totalCells();
  });
  afterAll(() => wb.close());
  let logRowsDeleted = 0;

  test('only administrators may archive', async () => {
    const run = await wb.menu(SUPERVISOR, 'archiveClosedWorkOrders');
    expect(run.ok).toBe(false);
    // A technician calling it from a sidebar's console (google.script.run) is refused the same way.
    const fromConsole = await wb.call(TECH, 'archiveClosedWorkOrders');
    expect(fromConsole.ok).toBe(false);
    expect(fromConsole.error?.message).toMatch(/administrator/i);
    expect(wb.register()).toHaveLength(7);
    expect(archiveFile(wb, year)).toBeNull();
  });

  test('moves exactly the final work orders inactive for more than 30 days to a new archive spreadsheet', async () => {
    const run = expectOk(await wb.menu(ADMIN, 'archiveClosedWorkOrders'));
    const [closedOld, rejectedOld, cancelledOld, closedRecent, open, cancelledTouched, closedOld2] = ids;
    const value = run.value as {
      archived: string[];
      alreadyInArchive: string[];
      keptRecentlyChanged: number;
    };
    expect([...value.archived].sort()).toEqual([closedOld, rejectedOld, cancelledOld, closedOld2].sort());
    expect(value).toMatchObject({ alreadyInArchive: [], keptRecentlyChanged: 1, remaining: 0, chunks: 1 });
    expect(wb.register().map((r) => r.order.id)).toEqual([closedRecent, open, cancelledTouched]);
    const file = archiveFile(wb, year)!;
    expect(file).not.toBeNull();
    // Created by the add-on as the administrator who ran it, one tab renamed Archive.
    expect(file.ownerEmail).toBe(ADMIN);
    // …and the Change Log tab its oldest log rows moved to (log.test.ts).
    expect(file.sheetModels().map((s) => s.name)).toEqual([SHEET_NAMES.archive, SHEET_NAMES.changeLog]);
    const moved = (run.value as { changeLog: { moved: number } }).changeLog.moved;
    expect(moved).toBeGreaterThan(1);
    // The last row moved stays at the live tab's top, as the link the next row chains to.
    logRowsDeleted = moved - 1;
    // Private to its creator, then shared: administrators edit it, supervisors read it (Find).
    expect(file.sharing.openToAll).toBe(false);
    expect([...file.sharing.viewers]).toEqual([SUPERVISOR]);
    expect([...file.editors]).toEqual([]);
    expect(archivedRows(wb, year).map((r) => r['Request ID'])).toEqual([
      closedOld2,
      cancelledOld,
      rejectedOld,
      closedOld,
    ]);
    expect(wb.rt.world.ui.alerts(wb.ssId, ADMIN).at(-1)!.prompt).toMatch(
      new RegExp(
        `^4 closed, rejected or cancelled work order\\(s\\) .* moved to "Work Orders Archive ${year}"`,
      ),
    );
    // One write for the archive rows; the register rows deleted in descending contiguous runs, then
    // the change log's moved rows in one call.
    expect(run.stats.calls['Sheet.deleteRows']).toBe(3);
    expect(run.stats.calls['SpreadsheetApp.create']).toBe(1);
  });

  test('the live spreadsheet shrinks: its deleted rows free their cells', () => {
    const width = wb.sheet(SHEET_NAMES.register).maxColumns;
    const after = wb.model.totalCells();
    console.log(
      `live cells before ${cellsBefore}, after ${after} (4 rows of ${width} columns and ${logRowsDeleted} change-log rows of 6 deleted)`,
    );
    expect(cellsBefore - after).toBe(4 * width + 6 * logRowsDeleted);
    expect(wb.model.sheetModel(SHEET_NAMES.archive)).toBeUndefined();
  });

  test('every row is somewhere, whole: same header plus Archived At and its MAC, text kept as text', () => {
    const file = archiveFile(wb, year)!;
    const tab = file.requireSheet(SHEET_NAMES.archive);
    const registerHeader = wb.values(SHEET_NAMES.register)[0]!;
    expect(tab.readValues(1, 1, 1, tab.lastColumn())[0]).toEqual([
      ...registerHeader,
      'Archived At',
      'Archive MAC',
    ]);
    const inRegister = wb.register().map((r) => r.order.id);
    const inArchive = archivedRows(wb, year).map((r) => String(r['Request ID']));
    expect(new Set([...inRegister, ...inArchive])).toEqual(everyId);
    expect(inRegister.length + inArchive.length).toBe(everyId.size);
    const first = archivedRows(wb, year).find((r) => r['Request ID'] === ids[0])!;
    expect(first).toMatchObject({
      Status: 'Closed',
      'WO Number': 'WO-2026-00001',
      Description: '=HYPERLINK("http://x","click")',
      'Closed By': SUPERVISOR,
    });
    expect(first['Closed At']).toBeInstanceOf(Date);
    expect(first['Archived At']).toBeInstanceOf(Date);
    const column = registerHeader.indexOf('Description') + 1;
    for (let row = 2; row <= 5; row++) expect(tab.formulaAt(row, column)).toBe('');
  });

  test('each move is in the live change log and the archive file is linked from Settings', async () => {
    const moves = wb.changeLogEntries().filter((e) => e.field === 'Archived');
    expect(moves.map((e) => [e.user, e.source, e.newValue])).toEqual(
      Array(4).fill([ADMIN, 'system', `Moved to Work Orders Archive ${year}`]),
    );
    const file = archiveFile(wb, year)!;
    const settings = wb.values(SHEET_NAMES.settings);
    const row = settings.findIndex((r) => r.includes('retentionDays'));
    const column = settings[0]!.indexOf('Value');
    const note = wb
      .sheet(SHEET_NAMES.settings)
      .readNotes({ row: row + 1, column: column + 1, numRows: 1, numColumns: 1 })[0]![0];
    expect(note).toContain(`Work Orders Archive ${year}: ${file.url}`);
  });

  test('Verify audit log passes, and catches an edited archived cell in the archive spreadsheet', async () => {
    expect(await verify(wb)).toMatchObject({ ok: true });
    const tab = archiveFile(wb, year)!.requireSheet(SHEET_NAMES.archive);
    const column = (tab.readValues(1, 1, 1, tab.lastColumn())[0] ?? []).indexOf('Closed By') + 1;
    const before = tab.valueAt(2, column);
    tab.writeValues(2, column, [['mallory@example.org']]);
    const broken = await verify(wb);
    expect(broken).toMatchObject({ ok: false, sheet: `Work Orders Archive ${year}` });
    tab.writeValues(2, column, [[before as string]]);
    expect(await verify(wb)).toMatchObject({ ok: true });
  });

  test('Find in the review sidebar says where an archived order went', async () => {
    const byId = await find(wb, SUPERVISOR, ids[0]);
    const file = archiveFile(wb, year)!;
    expect(byId.reply).toMatchObject({ ok: false });
    expect(JSON.stringify(byId.reply)).toContain(
      `archived in \\"Work Orders Archive ${year}\\" (${file.url})`,
    );
    const byNumber = await find(wb, SUPERVISOR, 'WO-2026-00004');
    expect(JSON.stringify(byNumber.reply)).toContain('archived in');
    const unknown = await find(wb, SUPERVISOR, 'REQ-999999');
    expect(JSON.stringify(unknown.reply)).toContain('No work order REQ-999999 is in the register.');
  });

  test('a cleared link on Settings is written again by the next run', async () => {
    const settings = wb.values(SHEET_NAMES.settings);
    const row = settings.findIndex((r) => r.includes('retentionDays')) + 1;
    const column = settings[0]!.indexOf('Value') + 1;
    const noteAt = () =>
      wb.sheet(SHEET_NAMES.settings).readNotes({ row, column, numRows: 1, numColumns: 1 })[0]![0];
    wb.sheet(SHEET_NAMES.settings).setNote(row, column, '');
    expectOk(await wb.menu(ADMIN, 'setUpWorkOrders'));
    expectOk(await wb.menu(ADMIN, 'archiveClosedWorkOrders'));
    expect(noteAt()).toContain(archiveFile(wb, year)!.url);
  });

  test('running it again moves nothing and creates no second file', async () => {
    const run = expectOk(await wb.menu(ADMIN, 'archiveClosedWorkOrders'));
    expect(run.value).toMatchObject({ archived: [], alreadyInArchive: [], chunks: 0 });
    expect(archivedRows(wb, year)).toHaveLength(4);
    expect(wb.register()).toHaveLength(3);
    expect(
      wb.rt.world.spreadsheets.all().filter((s) => s.name.startsWith('Work Orders Archive')),
    ).toHaveLength(1);
  });
});
