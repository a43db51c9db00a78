/**
 * The change log's oldest rows follow the work they record to the archive files: rows logged before the
 * retention cutoff move, from the top, to the Change Log tab of their year's archive file, up to the
 * first row of an order that is not archived; the live tab keeps the last row moved as its first (the
 * link), and Verify audit log checks the archive files' part and the live tab as one chain.
 */
import { keyedCell, parseKeyedCell } from '../../../src/core/keyed-chain';
import { formatAnchor } from '../../../src/core/log-anchor';
import { REGISTER_COLUMNS, SHEET_NAMES } from '../../../src/core/model';
import { checkpointOf, patchOrderAsAddOn, writeLegacyLog } from '../../support/audit';
import { DAY, now, runHourly, setSetting, submitMany } from '../../support/ops';
import { ADMIN, SUPERVISOR, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { archiveFile } from './support';
import { archivedLog, history, verify } from './log-support';

interface Outcome {
  message: string;
  changeLog: { moved: number; remaining: number; stop: { kind: string; id?: string } | null };
}

async function archive(wb: TestWorkbook): Promise<Outcome> {
  return expectOk(await wb.menu(ADMIN, 'archiveClosedWorkOrders')).value as Outcome;
}

const seqOf = (row: readonly unknown[] | undefined): number => parseKeyedCell(row?.[5])?.seq ?? -1;
const asKeys = (rows: readonly unknown[][]): string[] =>
  rows.map((r) => JSON.stringify(r.map((v) => (v instanceof Date ? v.toISOString() : v))));

describe('archiving the change log’s oldest rows', () => {
  let wb: TestWorkbook;
  let ids: { closed: string[]; open: string; year: number };
  let before: unknown[][];
  let outcome: Outcome;

  beforeAll(async () => {
    wb = await setUpWorkbook();
    ids = await history(wb);
    before = wb.changeLog();
    outcome = await archive(wb);
  }, 60_000);
  afterAll(() => wb.close());

  test('moves the rows before the open order’s first row to the archive file, in order', () => {
    const openFirst = before.findIndex((r) => r[3] === ids.open);
    expect(openFirst).toBeGreaterThan(0);
    expect(outcome.changeLog).toMatchObject({
      moved: openFirst,
      remaining: 0,
      stop: { kind: 'order', id: ids.open },
    });
    expect(outcome.message).toMatch(
      new RegExp(`${openFirst} Change Log row\\(s\\) older than 30 days were moved`),
    );
    expect(outcome.message).toMatch(new RegExp(`stay from the first row of ${ids.open}`));
    expect(asKeys(archivedLog(wb, ids.year))).toEqual(asKeys(before.slice(0, openFirst)));
    // The live tab: the last row moved (the link), then every row from the open order's first on.
    const live = wb.changeLog();
    expect(asKeys(live.slice(0, 1 + before.length - openFirst))).toEqual(asKeys(before.slice(openFirst - 1)));
    // …and the archive run's own rows after them.
    expect(live.slice(1 + before.length - openFirst).every((r) => String(r[4]).includes('Archived'))).toBe(
      true,
    );
    const checkpoint = checkpointOf(wb);
    expect(checkpoint.archived).toMatchObject({
      seq: seqOf(before[openFirst - 1]),
      parts: [{ year: ids.year, seq: seqOf(before[openFirst - 1]), rows: openFirst }],
    });
    expect(checkpoint.cut).toBeUndefined();
    expect(checkpoint.row).toBe(live.length + 1);
  });

  test('Verify audit log checks the archived part and the live tab as one chain', async () => {
    const result = await verify(wb);
    expect(result).toMatchObject({ ok: true });
    expect(result.message).toMatch(/of them in the archive spreadsheets/);
  });

  test('writers go on after the cut, and Verify still passes', async () => {
    await submitMany(wb, 2);
    expect(await verify(wb)).toMatchObject({ ok: true });
  });

  test('an anchor whose position was archived is found in the archive file', async () => {
    const archived = archivedLog(wb, ids.year);
    const row = archived[2] as unknown[];
    const cell = parseKeyedCell(row[5]) as { seq: number; mac: string };
    const result = await verify(wb, formatAnchor(cell));
    expect(result).toMatchObject({ ok: true });
    expect(result.message).toMatch(new RegExp(`at row 4 of "Work Orders Archive ${ids.year}" › Change Log`));
    const forged = await verify(wb, formatAnchor({ seq: cell.seq, mac: 'e'.repeat(64) }));
    expect(forged).toMatchObject({
      ok: false,
      kind: 'fabricated',
      sheet: `"Work Orders Archive ${ids.year}" › Change Log`,
    });
  });

  test('a row edited in the archive file is named by file and row', async () => {
    const sheet = archiveFile(wb, ids.year)!.sheetModel('Change Log')!;
    const saved = sheet.valueAt(3, 2);
    sheet.writeValues(3, 2, [['mallory@example.com']]);
    const result = await verify(wb);
    sheet.writeValues(3, 2, [[saved as string]]);
    expect(result).toMatchObject({
      ok: false,
      kind: 'edited',
      firstBrokenRow: 3,
      sheet: `"Work Orders Archive ${ids.year}" › Change Log`,
    });
    expect(result.message).toMatch(
      /archived part in "Work Orders Archive \d+" › Change Log is broken at row 3/,
    );
    expect(await verify(wb)).toMatchObject({ ok: true });
  });

  test('the archive file’s last rows deleted are reported as the log cut short', async () => {
    const sheet = archiveFile(wb, ids.year)!.sheetModel('Change Log')!;
    const saved = archivedLog(wb, ids.year);
    sheet.deleteRows(sheet.lastRow(), 1);
    const result = await verify(wb);
    sheet.writeValues(2, 1, saved as (string | Date)[][]);
    expect(result).toMatchObject({ ok: false, kind: 'truncated' });
    expect(await verify(wb)).toMatchObject({ ok: true });
  });

  test('the archive file’s Change Log tab deleted is reported by file, and Verify passes once it is back', async () => {
    const file = archiveFile(wb, ids.year)!;
    const saved = archivedLog(wb, ids.year);
    file.deleteSheetModel('Change Log');
    const result = await verify(wb);
    expect(result).toMatchObject({
      ok: false,
      kind: 'deleted',
      sheet: `"Work Orders Archive ${ids.year}" › Change Log`,
    });
    expect(result.message).toMatch(/Change Log tab, which held the log's archived rows of \d+, is gone/);
    // Put back as it was (the tab and its rows), Verify passes again.
    const tab = file.insertSheetModel('Change Log');
    tab.writeValues(1, 1, [
      ['Timestamp', 'User', 'Source', 'Record ID', 'Changes', 'Hash'],
      ...(saved as (string | Date)[][]),
    ]);
    expect(await verify(wb)).toMatchObject({ ok: true });
  });

  test('the live tab’s link row edited is reported', async () => {
    const log = wb.sheet('Change Log');
    const saved = log.valueAt(2, 4);
    log.writeValues(2, 4, [['REQ-999999']]);
    const result = await verify(wb);
    log.writeValues(2, 4, [[saved as string]]);
    expect(result).toMatchObject({ ok: false, kind: 'edited', firstBrokenRow: 2 });
    expect(result.message).toMatch(/repeat the last row moved to the archive files/);
  });

  test('a second run moves nothing more while the open order holds the log', async () => {
    const again = await archive(wb);
    expect(again.changeLog).toMatchObject({ moved: 0, stop: { kind: 'order', id: ids.open } });
    expect(keyedCell(checkpointOf(wb).archived!.seq, checkpointOf(wb).archived!.mac)).toBe(
      wb.changeLog()[0]?.[5],
    );
  });
});

test('a log started before the keyed chain moves its old rows with the first chunk, and verifies from the archive file', async () => {
  const wb = await setUpWorkbook();
  try {
    // Four plain SHA-256 rows about the register tab (not an order), logged in December 2025.
    writeLegacyLog(wb, 4, SUPERVISOR, '', () => 'Register');
    const ids = await history(wb);
    const before = wb.changeLog();
    expect(checkpointOf(wb).legacyRows).toBe(4);
    const outcome = await archive(wb);
    const openFirst = before.findIndex((r) => r[3] === ids.open);
    expect(outcome.changeLog).toMatchObject({ moved: openFirst });
    // The plain rows and the keyed rows after them, in one file: the year of the last.
    expect(asKeys(archivedLog(wb, ids.year))).toEqual(asKeys(before.slice(0, openFirst)));
    expect(checkpointOf(wb).archived?.parts).toEqual([
      expect.objectContaining({ year: ids.year, rows: openFirst }),
    ]);
    expect(await verify(wb)).toMatchObject({ ok: true });
    // A plain row edited in the archive file breaks its SHA-256 chain there.
    const sheet = archiveFile(wb, ids.year)!.sheetModel('Change Log')!;
    sheet.writeValues(3, 2, [['mallory@example.com']]);
    expect(await verify(wb)).toMatchObject({ ok: false, kind: 'edited', firstBrokenRow: 3 });
  } finally {
    wb.close();
  }
});

test('after the cut, an open order’s register row deleted by hand is put back from the live log', async () => {
  const wb = await setUpWorkbook();
  try {
    const ids = await history(wb);
    await archive(wb);
    const order = wb.order(ids.open);
    const row = wb.register().find((r) => r.order.id === ids.open)!.row;
    wb.sheet(SHEET_NAMES.register).deleteRows(row, 1);
    await runHourly(wb);
    expect(wb.order(ids.open)).toMatchObject({
      id: ids.open,
      status: order.status,
      description: order.description,
    });
    // The orders moved are not put back: their history left with them.
    for (const id of ids.closed) expect(wb.register().some((r) => r.order.id === id)).toBe(false);
    expect(await verify(wb)).toMatchObject({ ok: true });
  } finally {
    wb.close();
  }
});

test('an archived order’s row typed back into the register holds the log’s move at its first row, and the summary says why', async () => {
  const wb = await setUpWorkbook();
  try {
    setSetting(wb, 'retentionDays', 30);
    const today = now(wb);
    const at = (days: number): void => wb.rt.world.clock.set(new Date(today.getTime() - days * DAY));
    // An order made first and left open holds the log while three after it are closed and archived.
    at(100);
    const [first] = await submitMany(wb, 1);
    const closed = await submitMany(wb, 3);
    at(90);
    for (const id of closed) patchOrderAsAddOn(wb, id, { status: 'Closed', closedAt: now(wb) });
    wb.rt.world.clock.set(today);
    const typed = wb.values(SHEET_NAMES.register).find((r) => r.includes(closed[0]))!;
    expect((await archive(wb)).changeLog).toMatchObject({ stop: { kind: 'order', id: first } });
    // The first order is closed and archived in turn; someone types the first closed order's row back.
    at(60);
    patchOrderAsAddOn(wb, first!, { status: 'Closed', closedAt: now(wb) });
    wb.rt.world.clock.set(today);
    const register = wb.sheet(SHEET_NAMES.register);
    const row = register.lastRow() + 1;
    register.writeValues(row, 1, [typed as string[]]);
    // Typed back as still in progress, so this run does not archive it again.
    register.writeValues(row, wb.registerColumn(REGISTER_COLUMNS.status), [['In Progress']]);
    const before = wb.changeLog();
    const outcome = await archive(wb);
    expect(outcome.changeLog.stop).toMatchObject({ kind: 'order', id: closed[0], alsoArchived: true });
    // The rows before its first one moved (the link kept at the top of the live tab).
    expect(outcome.changeLog.moved).toBe(before.findIndex((r) => r[3] === closed[0]) - 1);
    expect(outcome.message).toMatch(/also has a row in the register again/);
    expect((await verify(wb)).ok).toBe(false);
  } finally {
    wb.close();
  }
});
