import { REGISTER_COLUMNS, SHEET_NAMES, type WorkOrder } from '../../core/model';
import { parseRegisterRow, registerLayout, rowToWorkOrder, workOrderToRow, type RegisterLayout } from '../../core/columns';
import { readHeaderRow, requireSheet, UserFacingError } from './workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface LocatedOrder {
  /** Sheet row number (1-based) where the order was found. */
  row: number;
  order: WorkOrder;
  /** The whole row as read, columns the add-on does not own included. */
  cells: unknown[];
}

/**
 * The register sheet, opened once per execution: its header is read in one call and every column is
 * found by header. Rows are found by request id; a row number is only ever a hint.
 */
export class Register {
  private constructor(
    readonly sheet: Sheet,
    readonly layout: RegisterLayout,
  ) {}

  static open(ss: Spreadsheet): Register {
    const sheet = requireSheet(ss, SHEET_NAMES.register);
    const layout = registerLayout(readHeaderRow(sheet));
    if (layout.missing.length > 0) {
      const names = layout.missing.map((f) => `"${REGISTER_COLUMNS[f]}"`).join(', ');
      throw new UserFacingError(
        `The Work Orders sheet has no ${names} column. An administrator can run Set up work orders to add it back; no data is lost.`,
      );
    }
    return new Register(sheet, layout);
  }

  get width(): number {
    return this.layout.width;
  }

  /** Appends one order (one write) and returns the row it landed on. */
  append(order: WorkOrder): number {
    this.sheet.appendRow(workOrderToRow(order, this.layout));
    return this.sheet.getLastRow();
  }

  /** Reads rows [first, first+count) in one call. */
  readRows(first: number, count: number): unknown[][] {
    if (count <= 0) return [];
    return this.sheet.getRange(first, 1, count, this.width).getValues();
  }

  /** Every data row with its parsed order (one read); rows that do not parse are returned apart. */
  readAll(): { orders: LocatedOrder[]; invalid: { row: number; error: string }[] } {
    const last = this.sheet.getLastRow();
    const rows = this.readRows(2, last - 1);
    const orders: LocatedOrder[] = [];
    const invalid: { row: number; error: string }[] = [];
    rows.forEach((cells, i) => {
      if (cells.every((v) => v === '')) return;
      const parsed = parseRegisterRow(cells, this.layout, i + 2);
      if (parsed.ok) orders.push({ row: i + 2, order: parsed.order, cells });
      else invalid.push({ row: i + 2, error: parsed.error });
    });
    return { orders, invalid };
  }

  /**
   * Finds an order by id: first at the hinted row (one read), else by reading the id column once (users
   * sort and insert rows, so hints go stale). Null when no row holds the id.
   */
  find(id: string, hint?: number): LocatedOrder | null {
    const last = this.sheet.getLastRow();
    if (last < 2) return null;
    const idIndex = this.layout.indexOf.id;
    if (hint !== undefined && Number.isInteger(hint) && hint >= 2 && hint <= last) {
      const cells = this.readRows(hint, 1)[0];
      if (cells && String(cells[idIndex]) === id) return this.located(hint, cells);
    }
    const ids = this.sheet.getRange(2, idIndex + 1, last - 1, 1).getValues();
    const at = ids.findIndex((r) => String(r[0]) === id);
    if (at < 0) return null;
    return this.located(at + 2, this.readRows(at + 2, 1)[0] ?? []);
  }

  private located(row: number, cells: unknown[]): LocatedOrder {
    return { row, order: rowToWorkOrder(cells, this.layout, row), cells };
  }

  /** Writes one order back over its row (one write), keeping the organization's own columns. */
  write(located: LocatedOrder, order: WorkOrder): void {
    this.sheet.getRange(located.row, 1, 1, this.width).setValues([workOrderToRow(order, this.layout, located.cells)]);
  }
}
