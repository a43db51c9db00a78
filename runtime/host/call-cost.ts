import type { GasObject } from './gas-object';

/**
 * What a call costs on Google's side, for the accounting that budgets and the benchmark read.
 *
 * Apps Script's Spreadsheet objects are descriptors: building a reference (getRange, getSheet,
 * offset) or asking a range for its own coordinates (getRow, getA1Notation) is answered locally,
 * while reading or writing the document (getValues, getLastRow, setValues, appendRow…) goes to the
 * Sheets backend. Google's best-practices page and Tanaike's measurements price exactly those
 * backend round trips, so those are what "Spreadsheet calls" count. Every call, local or not, is
 * still recorded by name in `ExecutionStats.calls`.
 */
export type CallKind = 'local' | 'touch' | 'read' | 'write';

const LOCAL = new Set([
  'SpreadsheetApp.getUi',
  'SpreadsheetApp.newDataValidation',
  'SpreadsheetApp.flush',
  'Spreadsheet.getId',
  'Spreadsheet.getUrl',
  'Spreadsheet.getRange',
  'Sheet.getRange',
  'Sheet.getName',
  'Sheet.getSheetId',
  'Sheet.getParent',
  'Sheet.newChart',
  'Range.getRow',
  'Range.getColumn',
  'Range.getNumRows',
  'Range.getNumColumns',
  'Range.getLastRow',
  'Range.getLastColumn',
  'Range.getA1Notation',
  'Range.getSheet',
  'Range.getGridId',
  'Range.offset',
  'Range.getCell',
]);

/** Opening the document: Google's "first spreadsheet touch". */
const TOUCH = new Set([
  'SpreadsheetApp.getActive',
  'SpreadsheetApp.getActiveSpreadsheet',
  'SpreadsheetApp.openById',
  'SpreadsheetApp.openByUrl',
]);

/** Builders and value objects live entirely in the script. */
const LOCAL_CLASSES = new Set([
  'Charts',
  'DataValidationBuilder',
  'DataValidation',
  'EmbeddedChartBuilder',
  'EmbeddedLineChartBuilder',
  'EmbeddedColumnChartBuilder',
  'EmbeddedBarChartBuilder',
  'EmbeddedPieChartBuilder',
  'ChartOptions',
]);

/**
 * Methods that live on a Spreadsheet-family class but do not touch the document: a toast is a message
 * to the user's browser, the same kind of round trip as the Ui service's, so it is accounted there.
 */
const UI_METHODS = new Set(['Spreadsheet.toast']);

/** The service family a call is accounted to (normally the object's own). */
export function callFamily(object: GasObject, method: string): string {
  return UI_METHODS.has(`${object.gasClass}.${method}`) ? 'Ui' : object.gasService;
}

export function callKind(object: GasObject, method: string): CallKind {
  const key = `${object.gasClass}.${method}`;
  if (TOUCH.has(key)) return 'touch';
  if (LOCAL.has(key) || LOCAL_CLASSES.has(object.gasClass)) return 'local';
  return /^(get|is|has|can)([A-Z]|$)/.test(method) ? 'read' : 'write';
}
