/**
 * The register as the hourly job reads it: one column at a time, each at most once per run, shared by
 * every step. Reading all 32 columns of 100,000 rows every hour cost more than everything else the
 * routine run does; each step needs a few fields, and most of them only of the open work orders.
 *
 * - Request ID and Status are read for every row (which orders exist, which are open).
 * - The fields of open work (Due, Priority, Requested At…) are read from the first open row down: rows
 *   above it are finished work, which no reminder, escalation or digest line is about.
 * - A step that needs a field of every row (Response Row, for preventive maintenance) asks for it whole.
 * - An email is composed from the whole row, read again for just the orders being emailed.
 *
 * Orders a step adds during the run (taken in by reconciliation, made from schedules) are kept whole
 * and included in every later answer. The register rows are those present when the run began.
 */
import { OPEN_STATUSES, type WorkOrder, type WorkOrderField } from '../../../core/model';
import { isBlankRow, normalizeHeader, parseRegisterRow, registerRowParser } from '../../../core/columns';
import { Register } from '../../adapters/register';
import { rowDisagreement, type RowDisagreement } from '../../adapters/row-state-agreement';

/** An order read whole, and how its row disagrees with the add-on's record of it (null: it agrees). */
export interface WholeOrder {
  order: WorkOrder;
  disagreement: RowDisagreement | null;
}
import type { Spreadsheet } from '../../adapters/apps-script-types';

/** A read call costs about as much as this many more cells read in it: gaps shorter are read through. */
const CELLS_PER_CALL = 10_000;

const ALWAYS: readonly WorkOrderField[] = ['id', 'status'];

export class HourlyRegister {
  /** Data rows present when the run began (sheet rows 2 … rows + 1). */
  private readonly rows: number;
  /** One sparse row per data row: only the columns read so far hold values. */
  private readonly cells: unknown[][];
  /** For each field read, the first data-row index it was read from. */
  private readonly readFrom = new Map<WorkOrderField, number>();
  private firstOpen = 0;
  /** Each data row parsed (null: blank, or not a work order in the columns read so far). */
  private readonly parsedRows: Array<WorkOrder | null>;
  /** Rows from this index down were read into since they were parsed: parsed again when asked. */
  private staleFrom = 0;
  private parsed: WorkOrder[] | null = null;
  /** The sheet row of each order handed out, earlier parses' objects included (a step may hold them). */
  private readonly rowOf = new WeakMap<WorkOrder, number>();
  private readonly added: WorkOrder[] = [];

  private constructor(private readonly register: Register) {
    this.rows = Math.max(0, register.lastRow() - 1);
    this.cells = Array.from({ length: this.rows }, () => []);
    this.parsedRows = new Array<WorkOrder | null>(this.rows).fill(null);
    this.read(ALWAYS, 0);
    const statusAt = register.layout.indexOf.status;
    // Compared as the register's Status cells are parsed (case and spacing aside).
    const open = new Set<string>(OPEN_STATUSES.map((s) => normalizeHeader(s)));
    const first = this.cells.findIndex((row) => open.has(normalizeHeader(row[statusAt])));
    this.firstOpen = first < 0 ? this.rows : first;
  }

  static open(ss: Spreadsheet): HourlyRegister {
    return new HourlyRegister(Register.open(ss));
  }

  /** Orders added during the run (whole), included in every later answer. */
  add(orders: readonly WorkOrder[]): void {
    this.added.push(...orders);
  }

  /**
   * Every order with `fields` (and Request ID, Status) read; its other fields are empty. Rows that are
   * blank or do not parse in the columns read are left out, as a whole-row read leaves them out.
   */
  everyOrder(fields: readonly WorkOrderField[]): WorkOrder[] {
    this.read(fields, 0);
    return this.orders();
  }

  /**
   * Every order with Request ID and Status, and `fields` where the order may be open (finished orders
   * above the first open row have only Request ID and Status).
   */
  openWork(fields: readonly WorkOrderField[]): WorkOrder[] {
    this.read(fields, this.firstOpen);
    return this.orders();
  }

  /**
   * The same orders with every field, read again from their rows (nearby rows in one read), each with
   * how its row disagrees with its Last Known State (the emails about it go to addresses read from the
   * row). Orders whose row no longer holds them, or no longer parses, are left out.
   */
  whole(orders: readonly WorkOrder[], timeZone: string): Map<WorkOrder, WholeOrder> {
    const out = new Map<WorkOrder, WholeOrder>();
    const wanted: Array<{ order: WorkOrder; row: number }> = [];
    for (const order of orders) {
      const row = this.rowOf.get(order);
      // Added by this run (reconciled, scheduled): written by the add-on a moment ago.
      if (row === undefined) out.set(order, { order, disagreement: null });
      else wanted.push({ order, row });
    }
    wanted.sort((a, b) => a.row - b.row);
    const { layout } = this.register;
    const gap = Math.max(1, Math.floor(CELLS_PER_CALL / Math.max(1, this.register.width)));
    for (let i = 0; i < wanted.length;) {
      let j = i;
      while (j + 1 < wanted.length && wanted[j + 1]!.row - wanted[j]!.row <= gap) j++;
      const first = wanted[i]!.row;
      const block = this.register.readRows(first, wanted[j]!.row - first + 1);
      for (let k = i; k <= j; k++) {
        const { order, row } = wanted[k]!;
        const cells = block[row - first] ?? [];
        const parsed = parseRegisterRow(cells, layout, row);
        if (parsed.ok && parsed.order.id === order.id) {
          const { stateIndex } = this.register;
          const disagreement = rowDisagreement(parsed.order, cells, layout, stateIndex, timeZone);
          out.set(order, { order: parsed.order, disagreement });
        }
      }
      i = j + 1;
    }
    return out;
  }

  /** Reads the columns of `fields` not yet read from data-row index `from` down (one read per column). */
  private read(fields: readonly WorkOrderField[], from: number): void {
    const count = this.rows - from;
    for (const field of fields) {
      const index = this.register.layout.indexOf[field];
      const done = this.readFrom.get(field);
      if (index < 0 || (done !== undefined && done <= from)) continue;
      if (count > 0) {
        const values = this.register.readColumn(index, from + 2, count);
        for (let r = 0; r < count; r++) (this.cells[from + r] as unknown[])[index] = values[r];
      }
      this.readFrom.set(field, from);
      // Only the rows read into are parsed again (finished work above the first open row is parsed once).
      this.staleFrom = Math.min(this.staleFrom, from);
    }
  }

  private orders(): WorkOrder[] {
    if (this.staleFrom < this.rows || this.parsed === null) {
      const { layout } = this.register;
      // Fields not read are absent from the sparse rows: they parse as empty.
      const parse = registerRowParser(layout, [...this.readFrom.keys()]);
      for (let i = this.staleFrom; i < this.rows; i++) {
        const row = this.cells[i] as unknown[];
        const parsed = isBlankRow(row) ? null : parse(row, i + 2);
        const order = parsed?.ok ? parsed.order : null;
        if (order) this.rowOf.set(order, i + 2);
        this.parsedRows[i] = order;
      }
      this.staleFrom = this.rows;
      this.parsed = this.parsedRows.filter((o): o is WorkOrder => o !== null);
    }
    return [...this.parsed, ...this.added];
  }
}
