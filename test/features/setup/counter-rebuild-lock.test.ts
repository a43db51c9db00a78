/**
 * A lost counter is rebuilt while the execution that needs a number holds the document lock (intake,
 * approval). It continues after the highest number ever issued — an order deleted from the register
 * still counts, its "Created" and "WO Number" rows being in the change log — and the cells read under
 * the lock do not grow with the log: only its end is read. Rows typed into the log by hand, claiming
 * a huge number, do not move the numbering.
 */
import { parseRequestId, parseWoNumber } from '../../../src/core/ids';
import { SHEET_NAMES } from '../../../src/core/model';
import { PROPERTY_KEYS } from '../../../src/server/adapters/document-properties';
import { approvedOrder, rowOf, sidebarAct, submitOne } from '../../support/edits';
import { ADMIN, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { forgeCreatedRows, forgeNumberedRows } from '../../support/audit';
import { now, runHourly, startAtLocalHour } from '../../support/ops';
import { isoDate, localParts } from '../../../src/core/time';
import type { ExecutionRecord } from '../../../runtime';

/** Log rows of older history: far more than the end of the log that a rebuild reads. */
const HISTORY = 6_000;

const requestKey = (wb: TestWorkbook) => `wo.${wb.ssId}.requestCounter`;

function loseCounters(wb: TestWorkbook): void {
  wb.rt.world.properties.user(ADMIN).delete(requestKey(wb));
  const doc = wb.rt.world.properties.document(wb.ssId);
  doc.delete(PROPERTY_KEYS.requestCounter);
  doc.delete(PROPERTY_KEYS.woCounters);
}

/**
 * Older history: rows put in at the top of the log, above the add-on's (not its own, so never
 * counted), making the log long. The next append goes after them and the checkpoint follows.
 */
function lengthenLog(wb: TestWorkbook, count = HISTORY): void {
  const log = wb.sheet(SHEET_NAMES.changeLog);
  const at = wb.rt.world.clock.now();
  const rows = Array.from({ length: count }, (_, i) => [
    at,
    ADMIN,
    'system',
    `REQ-${String(10 + (i % 50)).padStart(6, '0')}`,
    'Status: Closed',
    '',
  ]);
  log.insertRows(2, count, 'none');
  log.writeValues(2, 1, rows);
}

function documentHold(record: ExecutionRecord) {
  const hold = record.stats.lockHolds.find((h) => h.key.startsWith('document:'));
  if (!hold) throw new Error(`${record.entry} held no document lock`);
  return hold;
}

function deleteOrder(wb: TestWorkbook, id: string): void {
  wb.sheet(SHEET_NAMES.register).deleteRows(rowOf(wb, id), 1);
}

const pad = (n: number) => `REQ-${String(n).padStart(6, '0')}`;

test('a lost request counter continues after the highest id ever issued, reading only the end of a long log under the lock', async () => {
  const wb = await setUpWorkbook();
  try {
    await submitOne(wb);
    lengthenLog(wb);
    await submitOne(wb);
    const highest = await submitOne(wb);
    // The highest id issued is no longer in the register: only the change log remembers it.
    deleteOrder(wb, highest);
    loseCounters(wb);
    const logCells = wb.sheet(SHEET_NAMES.changeLog).lastRow() * 6;

    const submission = await wb.submit();
    submission.executions.forEach(expectOk);
    const ids = wb.register().map((r) => r.order.id);
    expect(ids).toContain(pad(parseRequestId(highest)! + 1));
    expect(ids.filter((id) => id === highest)).toHaveLength(0);

    const intake = submission.executions.find((r) =>
      r.stats.lockHolds.some((h) => h.key.startsWith('document:')),
    );
    expect(intake).toBeDefined();
    // The log holds more than 36,000 cells; under the lock, the rebuild read a few hundred rows of it.
    expect(logCells).toBeGreaterThan(6 * HISTORY);
    expect(documentHold(intake!).during.cellsRead).toBeLessThan(HISTORY);
  } finally {
    await wb.close();
  }
});

test('a lost work-order counter continues after the highest number ever given, reading only the end of the log', async () => {
  const wb = await setUpWorkbook();
  try {
    await approvedOrder(wb);
    lengthenLog(wb);
    const last = await approvedOrder(wb);
    const lastNumber = parseWoNumber(wb.order(last).woNumber)!;
    deleteOrder(wb, last);
    const id = await submitOne(wb);
    loseCounters(wb);

    const approval = await sidebarAct(wb, {
      action: 'approve',
      id,
      revision: wb.order(id).revision,
      category: 'Plumbing',
      priority: 'P2 Urgent',
    });
    const given = parseWoNumber(wb.order(id).woNumber)!;
    expect(given).toEqual({ year: lastNumber.year, seq: lastNumber.seq + 1 });
    expect(documentHold(approval).during.cellsRead).toBeLessThan(HISTORY);
  } finally {
    await wb.close();
  }
});

test('rows typed into the log claiming a huge number do not move the numbering', async () => {
  const wb = await setUpWorkbook();
  try {
    const before = await approvedOrder(wb);
    const beforeNumber = parseWoNumber(wb.order(before).woNumber)!;
    // A copy of the add-on's last MAC cell, a made-up next keyed MAC, and plain-hash rows.
    forgeNumberedRows(wb, ADMIN, `WO-${beforeNumber.year}-90000`);
    // A row put in at the top: the checkpoint's row no longer holds its MAC, so the rebuild reads
    // from the sheet's end, through the rows above, which it must tell from the add-on's own.
    lengthenLog(wb, 1);
    loseCounters(wb);

    const next = await approvedOrder(wb);
    expect(next).toBe(pad(parseRequestId(before)! + 1));
    expect(parseWoNumber(wb.order(next).woNumber)).toEqual({
      year: beforeNumber.year,
      seq: beforeNumber.seq + 1,
    });
  } finally {
    await wb.close();
  }
});

test('with the checkpoint lost too, rows typed below the add-on’s do not move the numbering', async () => {
  const wb = await setUpWorkbook();
  try {
    await submitOne(wb);
    const before = await submitOne(wb);
    forgeCreatedRows(wb, ADMIN);
    wb.rt.world.properties.document(wb.ssId).delete(PROPERTY_KEYS.changeLogCheckpoint);
    loseCounters(wb);

    const next = await submitOne(wb);
    expect(next).toBe(pad(parseRequestId(before)! + 1));
  } finally {
    await wb.close();
  }
});

test('the hourly job, with no checkpoint to go by, tells rows typed below the add-on’s from its own', async () => {
  const wb = await setUpWorkbook();
  try {
    startAtLocalHour(wb, 9);
    await submitOne(wb);
    const highest = await submitOne(wb);
    deleteOrder(wb, highest);
    const today = localParts(now(wb), wb.model.timeZone);
    const due = isoDate({ year: today.year, month: today.month, day: today.day });
    const schedule = [
      'PM-1',
      'Read the meters',
      '',
      'Car Park',
      'Electrical',
      'P4 Scheduled',
      '',
      '1',
      'days',
    ];
    const row = [[...schedule, '', '0', due, 'TRUE', '']];
    (await wb.edit(ADMIN, SHEET_NAMES.schedules, 2, 1, row)).executions.forEach(expectOk);
    // Typed in after the last append (an append writes over rows below the checkpoint's, taking them
    // for those of an execution that failed before it committed).
    forgeCreatedRows(wb, ADMIN);
    loseCounters(wb);

    (await runHourly(wb)).forEach(expectOk);
    const made = wb.register().filter((r) => r.order.responseRef.startsWith('Schedule '));
    expect(made.length).toBeGreaterThan(0);
    // The deleted order's id is not given again, and the typed rows' numbers are not taken up.
    expect(made[0]!.order.id).toBe(pad(parseRequestId(highest)! + 1));
  } finally {
    await wb.close();
  }
});
