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
import { SHEET_NAMES } from '../src/core/model';
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
  };
}

/** Capacity if each work order wrote `logRowsPerOrder` change-log rows instead (same sheet shapes). */
export function capacityWith(c: Capacity, logRowsPerOrder: number): number {
  const perOrder = c.registerColumns + c.responseColumns + c.changeLogColumns * logRowsPerOrder;
  return Math.floor((MAX_CELLS - c.fixedCells) / perOrder);
}
