/**
 * Work records follow their order to the archive: an archived order's Checklist Items, Time and Parts
 * Used rows move to the same-named tabs of its archive file, exactly as they were (seal included); the
 * rows of orders still in the register stay; Verify audit log finds the moved rows in the archive file
 * and reports one changed or removed there.
 */
import { ADMIN, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { archiveFile } from './support';
import {
  RECORD_TAB_NAMES,
  archivedTabRows,
  liveRowsOf,
  ordersWithWorkRecords,
  rowKeys,
} from './records-support';

interface Verdict {
  ok: boolean;
  sheet?: string;
  firstBrokenRow?: number;
  message: string;
}

async function verify(wb: TestWorkbook): Promise<Verdict> {
  wb.rt.world.ui.responder = (question) =>
    question.buttons === 'YES_NO' ? { button: 'NO' } : { button: 'OK', text: '' };
  return expectOk(await wb.menu(ADMIN, 'verifyAuditLog')).value as Verdict;
}

describe('an archived order’s work records', () => {
  let wb: TestWorkbook;
  let ids: string[];
  let year: number;
  let archived: string[];
  const before = new Map<string, unknown[][]>();
  let outcome: { message: string; workRecords: { moved: number; remaining: number; notReached: string[] } };

  beforeAll(async () => {
    wb = await setUpWorkbook();
    ({ ids, year } = await ordersWithWorkRecords(wb));
    archived = [ids[0]!, ids[1]!, ids[3]!];
    for (const name of RECORD_TAB_NAMES) before.set(name, wb.values(name).slice(1));
    outcome = expectOk(await wb.menu(ADMIN, 'archiveClosedWorkOrders')).value as typeof outcome;
  }, 60_000);
  afterAll(() => wb.close());

  test('move to the same tabs of the archive file, exactly as they were, and leave the live tabs', () => {
    // 3 orders × (3 checklist items + 2 time entries) + 1 part.
    expect(outcome.workRecords).toEqual(expect.objectContaining({ moved: 16, remaining: 0, notReached: [] }));
    expect(outcome.message).toMatch(
      /16 Checklist Items, Time and Parts Used row\(s\) of archived work orders were moved/,
    );
    for (const name of RECORD_TAB_NAMES) {
      const rows = before.get(name) ?? [];
      const moved = rows.filter((r) => archived.includes(String(r[0])));
      const kept = rows.filter((r) => !archived.includes(String(r[0])));
      expect(moved.length).toBeGreaterThan(0);
      expect(rowKeys(archivedTabRows(wb, year, name))).toEqual(rowKeys(moved));
      expect(rowKeys(wb.values(name).slice(1))).toEqual(rowKeys(kept));
      expect(liveRowsOf(wb, name, [ids[2]!]).length).toBeGreaterThan(0);
      // The archive tab has the live tab's header.
      expect(
        archiveFile(wb, year)?.sheetModel(name)?.readValues(1, 1, 1, wb.values(name)[0]!.length),
      ).toEqual([wb.values(name)[0]]);
    }
  });

  test('Verify audit log finds the moved rows by their seals', async () => {
    expect(await verify(wb)).toMatchObject({ ok: true });
  });

  test('a moved Time row changed in the archive file is reported there, and not put back', async () => {
    const sheet = archiveFile(wb, year)!.sheetModel('Time')!;
    const hoursAt = (sheet.readValues(1, 1, 1, sheet.lastColumn())[0] ?? []).indexOf('Hours') + 1;
    const saved = sheet.valueAt(2, hoursAt);
    sheet.writeValues(2, hoursAt, [[9]]);
    const result = await verify(wb);
    expect(result).toMatchObject({
      ok: false,
      sheet: `Work Orders Archive ${year} › Time`,
      firstBrokenRow: 2,
    });
    expect(result.message).toMatch(/changed by hand in the archive spreadsheet "Work Orders Archive \d+"/);
    sheet.writeValues(2, hoursAt, [[saved]]);
    expect(await verify(wb)).toMatchObject({ ok: true });
  });

  test('a moved Parts Used row deleted from the archive file is reported gone', async () => {
    const sheet = archiveFile(wb, year)!.sheetModel('Parts Used')!;
    const saved = sheet.readValues(2, 1, 1, sheet.lastColumn());
    sheet.deleteRows(2, 1);
    const result = await verify(wb);
    expect(result).toMatchObject({ ok: false, sheet: 'Parts Used' });
    expect(result.message).toMatch(/is gone \(deleted by hand\)/);
    sheet.writeValues(sheet.lastRow() + 1, 1, saved);
    expect(await verify(wb)).toMatchObject({ ok: true });
  });

  test('a second run finds nothing more to move', async () => {
    const again = expectOk(await wb.menu(ADMIN, 'archiveClosedWorkOrders')).value as typeof outcome;
    expect(again.workRecords).toEqual(expect.objectContaining({ moved: 0, remaining: 0 }));
    for (const name of RECORD_TAB_NAMES) expect(liveRowsOf(wb, name, archived)).toEqual([]);
  });
});

test('rows moved by hand while a run plans are planned again: the right rows move, none twice', async () => {
  const wb = await setUpWorkbook();
  try {
    const { ids, year } = await ordersWithWorkRecords(wb);
    const archived = [ids[0]!, ids[1]!, ids[3]!];
    const time = wb.values('Time').slice(1);
    // Someone types a row at the top of the Time tab just after the run read its ids (when the run
    // makes the archive file's Time tab, the second tab it makes there).
    const faults = wb.rt.world.faults;
    const original = faults.beforeCall.bind(faults);
    let tabsMade = 0;
    const typed = ['hand typed', 'x'];
    faults.beforeCall = (ctx, key) => {
      original(ctx, key);
      if (key === 'Spreadsheet.insertSheet' && ++tabsMade === 2) {
        wb.sheet('Time').insertRows(2, 1, 'none');
        wb.sheet('Time').writeValues(2, 1, [typed]);
      }
    };
    let outcome;
    try {
      outcome = expectOk(await wb.menu(ADMIN, 'archiveClosedWorkOrders')).value as {
        workRecords: { moved: number; remaining: number };
      };
    } finally {
      faults.beforeCall = original;
    }
    // The archive file's Archive, Checklist Items, Time and Parts Used tabs, then its Change Log tab.
    expect(tabsMade).toBe(4);
    expect(outcome.workRecords).toMatchObject({ moved: 16, remaining: 0 });
    expect(rowKeys(archivedTabRows(wb, year, 'Time'))).toEqual(
      rowKeys(time.filter((r) => archived.includes(String(r[0])))),
    );
    expect(wb.values('Time')[1]?.slice(0, 2)).toEqual(typed);
    expect(liveRowsOf(wb, 'Time', [ids[2]!])).toHaveLength(2);
  } finally {
    wb.close();
  }
}, 60_000);

test('a Time row of an archived order typed or changed by hand stays in the live tab, where Verify reports it', async () => {
  const wb = await setUpWorkbook();
  try {
    const { ids } = await ordersWithWorkRecords(wb);
    const header = wb.values('Time')[0] ?? [];
    const rowOf = (id: string) => wb.values('Time').findIndex((r) => r[0] === id) + 1;
    // The first order's first entry made 5 hours by hand; an entry typed by hand for the second.
    const changedRow = rowOf(ids[0]!);
    wb.sheet('Time').writeValues(changedRow, header.indexOf('Hours') + 1, [[5]]);
    const typed = [ids[1]!, 'tina.tech@example.com', '2026-01-05', 8, 'typed', 'tina.tech@example.com'];
    wb.sheet('Time').writeValues(wb.sheet('Time').lastRow() + 1, 1, [typed]);
    const outcome = expectOk(await wb.menu(ADMIN, 'archiveClosedWorkOrders')).value as {
      message: string;
      workRecords: { moved: number; leftAsTyped: number };
    };
    // 16 rows are due, less the one changed; the typed one stays too.
    expect(outcome.workRecords).toMatchObject({ moved: 15, leftAsTyped: 2 });
    expect(outcome.message).toMatch(
      /2 Time or Parts Used row\(s\) of archived work orders were left where they are/,
    );
    const left = liveRowsOf(wb, 'Time', [ids[0]!, ids[1]!]);
    expect(left.map((r) => r[header.indexOf('Hours')])).toEqual([5, 8]);
    const verdict = await verify(wb);
    expect(verdict).toMatchObject({ ok: false, sheet: 'Time' });
    expect(verdict.message).toMatch(/is changed by hand \(its seal no longer verifies\)/);
  } finally {
    wb.close();
  }
}, 60_000);

test('another change holding the lock while work records move: the run reports what is left, the next run moves it', async () => {
  // Lock waits pass 200 times faster (the 30-second wait for the held lock takes 0.15 s).
  const wb = await setUpWorkbook({ timeScale: 200 });
  const HOLDER = 999_999;
  const lockKey = `document:${wb.ssId}`;
  try {
    const { ids, year } = await ordersWithWorkRecords(wb);
    const archived = [ids[0]!, ids[1]!, ids[3]!];
    const faults = wb.rt.world.faults;
    const original = faults.beforeCall.bind(faults);
    let tabsMade = 0;
    let taken = false;
    // Once the archive file's Time tab is made (the second tab made there), someone else's change
    // takes the document lock before the Time rows' first chunk can.
    faults.beforeCall = (ctx, key) => {
      original(ctx, key);
      if (key === 'Spreadsheet.insertSheet') tabsMade++;
      if (!taken && tabsMade === 2 && key === 'Lock.releaseLock') {
        taken = true;
        queueMicrotask(() => expect(wb.rt.world.locks.tryAcquire(lockKey, HOLDER)).toBe(true));
      }
    };
    let first;
    try {
      first = expectOk(await wb.menu(ADMIN, 'archiveClosedWorkOrders')).value as {
        message: string;
        archived: string[];
        workRecords: { moved: number; notReached: string[] };
      };
    } finally {
      faults.beforeCall = original;
      wb.rt.world.locks.release(lockKey, HOLDER);
    }
    expect(taken).toBe(true);
    expect([...first.archived].sort()).toEqual([...archived].sort());
    // The checklist items moved; Time and Parts Used wait.
    expect(first.workRecords).toMatchObject({ moved: 9, notReached: ['Time', 'Parts Used'] });
    expect(first.message).toMatch(/The Time, Parts Used tab\(s\) were not looked at/);
    expect(liveRowsOf(wb, 'Time', archived)).toHaveLength(6);
    const next = expectOk(await wb.menu(ADMIN, 'archiveClosedWorkOrders')).value as {
      workRecords: { moved: number; notReached: string[] };
    };
    expect(next.workRecords).toMatchObject({ moved: 7, notReached: [] });
    for (const name of RECORD_TAB_NAMES) expect(liveRowsOf(wb, name, archived)).toEqual([]);
    expect(archivedTabRows(wb, year, 'Time')).toHaveLength(6);
  } finally {
    wb.close();
  }
}, 60_000);
