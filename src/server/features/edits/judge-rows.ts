/**
 * Reading and judging the edited rows of the register (./judge, one row at a time) with a header
 * layout known to be current: the layout the document cache remembers (register-shape.ts) is checked
 * by the verdicts themselves, and row 1 is read again only when one looks like a stale layout.
 */
import { Register } from '../../adapters/register';
import { cachedRegisterShape, readRegisterShape, type RegisterShape } from '../../adapters/register-shape';
import { isSuspect, judgeRow, type JudgeContext, type RowVerdict } from './judge';
import type { Sheet } from '../../adapters/apps-script-types';

/** The edited rectangle (1-based), and a single cell's previous value when the event has one. */
export interface EditedRange {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
  /** Present for a single-cell edit only ('' when the cell was empty before). */
  oldValue?: string;
  /**
   * False when that '' is a guess: Apps Script leaves oldValue out of the event both for a cell that
   * was empty and for a cell pasted into, whatever it held, so a kept copy of the tab knows better.
   */
  oldValueFromEvent?: boolean;
}

function sameHeader(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((h, i) => h === b[i]);
}

export interface Judged {
  shape: RegisterShape;
  read: unknown[][];
  verdicts: RowVerdict[];
  /** Spreadsheet calls spent reading (rows, and the header when it had to be read). */
  reads: number;
}

function judgeAll(
  sheet: Sheet,
  shape: RegisterShape,
  range: EditedRange,
  top: number,
  count: number,
  ctx: JudgeContext,
): Judged {
  const read = Register.withLayout(sheet, shape.layout, shape.stateIndex).readBand(
    top,
    count,
    0,
    shape.width,
  );
  const edited = (index: number): boolean =>
    index + 1 >= range.column && index + 1 < range.column + range.numColumns;
  const single =
    range.numRows === 1 && range.numColumns === 1 && range.oldValue !== undefined
      ? { index: range.column - 1, oldValue: range.oldValue }
      : undefined;
  const verdicts = read.map((cells) =>
    judgeRow({ cells, layout: shape.layout, stateIndex: shape.stateIndex, edited, single }, ctx),
  );
  return { shape, read, verdicts, reads: 1 };
}

/**
 * Judges with the remembered layout; when a verdict may come from a stale layout (a column moved,
 * inserted or deleted: no edit event tells; see isSuspect), or the edit lies past its last column,
 * row 1 is read again and, if it changed, the rows too. A suspect verdict with an unchanged header is genuine and stands.
 */
export function judgeWithFreshLayout(
  sheet: Sheet,
  range: EditedRange,
  top: number,
  count: number,
  ctx: JudgeContext,
): Judged {
  // An edit past the remembered header may be in a column added since (setup puts a deleted column
  // back at the end), which no row's cells give away: the header is read first.
  const cached = cachedRegisterShape();
  const remembered = cached && range.column + range.numColumns - 1 <= cached.width ? cached : null;
  let judged: Judged | null = null;
  let spent = 0;
  if (remembered) {
    spent = 1;
    try {
      judged = judgeAll(sheet, remembered, range, top, count, ctx);
    } catch {
      judged = null; // The remembered width is past the sheet's edge: columns were deleted.
    }
    if (judged && !judged.verdicts.some((v) => isSuspect(v, remembered.stateIndex))) return judged;
  }
  const fresh = readRegisterShape(sheet);
  spent += 1;
  if (judged && sameHeader(judged.shape.header, fresh.header))
    return { ...judged, shape: fresh, reads: spent };
  const again = judgeAll(sheet, fresh, range, top, count, ctx);
  return { ...again, reads: spent + 1 };
}
