/**
 * The Time, Parts Used and Checklist Items tabs gain rows with every order ever worked and are never
 * trimmed, while a My work record and a completion's checklist check read them under the document
 * lock. They read one order's rows from each tab's end, so what they read does not grow with the tabs:
 * with thousands of older orders' rows there, a record call reads a small fraction of them, and sees
 * exactly its order's checklist, time and parts.
 */
import type { ExecutionRecord } from '../../../runtime';
import type { MyWorkRecordResponse } from '../../../src/server/features/labour/entry';
import { formatLocalDate } from '../../../src/core/time';
import { TECH, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { assignedOrders, step } from '../my-work/helpers';
import { ELECTRICAL_CHECKLIST, typeChecklists } from '../checklists/helpers';

const HISTORY = 4_000;
const TABS = ['Checklist Items', 'Time', 'Parts Used'] as const;
const YEAR_MS = 365 * 86_400_000;

/** `HISTORY` rows of older orders under each tab's header, entered a year ago. */
function writeHistory(wb: TestWorkbook): number {
  const enteredAt = new Date(wb.rt.world.clock.now().getTime() - YEAR_MS);
  let cells = 0;
  for (const tab of TABS) {
    const [header = []] = wb.values(tab);
    const value = (name: unknown, i: number): string | number | boolean | Date => {
      switch (String(name)) {
        case 'Record ID':
          return `REQ-9${String(i).padStart(5, '0')}`;
        case 'No.':
          return '1 of 1';
        case 'Entered At':
          return enteredAt;
        case 'Hours':
        case 'Quantity':
        case 'Unit Cost':
          return 1;
        case 'Done':
          return false;
        default:
          return 'old';
      }
    };
    const rows = Array.from({ length: HISTORY }, (_, i) => header.map((h) => value(h, i)));
    wb.sheet(tab).writeValues(2, 1, rows);
    cells += HISTORY * header.length;
  }
  return cells;
}

async function recordCall(
  wb: TestWorkbook,
  request: unknown,
): Promise<[MyWorkRecordResponse, ExecutionRecord]> {
  const run = expectOk(await wb.call(TECH, 'myWorkRecord', request));
  return [run.value as MyWorkRecordResponse, run];
}

test('a record call and a completion read their order rows from the tabs’ ends, not the tabs', async () => {
  const wb = await setUpWorkbook();
  try {
    await typeChecklists(wb, ELECTRICAL_CHECKLIST);
    const history = writeHistory(wb);
    const [id] = await assignedOrders(wb, [TECH]);
    // The spreadsheet's own today: a UTC date is tomorrow there for hours each evening, and refused.
    const today = formatLocalDate(wb.rt.world.clock.now(), wb.model.timeZone);
    // Two days of time on it, a part, a tick.
    await recordCall(wb, { kind: 'time', id, date: today, hours: 2 });
    await recordCall(wb, { kind: 'part', id, part: 'Fuse', quantity: 2, unitCost: 1.5 });
    const [ticked, run] = await recordCall(wb, {
      kind: 'tick',
      id,
      number: 1,
      item: 'Isolate the circuit',
      done: true,
    });
    if (!ticked.ok) throw new Error(ticked.message);
    expect(ticked.records.checklist.map((i) => [i.item, i.done])).toEqual([
      ['Isolate the circuit', true],
      ['Test with a voltage tester', false],
      ['Photograph the finished work', false],
    ]);
    expect(ticked.records.time).toEqual([{ technician: TECH, date: today, hours: 2, note: '' }]);
    expect(ticked.records.parts).toEqual([{ part: 'Fuse', quantity: 2, unitCost: 1.5 }]);
    // The tick was written on the order's own row of the tab.
    const row = wb.values('Checklist Items').find((r) => r[0] === id && r[1] === '1 of 3');
    expect(row?.[4]).toBe(true);
    // The old rows alone are 4,000 × 8 cells a tab: the call reads a few chunks' worth of them.
    expect(history).toBeGreaterThan(90_000);
    expect(run.stats.cellsRead).toBeLessThan(history / 5);

    // With the card's row, the register's id column is not read; a stale row still finds the order.
    const at = wb.register().find((r) => r.order.id === id)!.row;
    const [, unhinted] = await recordCall(wb, { kind: 'view', id });
    const [, hinted] = await recordCall(wb, { kind: 'view', id, rowHint: at });
    expect(hinted.stats.cellsRead).toBeLessThan(unhinted.stats.cellsRead);
    expect(hinted.stats.calls['Range.getValues']).toBe((unhinted.stats.calls['Range.getValues'] ?? 0) - 1);
    const [stale] = await recordCall(wb, { kind: 'view', id, rowHint: at + 1 });
    expect(stale).toMatchObject({ ok: true, records: { time: ticked.records.time } });

    // The completion's checklist check, under the lock as well: refused for the item left, reading little.
    const order = wb.order(id!);
    expect((await step(wb, TECH, { action: 'start', id, revision: order.revision })).reply.ok).toBe(true);
    const { reply, record } = await step(wb, TECH, {
      action: 'complete',
      id,
      revision: wb.order(id!).revision,
      results: 'Works',
      actionsTaken: 'Fixed',
    });
    expect(reply).toMatchObject({ ok: false, message: expect.stringMatching(/Test with a voltage tester/) });
    expect(record.stats.cellsRead).toBeLessThan(history / 5);
  } finally {
    await wb.close();
  }
});

test('a row put back at the bottom with an old Entered At does not end the read early', async () => {
  const wb = await setUpWorkbook();
  try {
    const [id] = (await assignedOrders(wb, [TECH])) as [string];
    const today = formatLocalDate(wb.rt.world.clock.now(), wb.model.timeZone);
    await recordCall(wb, { kind: 'time', id, date: today, hours: 2 });
    // Work on other orders since (more than a chunk of rows), then an old row at the very bottom, as
    // Verify's put-back or a paste by hand leaves one.
    const [header = [], mine = []] = wb.values('Time');
    const enteredAt = header.indexOf('Entered At');
    const later = new Date(wb.rt.world.clock.now().getTime() + 1000);
    const others = Array.from({ length: 600 }, (_, i) =>
      mine.map((v, c) => (c === 0 ? `REQ-8${String(i).padStart(5, '0')}` : c === enteredAt ? later : v)),
    );
    const old = mine.map((v, c) =>
      c === 0 ? 'REQ-700000' : c === enteredAt ? new Date(later.getTime() - YEAR_MS) : v,
    );
    wb.sheet('Time').writeValues(3, 1, [...others, old] as (string | number | Date)[][]);
    const [view] = await recordCall(wb, { kind: 'view', id });
    expect(view).toMatchObject({
      ok: true,
      records: { time: [{ technician: TECH, date: today, hours: 2 }] },
    });
  } finally {
    await wb.close();
  }
});
