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
import { cellText } from '../../../core/headers';
import { Register } from '../../adapters/register';
import { rowDisagreement, type RowDisagreement } from '../../adapters/row-state-agreement';

/** An order read whole, and how its row disagrees with the add-on's record of it (null: it agrees). */
export interface WholeOrder {
  order: WorkOrder;
  disagreement: RowDisagreement | null;
  /** The row's Last Known State cell, read with its cells (undefined: an order added this run). */
  record?: unknown;
}
import type { Sheet } from '../../adapters/apps-script-types';

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
  /** The Last Known State column from `from` (a data-row index) down, once read. */
  private records: { from: number; values: unknown[] } | null = null;
  /** Each data row parsed (null: blank, or not a work order in the columns read so far). */
  private readonly parsedRows: Array<WorkOrder | null>;
  /**
   * Each column read so far, as (first row, generation): a row must be parsed again once a read with a
   * later generation reached it. Rows above the first open one are parsed only when a step asks for
   * every order: most hours, none does, and at 100,000 rows that parse was most of the job's time.
   */
  private readonly reads: Array<{ from: number; generation: number }> = [];
  /** The generation each row was last parsed at (0: never). */
  private readonly parsedAt: Uint32Array;
  /** The sheet row of each order handed out, earlier parses' objects included (a step may hold them). */
  private readonly rowOf = new WeakMap<WorkOrder, number>();
  private readonly added: WorkOrder[] = [];

  private constructor(private readonly register: Register) {
    this.rows = Math.max(0, register.lastRow() - 1);
    this.cells = Array.from({ length: this.rows }, () => []);
    this.parsedRows = new Array<WorkOrder | null>(this.rows).fill(null);
    this.parsedAt = new Uint32Array(this.rows);
    this.read(ALWAYS, 0);
    const statusAt = register.layout.indexOf.status;
    // Compared as the register's Status cells are parsed (case and spacing aside).
    const open = new Set<string>(OPEN_STATUSES.map((s) => normalizeHeader(s)));
    const first = this.cells.findIndex((row) => open.has(normalizeHeader(row[statusAt])));
    this.firstOpen = first < 0 ? this.rows : first;
  }

  /** The register on its tab, found by the caller (registerTab), which also keeps its protections. */
  static open(sheet: Sheet): HourlyRegister {
    return new HourlyRegister(Register.onSheet(sheet));
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
    return this.orders(0);
  }

  /**
   * The orders that may be open, with `fields` (and Request ID, Status) read: those from the first
   * open row down, and those added this run. Finished orders above it are left out; the open ones
   * among these are the caller's to pick by Status.
   */
  openWork(fields: readonly WorkOrderField[]): WorkOrder[] {
    this.read(fields, this.firstOpen);
    return this.orders(this.firstOpen);
  }

  /**
   * Takes the open work from the row holding `id` down at least, when that row is above the first row
   * whose Status cell reads open: the order the add-on last recorded as the first open one, whose
   * Status cell a script may have written as Closed (its record is then read with the rest).
   */
  includeFrom(id: string): void {
    const at = this.register.layout.indexOf.id;
    const wanted = id.trim();
    for (let i = 0; i < this.firstOpen; i++) {
      if (cellText(this.cells[i]?.[at]).trim() === wanted) {
        this.firstOpen = i;
        return;
      }
    }
  }

  /**
   * The Last Known State cell of each order openWork gave (one read of the column, from the first open
   * row down, made on the first call); undefined for an order added this run or a register without it.
   */
  recordCell(order: WorkOrder): unknown {
    const { stateIndex } = this.register;
    if (stateIndex < 0) return undefined;
    if (this.records === null) {
      const count = this.rows - this.firstOpen;
      this.records = {
        from: this.firstOpen,
        values: count > 0 ? this.register.readColumn(stateIndex, this.firstOpen + 2, count) : [],
      };
    }
    const row = this.rowOf.get(order);
    return row === undefined ? undefined : this.records.values[row - 2 - this.records.from];
  }

  /**
   * The Request ID cell of every row (trimmed; empty ones left out) and of every order added this run:
   * which ids the register holds, parsed or not, as the locked re-read under restore counts them.
   */
  ids(): Set<string> {
    const at = this.register.layout.indexOf.id;
    const out = new Set<string>();
    for (const row of this.cells) {
      const id = cellText(row[at]).trim();
      if (id !== '') out.add(id);
    }
    for (const order of this.added) out.add(order.id);
    return out;
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
          out.set(order, { order: parsed.order, disagreement, record: cells[stateIndex] });
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
        // Only the rows read into are parsed again.
        this.reads.push({ from, generation: this.reads.length + 1 });
      }
      this.readFrom.set(field, from);
    }
  }

  /** The orders parsed from data-row index `start` down (rows read into since parsed again), then those added. */
  private orders(start: number): WorkOrder[] {
    const { layout } = this.register;
    // Fields not read are absent from the sparse rows: they parse as empty.
    const parse = registerRowParser(layout, [...this.readFrom.keys()]);
    // The generation a row must be parsed at rises with the row: reads reach down from where they start.
    const marks = [...this.reads].sort((a, b) => a.from - b.from);
    let wanted = 0;
    let next = 0;
    const out: WorkOrder[] = [];
    for (let i = start; i < this.rows; i++) {
      while (next < marks.length && marks[next]!.from <= i)
        wanted = Math.max(wanted, marks[next++]!.generation);
      if (this.parsedAt[i] !== wanted || wanted === 0) {
        const row = this.cells[i] as unknown[];
        const parsed = isBlankRow(row) ? null : parse(row, i + 2);
        const order = parsed?.ok ? parsed.order : null;
        if (order) this.rowOf.set(order, i + 2);
        this.parsedRows[i] = order;
        this.parsedAt[i] = wanted;
      }
      const order = this.parsedRows[i];
      if (order) out.push(order);
    }
    out.push(...this.added);
    return out;
  }
}
