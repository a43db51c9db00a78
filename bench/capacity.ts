/**
 * Live capacity under Google's 10-million-cell limit, from the real shapes of the sheets a benchmark
 * world holds (a sheet counts maxRows × maxColumns, every tab together).
 *
 * Per work order: one register row (the register's width), one form-response row (the responses
 * sheet's width: Google Forms appends a full-width row per submission) and its change-log rows (the
 * log's width × the history's rows per order). Everything else (Settings, Staff, Procedure, Outbox,
 * report tabs, …) is a fixed cost. Capacity = (10,000,000 − fixed) / cells per work order.
 */
import { MAX_CELLS } from '../runtime/host/spreadsheet/spreadsheet-model';
import type { SpreadsheetModel } from '../runtime/host/spreadsheet/store';
import { cellText } from '../src/core/headers';
import { SHEET_NAMES } from '../src/core/model';
import { CHECKLIST_ITEMS_HEADER_ROW } from '../src/core/checklist-items';
import { PARTS_HEADER_ROW, TIME_HEADER_ROW } from '../src/core/labour';
import { ROW_STATE_BUDGET, utf8Bytes } from '../src/core/row-state-codec';
import { findRowStateColumn, isVersion1State } from '../src/server/adapters/row-state';
import { RESPONSES_SHEET } from './fixtures/history';

export interface Capacity {
  /** The world measured: its work orders and change-log rows per order. */
  orders: number;
  logRowsPerOrder: number;
  registerColumns: number;
  changeLogColumns: number;
  responseColumns: number;
  /** Cells per 1,000 work orders. */
  registerPer1000: number;
  changeLogPer1000: number;
  responsesPer1000: number;
  /** Cells of every other tab (and of the growing tabs' spare rows), as measured. */
  fixedCells: number;
  /** Work orders with their history that fit: register + change log only. */
  capacityRegisterAndLog: number;
  /** … and counting the form's response row of each, as Google Forms writes it. */
  capacity: number;
  /** What each work order would have to cost, in cells, for 100,000 to fit. */
  cellsPerOrderFor100k: number;
  /** The register's text, and its hidden Last Known State column's, as measured. */
  bytes: RegisterBytes;
}

export interface RegisterBytes {
  rows: number;
  /** UTF-8 bytes of every register cell's text (dates as ISO-8601), per 1,000 rows. */
  registerPer1000: number;
  /** … of the Last Known State cells alone (one cell a row). */
  statePer1000: number;
  stateMeanPerRow: number;
  stateMaxPerRow: number;
  /** Rows whose state is over the budget (kept whole: written without the secret) or still JSON. */
  overBudget: number;
  version1: number;
  budget: number;
}

/** Bytes of the register's rows and of their Last Known State cells (one read of the sheet). */
export function measureRegisterBytes(model: SpreadsheetModel): RegisterBytes {
  const sheet = model.requireSheet(SHEET_NAMES.register);
  const width = Math.max(1, sheet.lastColumn());
  const rows = Math.max(0, sheet.lastRow() - 1);
  const header = sheet.readValues(1, 1, 1, width)[0] ?? [];
  const stateIndex = findRowStateColumn(header);
  const values = rows > 0 ? sheet.readValues(2, 1, rows, width) : [];
  let all = 0;
  let state = 0;
  let max = 0;
  let overBudget = 0;
  let version1 = 0;
  for (const row of values) {
    for (const [i, cell] of row.entries()) {
      const bytes = utf8Bytes(cellText(cell));
      all += bytes;
      if (i !== stateIndex) continue;
      state += bytes;
      max = Math.max(max, bytes);
      if (bytes > ROW_STATE_BUDGET) overBudget++;
      if (isVersion1State(cell)) version1++;
    }
  }
  const per1000 = (n: number): number => Math.round((n / Math.max(1, rows)) * 1000);
  return {
    rows,
    registerPer1000: per1000(all),
    statePer1000: per1000(state),
    stateMeanPerRow: state / Math.max(1, rows),
    stateMaxPerRow: max,
    overBudget,
    version1,
    budget: ROW_STATE_BUDGET,
  };
}

export function measureCapacity(model: SpreadsheetModel, orders: number, logRows: number): Capacity {
  const register = model.requireSheet(SHEET_NAMES.register);
  const log = model.requireSheet(SHEET_NAMES.changeLog);
  const responses = model.sheetModel(RESPONSES_SHEET);
  const logRowsPerOrder = logRows / Math.max(1, orders);
  const responseColumns = responses?.maxColumns ?? 0;
  const perOrderRegisterAndLog = register.maxColumns + log.maxColumns * logRowsPerOrder;
  const perOrder = perOrderRegisterAndLog + responseColumns;
  // Cells that do not grow with the work orders: everything except one row per order in the register
  // and the responses sheet and the log's rows.
  const growing =
    register.maxColumns * orders + log.maxColumns * logRows + (responses ? responseColumns * orders : 0);
  const fixedCells = model.totalCells() - growing;
  const free = MAX_CELLS - fixedCells;
  return {
    orders,
    logRowsPerOrder,
    registerColumns: register.maxColumns,
    changeLogColumns: log.maxColumns,
    responseColumns,
    registerPer1000: register.maxColumns * 1000,
    changeLogPer1000: Math.round(log.maxColumns * logRowsPerOrder * 1000),
    responsesPer1000: responseColumns * 1000,
    fixedCells,
    capacityRegisterAndLog: Math.floor(free / perOrderRegisterAndLog),
    capacity: Math.floor(free / perOrder),
    cellsPerOrderFor100k: Math.floor(free / 100_000),
    bytes: measureRegisterBytes(model),
  };
}

/** Capacity if each work order wrote `logRowsPerOrder` change-log rows instead (same sheet shapes). */
export function capacityWith(c: Capacity, logRowsPerOrder: number): number {
  const perOrder = c.registerColumns + c.responseColumns + c.changeLogColumns * logRowsPerOrder;
  return Math.floor((MAX_CELLS - c.fixedCells) / perOrder);
}

/**
 * An order's rows on the Time, Parts Used and Checklist Items tabs, which the generated history does
 * not hold (archiving moves them with their order, so they count while the order is live). ASSUMPTION
 * (no published figure; a team that logs its work):
 * two Time entries and half a Parts Used entry per order, and a five-item checklist copied at approval.
 */
export const WORK_RECORDS_PER_ORDER = { time: 2, parts: 0.5, checklistItems: 5 } as const;

/** Cells those rows take per order, at the tabs' widths as setup writes them. */
export function workRecordCellsPerOrder(): number {
  const per = WORK_RECORDS_PER_ORDER;
  return (
    per.time * TIME_HEADER_ROW.length +
    per.parts * PARTS_HEADER_ROW.length +
    per.checklistItems * CHECKLIST_ITEMS_HEADER_ROW.length
  );
}

/** Capacity with each order's work records (above) counted as well. */
export function capacityWithWorkRecords(c: Capacity): number {
  const perOrder =
    c.registerColumns +
    c.responseColumns +
    c.changeLogColumns * c.logRowsPerOrder +
    workRecordCellsPerOrder();
  return Math.floor((MAX_CELLS - c.fixedCells) / perOrder);
}
