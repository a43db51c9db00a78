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
  'Sheet.getRangeList',
  'RangeList.getRanges',
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

/**
 * Handle getters: they return the object a later call goes through (a property store, a lock, a
 * cache) and do not themselves fetch or change anything; the get/set, tryLock/release or put that
 * follows is the round trip. Published measurements time the chain as a whole and price the second
 * call: Luis Peralta, "Apps Script performance" (ziritione.org/post/apps_script_performance) gives
 * `PropertiesService.getScriptProperties().getProperty(k)` ~30 ms on average, `….setProperty` ~62 ms,
 * `CacheService.getScriptCache().put` ~93 ms and `….get` ~3 ms: a getter that cost a round trip of
 * its own would put a floor under the cache read that the 3 ms rules out. So they are local; a null
 * answer (getDocumentLock outside a document) is decided from the execution's own context.
 */
const HANDLE_GETTERS = new Set([
  'PropertiesService.getDocumentProperties',
  'PropertiesService.getUserProperties',
  'PropertiesService.getScriptProperties',
  'LockService.getDocumentLock',
  'LockService.getUserLock',
  'LockService.getScriptLock',
  'CacheService.getDocumentCache',
  'CacheService.getUserCache',
  'CacheService.getScriptCache',
]);

/** Opening the document: Google's "first spreadsheet touch". */
const TOUCH = new Set([
  'SpreadsheetApp.getActive',
  'SpreadsheetApp.getActiveSpreadsheet',
  'SpreadsheetApp.openById',
  'SpreadsheetApp.openByUrl',
]);

/**
 * Builders and value objects live entirely in the script. A User (Protection.getEditors,
 * Spreadsheet.getOwner, Session.getActiveUser) is the answer of the call that returned it: its
 * getEmail reads the value it carries, like a Range's getRow.
 */
const LOCAL_CLASSES = new Set([
  'User',
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
  if (LOCAL.has(key) || HANDLE_GETTERS.has(key) || LOCAL_CLASSES.has(object.gasClass)) return 'local';
  return /^(get|is|has|can)([A-Z]|$)/.test(method) ? 'read' : 'write';
}
