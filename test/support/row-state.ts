/** Reading a register row's Last Known State as the add-on does: prints checked with its secret. */
import { cellText } from '../../src/core/headers';
import { REGISTER_COLUMNS, type WorkOrderField } from '../../src/core/model';
import {
  ROW_STATE_HEADER,
  fingerprintMatches,
  parseRowState,
  sameFieldValue,
  useRowStateKey,
  type RowState,
} from '../../src/server/adapters/row-state';
import { auditKey } from './audit';
import { REGISTER, cell, rowOf } from './edits';
import type { TestWorkbook } from './workbook';

export function stateCell(wb: TestWorkbook, id: string): string {
  return String(cell(wb, id, ROW_STATE_HEADER));
}

/** Runs `body` with the workbook's secret as the key of row-state prints. */
export function withWorkbookKey<T>(wb: TestWorkbook, body: () => T): T {
  useRowStateKey(auditKey(wb));
  try {
    return body();
  } finally {
    useRowStateKey(undefined);
  }
}

/**
 * Fields of order `id` whose register cell disagrees with its record (a value kept whole that
 * differs, or a cell that does not match its print); [] when the record is the row.
 */
export function disagreements(wb: TestWorkbook, id: string, state?: RowState | null): WorkOrderField[] {
  const record = state === undefined ? parseRowState(stateCell(wb, id)) : state;
  if (!record) throw new Error(`no readable Last Known State for ${id}`);
  const order = wb.order(id);
  const row = rowOf(wb, id);
  return withWorkbookKey(wb, () =>
    (Object.keys(REGISTER_COLUMNS) as WorkOrderField[]).filter((field) => {
      if (record.fingerprints[field] === undefined)
        return !sameFieldValue(field, record.order[field], order[field]);
      const text = cellText(wb.sheet(REGISTER).valueAt(row, wb.registerColumn(REGISTER_COLUMNS[field])));
      return !fingerprintMatches(record, field, text);
    }),
  );
}
