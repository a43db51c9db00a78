import { keepsTypedReason } from '../../core/transition';
import { REGISTER_COLUMNS, type WorkOrder, type WorkOrderField } from '../../core/model';
import {
  LATER_FIELDS,
  parseRegisterRow,
  registerLayout,
  rowToWorkOrder,
  workOrderToRow,
  type RegisterLayout,
} from '../../core/columns';
import { readHeaderRow, UserFacingError } from './workbook';
import { registerTab } from './register-tab';
import { findRowStateColumn, parseRowState, serializeRowState } from './row-state';
import { rememberRegisterHeader } from './register-shape';
import { disagreementMessage, rowDisagreement } from './row-state-agreement';
import { deleteRowRunsOf } from './tabs';
import { countIds, readFieldColumns, type FieldColumns, type RegisterIds } from './register-fields';
import { findById, orderAtRow } from './register-find';
import type { Sheet, Spreadsheet } from './apps-script-types';

export interface LocatedOrder {
  /** Sheet row number (1-based) where the order was found. */
  row: number;
  order: WorkOrder;
  /** The whole row as read, columns the add-on does not own included. */
  cells: unknown[];
}

export interface OpenOptions {
  /**
   * Whether to put the header row just read into the document cache for the edit trigger
   * (register-shape.ts): one Cache.put, for a later execution, since nothing in this one reads it back.
   * Default true. Intake opts out: it runs on every submission, while the edit trigger refills a
   * missing entry itself (one read of row 1, then six hours warm) and the sidebar's actions refresh it.
   */
  shareHeader?: boolean;
}

/**
 * The register sheet, opened once per execution: its header is read in one call and every column is
 * found by header. Rows are found by request id; a row number is only ever a hint.
 */
export class Register {
  /**
   * The sheet, private to this class in the language itself (not only to TypeScript): whatever a
   * register value is called, nothing outside reaches its cells but through the methods below, each
   * saying what it reads and batching it.
   */
  readonly #sheet: Sheet;

  private constructor(
    sheet: Sheet,
    readonly layout: RegisterLayout,
    /** Index of the hidden "Last Known State" column (see row-state.ts), -1 before setup adds it. */
    readonly stateIndex: number = -1,
  ) {
    this.#sheet = sheet;
  }

  static open(ss: Spreadsheet, options: OpenOptions = {}): Register {
    return Register.onSheet(registerTab(ss), options);
  }

  /** The register on its sheet already in hand (`open` without looking the sheet up again). */
  static onSheet(sheet: Sheet, { shareHeader = true }: OpenOptions = {}): Register {
    const header = readHeaderRow(sheet);
    if (shareHeader) rememberRegisterHeader(header); // saves the edit trigger a read (register-shape.ts)
    const layout = registerLayout(header);
    const missing = layout.missing.filter((f) => !LATER_FIELDS.includes(f));
    if (missing.length > 0) {
      const names = missing.map((f) => `"${REGISTER_COLUMNS[f]}"`).join(', ');
      throw new UserFacingError(
        `The Work Orders sheet has no ${names} column. An administrator can run Set up work orders to add it back; no data is lost.`,
      );
    }
    return new Register(sheet, layout, findRowStateColumn(header));
  }

  /**
   * The register on its sheet under a layout already in hand (the edit trigger's remembered header,
   * register-shape.ts): nothing is read, and the trigger has checked the columns it needs itself.
   */
  static withLayout(sheet: Sheet, layout: RegisterLayout, stateIndex: number): Register {
    return new Register(sheet, layout, stateIndex);
  }

  get width(): number {
    return this.layout.width;
  }

  /** Appends one order (one write) and returns the row it landed on. */
  append(order: WorkOrder): number {
    this.#sheet.appendRow(this.withState(workOrderToRow(order, this.layout), order));
    return this.#sheet.getLastRow();
  }

  /**
   * Appends one order (one write); the row it landed on is looked up (one read) only when `rowOf` is
   * called: a caller that may not need it (intake, when no review queue index is stored) saves the read.
   */
  appendUnlocated(order: WorkOrder): { rowOf: () => number } {
    this.#sheet.appendRow(this.withState(workOrderToRow(order, this.layout), order));
    return { rowOf: () => this.#sheet.getLastRow() };
  }

  /** Appends orders at the end in one write (growing the sheet first when needed); returns their first row. */
  appendMany(orders: readonly WorkOrder[]): number {
    const first = this.#sheet.getLastRow() + 1;
    if (orders.length === 0) return first;
    const rows = orders.map((order) => this.withState(workOrderToRow(order, this.layout), order));
    const lastNeeded = first + rows.length - 1;
    const maxRows = this.#sheet.getMaxRows();
    if (lastNeeded > maxRows) this.#sheet.insertRowsAfter(maxRows, lastNeeded - maxRows);
    this.#sheet.getRange(first, 1, rows.length, this.width).setValues(rows);
    return first;
  }

  /** Reads rows [first, first+count) in one call. */
  readRows(first: number, count: number): unknown[][] {
    if (count <= 0) return [];
    return this.#sheet.getRange(first, 1, count, this.width).getValues();
  }

  /** Every data row with its parsed order (one read); rows that do not parse are returned apart. */
  readAll(): { orders: LocatedOrder[]; invalid: { row: number; error: string }[] } {
    const last = this.#sheet.getLastRow();
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
   * sort and insert rows, so hints go stale). Null when no row holds the id (./register-find).
   */
  find(id: string, hint?: number): LocatedOrder | null {
    return findById(this, id, hint);
  }

  /**
   * The order at `row` when that row holds `id` (one read, no last-row lookup), else null. For callers
   * that keep row hints fresh, such as the review queue; a row past the sheet's end reads as a miss.
   */
  findAtRow(id: string, row: number): LocatedOrder | null {
    return orderAtRow(this, id, row);
  }

  /** The id column of every data row in sheet order (index i is row i + 2): two reads. */
  readIds(): string[] {
    const last = this.#sheet.getLastRow();
    return this.readColumn(this.layout.indexOf.id, 2, last - 1).map((cell) => String(cell));
  }

  /**
   * One column's cells over rows [first, first+count) in one call, for checking rows cheaply (a few
   * narrow reads instead of whole rows). Throws when the rows reach past the sheet's end.
   */
  readColumnSpan(field: 'id' | 'revision' | 'status' | 'assignee', first: number, count: number): unknown[] {
    if (count <= 0) return [];
    return this.#sheet
      .getRange(first, this.layout.indexOf[field] + 1, count, 1)
      .getValues()
      .map((r) => r[0]);
  }

  /** The order at `row`, read in one call (for a row whose id is already known to be there). */
  readAt(row: number): LocatedOrder {
    return this.located(row, this.readRows(row, 1)[0] ?? []);
  }

  /** The order in `cells`, read from `row` by the caller (register-lookup.ts checks them first). */
  located(row: number, cells: unknown[]): LocatedOrder {
    return { row, order: rowToWorkOrder(cells, this.layout, row), cells };
  }

  /**
   * Why `located` may not be acted on, or null: a field of the row as read that is not what the add-on
   * last wrote or accepted (its Last Known State, read with the row: no further call), written where
   * no edit trigger judged it. Every decision that acts on one order outside the edit trigger asks
   * this before deciding (see row-state-agreement.ts, with what it compares and its known gap).
   */
  unrecordedChange(located: LocatedOrder, timeZone: string): string | null {
    const disagreement = rowDisagreement(
      located.order,
      located.cells,
      this.layout,
      this.stateIndex,
      timeZone,
    );
    return disagreement && disagreementMessage(located.order, disagreement);
  }

  /** Writes one order back over its row (one write), keeping the organization's own columns. */
  write(located: LocatedOrder, order: WorkOrder): void {
    this.#sheet
      .getRange(located.row, 1, 1, this.width)
      .setValues([this.withState(workOrderToRow(order, this.layout, located.cells), order, located.cells)]);
  }

  /** The last sheet row holding content (one read). */
  lastRow(): number {
    return this.#sheet.getLastRow();
  }

  /** One column (0-based `index`) of sheet rows [first, first + count), in one read. */
  readColumn(index: number, first: number, count: number): unknown[] {
    return this.readBand(first, count, index, 1).map((r) => r[0]);
  }

  /** Columns [firstColumn, firstColumn + columns) (0-based) of sheet rows [first, first + count), in one read. */
  readBand(first: number, count: number, firstColumn: number, columns: number): unknown[][] {
    if (count <= 0) return [];
    return this.#sheet.getRange(first, firstColumn + 1, count, columns).getValues();
  }

  /**
   * Deletes rows given as [start, count] runs, bottom run first (so no deletion moves a later run), one
   * deleteRows each. When every row below the header would go, one empty row is added first: Sheets
   * refuses to delete every non-frozen row.
   */
  deleteRowRuns(runs: ReadonlyArray<readonly [number, number]>): void {
    deleteRowRunsOf(this.#sheet, runs);
  }

  /**
   * Puts the order's "Last Known State" into a row about to be written, so the edit trigger can tell
   * what a later paste changed (row-state.ts). Which cells carry the trigger's notes is carried over,
   * and so is a Reason typed for a next step, until a step that needs a reason uses it.
   */
  private withState(row: unknown[], order: WorkOrder, previous?: readonly unknown[]): unknown[] {
    if (this.stateIndex < 0) return row;
    const state = previous ? parseRowState(previous[this.stateIndex]) : null;
    const renewed = state?.reasonRenewed === true && keepsTypedReason(state.order.status, order.status);
    row[this.stateIndex] = serializeRowState(order, state?.noted ?? [], renewed);
    return row;
  }

  /**
   * The cells of `fields` in every data row and nothing else: the last row, then one read per run of
   * nearby columns (column-spans.ts), so a lookup or a report never reads the whole register.
   * `withRecord`: each row's Last Known State too (packed().stateAt), to check the cells against it.
   */
  readFields(fields: readonly WorkOrderField[], withRecord = false): FieldColumns {
    return readFieldColumns(this, fields, withRecord ? this.stateIndex : -1);
  }

  /**
   * The first data row whose `field` cell reads `wanted` once trimmed and upper-cased (ids and
   * work-order numbers typed in any case), or null: the last row and the one column, two calls.
   */
  rowOf(field: 'id' | 'woNumber', wanted: string): number | null {
    const target = wanted.trim().toUpperCase();
    const at = this.readFields([field])
      .cells(field)
      .findIndex((cell) => String(cell).trim().toUpperCase() === target);
    return at < 0 ? null : at + 2;
  }

  /**
   * How many rows hold each request id, and the form responses the rows' orders came from (one
   * response, one order): raw cells, so a row that does not parse still counts. Two columns read.
   */
  readIdsAndResponses(): RegisterIds {
    const columns = this.readFields(['id', 'responseRef']);
    return countIds(columns.cells('id'), columns.cells('responseRef'));
  }
}
