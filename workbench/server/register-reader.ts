/**
 * The register as a person reads it (through the host model, never the add-on's code): rows by request
 * id, and columns by header, since an administrator may reorder them.
 */
import type { SpreadsheetModel } from '../../runtime/host/spreadsheet/store';
import { parseRegisterRow, registerLayout } from '../../src/core/columns';
import { SHEET_NAMES, type WorkOrder, type WorkOrderField } from '../../src/core/model';

export interface RegisterRow {
  row: number;
  order: WorkOrder;
}

export function registerRows(spreadsheet: SpreadsheetModel): RegisterRow[] {
  const sheet = spreadsheet.requireSheet(SHEET_NAMES.register);
  const lastRow = sheet.lastRow();
  const lastColumn = sheet.lastColumn();
  if (lastRow < 1 || lastColumn < 1) return [];
  const [header = [], ...rows] = sheet.readValues(1, 1, lastRow, lastColumn);
  const layout = registerLayout(header);
  const out: RegisterRow[] = [];
  rows.forEach((cells, i) => {
    const parsed = parseRegisterRow(cells, layout, i + 2);
    if (parsed.ok) out.push({ row: i + 2, order: parsed.order });
  });
  return out;
}

export function findOrder(spreadsheet: SpreadsheetModel, id: string): RegisterRow | undefined {
  return registerRows(spreadsheet).find((r) => r.order.id === id);
}

/** 1-based column of a register field, found by its header. */
export function registerColumn(spreadsheet: SpreadsheetModel, field: WorkOrderField): number {
  const sheet = spreadsheet.requireSheet(SHEET_NAMES.register);
  const header = sheet.readValues(1, 1, 1, Math.max(sheet.lastColumn(), 1))[0] ?? [];
  const index = registerLayout(header).indexOf[field];
  if (index < 0) throw new Error(`the register has no column for ${field}`);
  return index + 1;
}
