/**
 * What the Outbox-state tests share: where a queued email's row is, typing over its cells as a sidebar
 * user can, the acknowledgments a requestor received, and the next morning with mail quota again.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { REQUESTOR, type TestWorkbook } from '../../support/workbook';
import { DAY, HOUR, advance, rowsOf, runHourly } from '../../support/ops';

export const OUTBOX = SHEET_NAMES.outbox;

export function column(wb: TestWorkbook, name: string, tab: string = OUTBOX): number {
  return (wb.values(tab)[0] ?? []).map(String).indexOf(name) + 1;
}

/** The sheet row (1-based) of the acknowledgment about `id`. */
export function ackRow(wb: TestWorkbook, id: string, nth = 0): number {
  const rows = wb.values(OUTBOX);
  const at = column(wb, 'Record ID') - 1;
  const found = rows.map((r, i) => (r[at] === id ? i + 1 : -1)).filter((i) => i > 0);
  return found[nth] as number;
}

export function type(wb: TestWorkbook, row: number, header: string, value: string): void {
  wb.sheet(OUTBOX).writeValues(row, column(wb, header), [[value]]);
}

export const acksAbout = (wb: TestWorkbook, id: string): number =>
  wb.rt.world.mail.receivedBy(REQUESTOR).filter((m) => m.subject.includes(id)).length;
export const rowsAbout = (wb: TestWorkbook, id: string) =>
  rowsOf(wb, OUTBOX).filter((r) => r['Record ID'] === id);

export async function openTheDay(wb: TestWorkbook): Promise<void> {
  wb.rt.world.mail.dailyQuota = 100;
  advance(wb, DAY);
  await runHourly(wb, HOUR);
}

/**
 * A queued row of number `seq` was deleted: the drain reports it once, at the second run that finds its
 * number neither settled nor in the sheet, and never again.
 */
export async function expectRemovalReportedOnce(wb: TestWorkbook, seq: string): Promise<void> {
  const removed = () =>
    rowsOf(wb, SHEET_NAMES.errors).filter((e) =>
      String(e.Message).includes(`Queued email #${seq} was removed from the Outbox before it was sent`),
    ).length;
  await runHourly(wb);
  await runHourly(wb);
  expect(removed()).toBe(1);
  await runHourly(wb);
  expect(removed()).toBe(1);
}
