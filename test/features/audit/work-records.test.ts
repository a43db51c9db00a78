/**
 * Verify audit log covers the work-record tabs: every Time and Parts Used row a record wrote is logged
 * by its seal, so a row deleted by hand (the technician may write those tabs, so may delete from them),
 * a whole tab deleted, or a row changed by hand is reported, though the change log itself is intact.
 * Each such row is rebuilt from its log line and put back, with the very seal the log recorded, when
 * the administrator answers Yes. A record killed between its log rows and its tab rows leaves no log
 * row claiming work that is not there: the next append finds the seals missing and writes over the row.
 */
import { decodeWorldState, encodeWorldState, exportWorld, importWorld } from '../../../runtime/persistence';
import { PARTS_SEAL_FIELD, TIME_SEAL_FIELD } from '../../../src/core/covered-rows';
import { TIME_COLUMNS } from '../../../src/core/labour';
import { PROPERTY_KEYS } from '../../../src/server/adapters/document-properties';
import { killAtCall, recordCalls } from '../../support/kill';
import { ADMIN, STRANGER, TECH, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { assignedOrders } from '../my-work/helpers';
import { record } from '../checklists/helpers';

interface Verdict {
  ok: boolean;
  sheet?: string;
  firstBrokenRow?: number;
  message: string;
}

/** Verify as an administrator who answers `putBack` when asked to put rows back. */
async function verify(wb: TestWorkbook, putBack: 'YES' | 'NO' = 'NO'): Promise<Verdict> {
  wb.rt.world.ui.responder = (question) =>
    question.buttons === 'YES_NO' ? { button: putBack } : { button: 'OK', text: '' };
  return expectOk(await wb.menu(ADMIN, 'verifyAuditLog')).value as Verdict;
}

/** A few days ago: whatever the spreadsheet's zone, not in the future. */
const DAY_WORKED = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);

async function recordTime(wb: TestWorkbook, id: string, hours: number): Promise<void> {
  const reply = await record(wb, TECH, { kind: 'time', id, date: DAY_WORKED, hours, note: `${hours} h` });
  expect(reply).toMatchObject({ ok: true });
}

const sealsLogged = (wb: TestWorkbook, field: string): string[] =>
  wb
    .changeLogEntries()
    .filter((e) => e.field === field)
    .map((e) => e.newValue);

function sealsInTab(wb: TestWorkbook, tab: string): string[] {
  const [header = [], ...rows] = wb.values(tab);
  const at = header.indexOf(TIME_COLUMNS.seal);
  return rows.map((r) => String(r[at]));
}

describe('Time and Parts Used rows against the log', () => {
  let wb: TestWorkbook;
  let id: string;
  beforeAll(async () => {
    wb = await setUpWorkbook();
    [id] = (await assignedOrders(wb, [TECH])) as [string];
    await recordTime(wb, id, 1.5);
    await recordTime(wb, id, 2);
    const part = await record(wb, TECH, { kind: 'part', id, part: 'Fuse', quantity: 2, unitCost: 1.25 });
    expect(part).toMatchObject({ ok: true });
  });
  afterAll(() => wb.close());

  test('each row is logged by its seal, and as left they verify', async () => {
    expect(sealsLogged(wb, TIME_SEAL_FIELD)).toEqual(sealsInTab(wb, 'Time'));
    expect(sealsLogged(wb, PARTS_SEAL_FIELD)).toEqual(sealsInTab(wb, 'Parts Used'));
    expect(sealsInTab(wb, 'Time')).toHaveLength(2);
    expect(await verify(wb)).toMatchObject({ ok: true });
  });

  test('a Time row deleted by hand is reported, with the log row that recorded it', async () => {
    const time = wb.sheet('Time');
    const saved = wb.values('Time')[1] as unknown[];
    time.deleteRows(2, 1);
    const result = await verify(wb);
    expect(result).toMatchObject({ ok: false, sheet: 'Time' });
    expect(result.message).toMatch(
      new RegExp(
        `the row of ${id} recorded at Change Log row \\d+ is gone \\(deleted by hand\\); of the 2 row\\(s\\) the log records in this tab, 1 gone`,
      ),
    );
    // Typed back as it was (at the end: where a row stands does not matter, its seal does).
    time.writeValues(time.lastRow() + 1, 1, [saved as string[]]);
    expect(await verify(wb)).toMatchObject({ ok: true });
  });

  test('a Parts Used row changed by hand is reported at its row', async () => {
    const parts = wb.sheet('Parts Used');
    const column = (wb.values('Parts Used')[0] ?? []).indexOf('Quantity') + 1;
    parts.writeValues(2, column, [[20]]);
    const result = await verify(wb);
    expect(result).toMatchObject({ ok: false, sheet: 'Parts Used', firstBrokenRow: 2 });
    expect(result.message).toMatch(/is changed by hand \(its seal no longer verifies\)/);
    parts.writeValues(2, column, [[2]]);
    expect(await verify(wb)).toMatchObject({ ok: true });
  });

  test('the whole Time tab deleted is reported; a tab typed again by hand does not pass', async () => {
    const saved = wb.values('Time');
    wb.model.deleteSheetModel('Time');
    const gone = await verify(wb);
    expect(gone).toMatchObject({ ok: false, sheet: 'Time' });
    expect(gone.message).toMatch(
      /deleted by hand, with the whole tab\); of the 2 row\(s\) the log records in this tab, 2 gone/,
    );
    // The rows typed back by hand with their seals, but one hour changed: that row does not verify.
    const made = wb.model.insertSheetModel('Time');
    const hoursAt = (saved[0] ?? []).indexOf(TIME_COLUMNS.hours);
    const forged = saved.map((r, i) => (i === 2 ? r.map((v, c) => (c === hoursAt ? 9 : v)) : r));
    made.writeValues(1, 1, forged as string[][]);
    expect(await verify(wb)).toMatchObject({ ok: false, sheet: 'Time', firstBrokenRow: 3 });
  });
});

describe('putting rows back from the log', () => {
  let wb: TestWorkbook;
  let id: string;
  const NOTE = 'Traced (twice) the fault: "=SUM(A1)"';
  beforeEach(async () => {
    wb = await setUpWorkbook();
    [id] = (await assignedOrders(wb, [TECH])) as [string];
    for (const request of [
      { kind: 'time', id, date: DAY_WORKED, hours: 1.25, note: NOTE },
      { kind: 'time', id, date: DAY_WORKED, hours: 0.5 },
      { kind: 'part', id, part: 'Washer at 3 = cheap', quantity: 3, unitCost: 0.15 },
    ])
      expect(await record(wb, TECH, request)).toMatchObject({ ok: true });
  });
  afterEach(() => wb.close());

  const alerts = () => wb.rt.world.ui.alerts(wb.ssId, ADMIN).map((a) => `${a.title}: ${a.prompt}`);

  test('rows deleted and a row changed by hand are put back exactly, and logged', async () => {
    const time = wb.values('Time');
    const parts = wb.values('Parts Used');
    wb.sheet('Time').deleteRows(2, 2);
    const quantityAt = (parts[0] ?? []).indexOf('Quantity') + 1;
    wb.sheet('Parts Used').writeValues(2, quantityAt, [[30]]);
    const result = await verify(wb, 'YES');
    expect(result).toMatchObject({ ok: false, sheet: 'Time' });
    expect(alerts().at(-1)).toBe(
      'Work records put back: Put back as the change log records them, and logged: 2 Time row(s) and 1 Parts Used row(s).',
    );
    // Exactly as recorded: every cell, the seal included.
    expect(wb.values('Time')).toEqual(time);
    expect(wb.values('Parts Used')).toEqual(parts);
    const putBack = wb.changeLogEntries().filter((e) => e.field.endsWith('(put back)'));
    // Each row's own line, so the log says what was put back.
    expect(putBack.map((e) => [e.user, e.recordId, e.field, e.newValue])).toEqual([
      [ADMIN, id, 'Time (put back)', `1.25 h on ${DAY_WORKED} by ${TECH} (${NOTE})`],
      [ADMIN, id, 'Time (put back)', `0.5 h on ${DAY_WORKED} by ${TECH}`],
      [ADMIN, id, 'Parts Used (put back)', '3 × Washer at 3 = cheap at 0.15 = 0.45'],
    ]);
    expect(await verify(wb)).toMatchObject({ ok: true });
  });

  test('a Time tab deleted whole is made again, protected, with its rows', async () => {
    const time = wb.values('Time');
    wb.model.deleteSheetModel('Time');
    await verify(wb, 'YES');
    expect(wb.values('Time')).toEqual(time);
    await expect(wb.edit(STRANGER, 'Time', 2, 1, [['x']])).rejects.toThrow(/protected cell/);
    expect(await verify(wb)).toMatchObject({ ok: true });
  });

  test('answered No, nothing is written', async () => {
    wb.sheet('Time').deleteRows(2, 1);
    const before = wb.values('Time');
    const logRows = wb.changeLogEntries().length;
    expect(await verify(wb, 'NO')).toMatchObject({ ok: false, sheet: 'Time' });
    expect(wb.values('Time')).toEqual(before);
    expect(wb.changeLogEntries()).toHaveLength(logRows);
  });
});

test('over a register compared in several runs, the run that gives the verdict checks the tabs', async () => {
  const wb = await setUpWorkbook();
  try {
    const [id] = (await assignedOrders(wb, [TECH, TECH])) as [string];
    await recordTime(wb, id, 2);
    // One register row a run (the add-on's property that tests lower): two orders take two runs.
    wb.rt.world.properties.document(wb.ssId).set(PROPERTY_KEYS.verifyRowsPerRun, '1');
    wb.sheet('Time').deleteRows(2, 1);
    const first = (await verify(wb)) as Verdict & { partial?: boolean };
    expect(first).toMatchObject({ ok: false, partial: true });
    expect(first.message).not.toMatch(/Time/);
    const last = await verify(wb);
    expect(last).toMatchObject({ ok: false, sheet: 'Time' });
    expect(last.message).toMatch(new RegExp(`the row of ${id} recorded at Change Log row \\d+ is gone`));
  } finally {
    await wb.close();
  }
});

test('a record killed at any call leaves the log and the Time tab in agreement', async () => {
  const wb = await setUpWorkbook();
  try {
    const [id] = (await assignedOrders(wb, [TECH])) as [string];
    await recordTime(wb, id, 1);
    const saved = encodeWorldState(exportWorld(wb.rt.world));
    const clean = recordCalls(wb.rt.world);
    await recordTime(wb, id, 3);
    clean.stop();
    const problems: string[] = [];
    let calls = 0;
    for (let n = 1; n < 200; n++) {
      importWorld(wb.rt.world, decodeWorldState(saved));
      const kill = killAtCall(wb.rt.world, n);
      await wb.call(TECH, 'myWorkRecord', {
        kind: 'time',
        id,
        date: DAY_WORKED,
        hours: 3,
      });
      kill.disarm();
      if (kill.hit === null) break;
      calls = n;
      // The next record appends after whatever the killed one left.
      await recordTime(wb, id, 0.5);
      const logged = sealsLogged(wb, TIME_SEAL_FIELD);
      const inTab = sealsInTab(wb, 'Time');
      if (logged.join() !== inTab.join())
        problems.push(
          `killed at call ${n} (${kill.hit}): log ${logged.length} seals, tab ${inTab.length} rows`,
        );
      const verdict = await verify(wb);
      if (!verdict.ok) problems.push(`killed at call ${n} (${kill.hit}): ${verdict.message}`);
    }
    expect(calls).toBe(clean.calls.length);
    expect(problems).toEqual([]);
  } finally {
    await wb.close();
  }
});
