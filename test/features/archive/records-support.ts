/**
 * Helpers for the tests of work records moving with their archived orders: orders with checklist
 * items, time and parts recorded through My work, and the rows of a tab, live or in an archive file.
 */
import { localParts } from '../../../src/core/time';
import { patchOrderAsAddOn } from '../../support/audit';
import { DAY, now, setSetting } from '../../support/ops';
import { TECH, type TestWorkbook } from '../../support/workbook';
import { assignedOrders } from '../my-work/helpers';
import { ELECTRICAL_CHECKLIST, record, typeChecklists } from '../checklists/helpers';
import { archiveFileName } from '../../../src/server/features/archive/files';

export const RECORD_TAB_NAMES = ['Checklist Items', 'Time', 'Parts Used'] as const;

/**
 * The data rows (header excluded) of the tab `name` of every file named as `year`'s archive, as the
 * host holds them (a run stopped between creating a file and recording it leaves an empty one behind).
 */
export function archivedTabRows(wb: TestWorkbook, year: number, name: string): unknown[][] {
  return wb.rt.world.spreadsheets
    .all()
    .filter((s) => s.name === archiveFileName(year))
    .flatMap((file) => {
      const sheet = file.sheetModel(name);
      if (!sheet || sheet.lastRow() < 2) return [];
      return sheet.readValues(2, 1, sheet.lastRow() - 1, sheet.lastColumn());
    });
}

/** The live tab's data rows of these ids. */
export function liveRowsOf(wb: TestWorkbook, name: string, ids: readonly string[]): unknown[][] {
  return wb
    .values(name)
    .slice(1)
    .filter((r) => ids.includes(String(r[0])));
}

/** Rows as sorted strings (dates as instants): two tabs holding the same rows in any order compare equal. */
export const rowKeys = (rows: readonly unknown[][]): string[] =>
  rows.map((r) => JSON.stringify(r.map((v) => (v instanceof Date ? v.toISOString() : v)))).sort();

/**
 * Four assigned Electrical orders (three checklist items each), two time entries each and a part on
 * two of them, recorded in turns so each order's rows are scattered over the tabs. Returns the ids,
 * and the year their archive file is named after once the first, second and fourth are closed.
 */
export async function ordersWithWorkRecords(wb: TestWorkbook): Promise<{ ids: string[]; year: number }> {
  setSetting(wb, 'retentionDays', 30);
  const today = now(wb);
  wb.rt.world.clock.set(new Date(today.getTime() - 100 * DAY));
  await typeChecklists(wb, ELECTRICAL_CHECKLIST);
  const ids = await assignedOrders(wb, [TECH, TECH, TECH, TECH]);
  // Worked two days after approval, recorded the day after.
  wb.rt.world.clock.set(new Date(today.getTime() - 97 * DAY));
  const worked = new Date(today.getTime() - 98 * DAY).toISOString().slice(0, 10);
  const recorded = async (request: Record<string, unknown>): Promise<void> => {
    expect(await record(wb, TECH, request)).toMatchObject({ ok: true });
  };
  for (const hours of [1, 2])
    for (const id of ids) await recorded({ kind: 'time', id, date: worked, hours, note: `${hours} h` });
  for (const id of [ids[0], ids[2]])
    await recorded({ kind: 'part', id, part: 'Fuse', quantity: 2, unitCost: 1.25 });
  wb.rt.world.clock.set(today);
  const closing = new Date(today.getTime() - 60 * DAY);
  for (const id of [ids[0], ids[1], ids[3]])
    patchOrderAsAddOn(wb, id!, { status: 'Closed', closedAt: closing });
  return { ids, year: localParts(closing, wb.model.timeZone).year };
}
