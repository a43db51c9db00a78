/**
 * A row's record as the edit trigger and the integrity checks use it (row-state.ts reads and writes
 * it), and the two rules every record is held to: values are kept as the register reads them back
 * (canonicalOrder), and compared as the register compares them (sameFieldValue).
 */
import { REGISTER_HEADER_ROW, parseRegisterRow, registerLayout, workOrderToRow } from '../../core/columns';
import { isDateField } from '../../core/field-changes';
import type { WorkOrder, WorkOrderField } from '../../core/model';
import { isDate } from '../../core/time';

export interface RowState {
  /** The row's values as last known. A printed field holds '' here: see `fingerprints`. */
  order: WorkOrder;
  /**
   * Text fields kept only as prints (keyed, or a JSON record's fingerprints): whether a text is the
   * one kept is told by fingerprintMatches; the text itself comes from the cell, the edit's old value
   * or the change log.
   */
  fingerprints: Partial<Record<WorkOrderField, string>>;
  /** Fields whose cell carries a Work Orders note (a refused edit), cleared on the next accepted edit. */
  noted: WorkOrderField[];
  /** The Reason was typed since the order's last status change (absent: not known to be). */
  reasonRenewed?: boolean;
}

/** The register's own layout (columns in declaration order), to simulate what a row reads back as. */
export const CANONICAL_LAYOUT = registerLayout(REGISTER_HEADER_ROW);

/** What a cell written with setValues reads back as: Sheets drops the leading apostrophe. */
export function readBack(cell: unknown): unknown {
  return typeof cell === 'string' && cell.startsWith("'") ? cell.slice(1) : cell;
}

/**
 * `order` as the register will read it back once written (text neutralized and cut, emails
 * lower-cased, ids trimmed…): the same core converters decide, so a record never differs from its
 * row only by the way a value was written.
 */
export function canonicalOrder(order: WorkOrder): WorkOrder {
  const row = workOrderToRow(order, CANONICAL_LAYOUT).map(readBack);
  const parsed = parseRegisterRow(row, CANONICAL_LAYOUT);
  return parsed.ok ? parsed.order : order;
}

/** Field equality as the register sees it: dates to the second (a cell may drop milliseconds). */
export function sameFieldValue(field: WorkOrderField, a: unknown, b: unknown): boolean {
  if (isDateField(field) || isDate(a) || isDate(b)) {
    const ms = (v: unknown): number | null =>
      isDate(v) && Number.isFinite(v.getTime()) ? v.getTime() : null;
    const x = ms(a);
    const y = ms(b);
    if (x === null || y === null) return x === y;
    return Math.floor(x / 1000) === Math.floor(y / 1000);
  }
  return a === b;
}

/** Equal values, dates to the millisecond (a record keeps them so). */
export function sameExactly(a: unknown, b: unknown): boolean {
  if (isDate(a) || isDate(b)) return isDate(a) && isDate(b) && a.getTime() === b.getTime();
  return a === b;
}
