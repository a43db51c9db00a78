/**
 * One work order's rows of the tabs the add-on appends to (Time, Parts Used, Checklist Items), read
 * from the bottom up a chunk at a time instead of whole: those tabs gain rows with every order ever
 * worked and are never trimmed, while the calls that read them (a My work record, a completion's
 * checklist check) hold the document lock.
 *
 * - Time and Parts Used rows are appended in time order (Entered At, the writing execution's clock,
 *   under the document lock), and only once the order could be worked on, after its approval: the read
 *   stops at the first chunk whose topmost row is from before that. What it costs grows with the work recorded
 *   since the order was approved, not with the tab.
 * - An order's checklist is appended in one block when it is approved, each row numbered "k of N":
 *   the read takes the Record ID and No. columns only, stops once items 1..N of every order asked
 *   about are found, then reads the rows found. An order with no checklist copy is looked for down to
 *   row 2 (two narrow columns of the tab).
 */
import { CHECKLIST_ITEM_COLUMNS } from '../../core/checklist-items';
import { cellText, mapHeaders } from '../../core/headers';
import { isValidDate } from '../../core/time';
import type { Sheet, Spreadsheet } from './apps-script-types';

/** Rows per read from the bottom up. */
export const ORDER_ROWS_CHUNK = 500;

/** A tab's values as parse functions take them: the header, then rows, with each row's sheet row. */
export interface TabRows {
  values: unknown[][];
  /** Sheet row of values[i + 1]. */
  rows: number[];
}

const EMPTY: TabRows = { values: [], rows: [] };

function header(sheet: Sheet): unknown[] {
  const width = sheet.getLastColumn();
  return width > 0 ? (sheet.getRange(1, 1, 1, width).getValues()[0] ?? []) : [];
}

/**
 * The rows of a Time or Parts Used tab entered from `since` (epoch ms; null: all), and as many older
 * ones as share their chunk, in sheet order. Callers keep the rows of the order they want.
 */
export function rowsEnteredSince(
  ss: Spreadsheet,
  tab: string,
  enteredAtHeader: string,
  since: number | null,
): TabRows {
  const sheet = ss.getSheetByName(tab);
  if (!sheet) return EMPTY;
  const last = sheet.getLastRow();
  const head = header(sheet);
  if (last < 2 || head.length === 0) return { values: [head], rows: [] };
  const enteredAt = head.findIndex((h) => cellText(h).trim() === enteredAtHeader);
  const chunks: { first: number; rows: unknown[][] }[] = [];
  for (let end = last; end >= 2;) {
    const first = Math.max(2, end - ORDER_ROWS_CHUNK + 1);
    const rows = sheet.getRange(first, 1, end - first + 1, head.length).getValues();
    chunks.unshift({ first, rows });
    // Rows are appended in time order, so a chunk's topmost dated row is its oldest: once that is
    // before `since`, so is every row above. (Not any row of the chunk: a row put back from the log
    // by Verify, or pasted by hand, lands at the bottom with its old Entered At.)
    const topmost = enteredAt >= 0 ? rows.find((r) => isValidDate(r[enteredAt])) : undefined;
    const older = since !== null && topmost !== undefined && (topmost[enteredAt] as Date).getTime() < since;
    if (older) break;
    end = first - 1;
  }
  return {
    values: [head, ...chunks.flatMap((c) => c.rows)],
    rows: chunks.flatMap((c) => c.rows.map((_, i) => c.first + i)),
  };
}

/**
 * The Checklist Items rows of `ids` (see above): the narrow read from the bottom up, then one read per
 * run of rows found. Rows of other orders are not returned.
 */
export function checklistRowsOf(ss: Spreadsheet, sheetName: string, ids: ReadonlySet<string>): TabRows {
  const sheet = ss.getSheetByName(sheetName);
  if (!sheet || ids.size === 0) return EMPTY;
  const last = sheet.getLastRow();
  const head = header(sheet);
  const at = mapHeaders(head, CHECKLIST_ITEM_COLUMNS).indexOf;
  if (last < 2 || at.id < 0) return { values: [head], rows: [] };
  // The Record ID and No. columns (adjacent as the add-on lays them out: one read a chunk).
  const lo = at.number >= 0 ? Math.min(at.id, at.number) : at.id;
  const hi = at.number >= 0 ? Math.max(at.id, at.number) : at.id;
  const found: number[] = [];
  const seen = new Map<string, { of: number; numbers: Set<number> }>();
  const complete = (): boolean =>
    [...ids].every((id) => {
      const s = seen.get(id);
      return s !== undefined && s.of > 0 && s.numbers.size >= s.of;
    });
  for (let end = last; end >= 2 && !complete();) {
    const first = Math.max(2, end - ORDER_ROWS_CHUNK + 1);
    const band = sheet.getRange(first, lo + 1, end - first + 1, hi - lo + 1).getValues();
    for (let i = band.length - 1; i >= 0; i--) {
      const cells = band[i] ?? [];
      const id = cellText(cells[at.id - lo]).trim();
      if (!ids.has(id)) continue;
      found.push(first + i);
      const [k, of] = /^(\d+) of (\d+)$/.exec(cellText(cells[at.number - lo]).trim())?.slice(1) ?? [];
      const s = seen.get(id) ?? { of: 0, numbers: new Set<number>() };
      if (k !== undefined && of !== undefined) {
        s.of = Math.max(s.of, Number(of));
        s.numbers.add(Number(k));
      }
      seen.set(id, s);
    }
    end = first - 1;
  }
  found.sort((a, b) => a - b);
  const values: unknown[][] = [head];
  for (let i = 0; i < found.length;) {
    let j = i;
    while (j + 1 < found.length && (found[j + 1] as number) === (found[j] as number) + 1) j++;
    const start = found[i] as number;
    values.push(...sheet.getRange(start, 1, j - i + 1, head.length).getValues());
    i = j + 1;
  }
  return { values, rows: found };
}
