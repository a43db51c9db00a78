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
import { SEAL_CHARS, SEALED_PREFIX } from '../../src/core/row-state-codec';
import { PROPERTY_KEYS } from '../../src/server/adapters/document-properties';
import { auditKey } from './audit';
import { REGISTER, cell, rowOf } from './edits';
import type { TestWorkbook } from './workbook';

export function stateCell(wb: TestWorkbook, id: string): string {
  return String(cell(wb, id, ROW_STATE_HEADER));
}

/** Runs `body` with the workbook's secret as the key of row-state prints and seals. */
export function withWorkbookKey<T>(wb: TestWorkbook, body: () => T): T {
  useRowStateKey(auditKey(wb));
  try {
    return body();
  } finally {
    useRowStateKey(undefined);
  }
}

/** The record in a state cell as the add-on reads it: its seal checked with the workbook's key. */
export function recordOf(wb: TestWorkbook, cell: unknown): RowState | null {
  return withWorkbookKey(wb, () => parseRowState(cell));
}

/**
 * Fields of order `id` whose register cell disagrees with its record (a value kept whole that
 * differs, or a cell that does not match its print); [] when the record is the row.
 */
export function disagreements(wb: TestWorkbook, id: string, state?: RowState | null): WorkOrderField[] {
  const record = state === undefined ? recordOf(wb, stateCell(wb, id)) : state;
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

/**
 * Makes `wb` a workbook updated from before seals: records without one are accepted again, until
 * setup seals every row (src/server/adapters/row-state-seal.ts).
 */
export function beforeSeals(wb: TestWorkbook): void {
  wb.rt.world.properties.document(wb.ssId).delete(PROPERTY_KEYS.rowStatesSealed);
}

/** A record's text without its seal, as a script editing it would leave it (read only before seals). */
export function unsealed(text: string): string {
  return text.startsWith(SEALED_PREFIX) ? `W|${text.slice(SEALED_PREFIX.length + SEAL_CHARS)}` : text;
}
