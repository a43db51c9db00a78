/**
 * The naive baseline: the same operations written the way typical Apps Script tutorials write them,
 * one service call per row or per cell ("for each row: sheet.getRange(r, c).getValue()"), appendRow
 * per log line, setValue per stamped field. It computes the same things (the reports use the same
 * core aggregation) so that only the service-call pattern differs from the add-on. Bundled on its own
 * by bench/naive/bundle.ts and run in the same local runtime through LocalAppsScript.fromSource.
 *
 * Deliberately not "fixed": it is the measuring stick, not product code.
 */
import { REGISTER_HEADER_ROW } from '../../src/core/columns';
import { CHANGE_LOG_HEADERS, SHEET_NAMES, type ChangeLogEntry, type WorkOrder } from '../../src/core/model';
import { formatChanges } from '../../src/core/change-lines';
import { entriesOfRow } from '../../src/core/change-log-row';
import { computeReports, reportTables } from '../../src/core/reports';
import { registerLayout, rowToWorkOrder } from '../../src/core/columns';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const col = (header: string): number => REGISTER_HEADER_ROW.indexOf(header) + 1;
const ID = col('Request ID');
const WO = col('WO Number');
const STATUS = col('Status');
const ASSIGNEE = col('Assignee');
const DUE = col('Due');
const CLOSED_AT = col('Closed At');
const WIDTH = REGISTER_HEADER_ROW.length;
const STAFF_HEADERS = ['Email', 'Name', 'Role', 'Active'];
const OPEN = ['Submitted', 'Approved', 'Assigned', 'In Progress', 'On Hold'];
const RETENTION_DAYS = 730;

function sheetNamed(ss: Spreadsheet, name: string): Sheet {
  const sheet = ss.getSheetByName(name);
  if (!sheet) throw new Error(`No sheet ${name}`);
  return sheet;
}

function writeHeaders(sheet: Sheet, headers: readonly string[]): void {
  if (sheet.getMaxColumns() < headers.length)
    sheet.insertColumnsAfter(sheet.getMaxColumns(), headers.length - sheet.getMaxColumns());
  for (let i = 0; i < headers.length; i++) {
    sheet.getRange(1, i + 1).setValue(headers[i]);
    sheet.getRange(1, i + 1).setFontWeight('bold');
  }
}

/** Setup: each sheet, its headers cell by cell, the staff cell by cell, the edit trigger. */
export function naiveSetup(staff: unknown[][]): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const tabs: [string, readonly string[]][] = [
    [SHEET_NAMES.register, REGISTER_HEADER_ROW],
    [SHEET_NAMES.changeLog, CHANGE_LOG_HEADERS],
    [SHEET_NAMES.staff, STAFF_HEADERS],
    [SHEET_NAMES.archive, REGISTER_HEADER_ROW],
  ];
  for (const [name, headers] of tabs) {
    let sheet = ss.getSheetByName(name);
    if (!sheet) sheet = ss.insertSheet(name);
    writeHeaders(sheet, headers);
  }
  const staffSheet = sheetNamed(ss, SHEET_NAMES.staff);
  for (let r = 0; r < staff.length; r++) {
    const row = staff[r] ?? [];
    for (let c = 0; c < row.length; c++) staffSheet.getRange(r + 2, c + 1).setValue(row[c]);
  }
  ScriptApp.newTrigger('naiveOnEdit').forSpreadsheet(ss).onEdit().create();
}

function logChange(
  ss: Spreadsheet,
  user: string,
  source: string,
  id: string,
  field: string,
  oldValue: unknown,
  newValue: unknown,
): void {
  sheetNamed(ss, SHEET_NAMES.changeLog).appendRow([
    new Date(),
    user,
    source,
    id,
    formatChanges([{ field, oldValue: String(oldValue), newValue: String(newValue) }]),
    '',
  ]);
}

/** Form submit: find the highest id row by row, append the row, log, acknowledge. */
export function naiveOnFormSubmit(e: { values: string[] }): string {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = sheetNamed(ss, SHEET_NAMES.register);
  const lastRow = sheet.getLastRow();
  let max = 0;
  for (let r = 2; r <= lastRow; r++) {
    const n = Number(String(sheet.getRange(r, ID).getValue()).replace('REQ-', ''));
    if (n > max) max = n;
  }
  const id = `REQ-${String(max + 1).padStart(6, '0')}`;
  const [timestamp, email, name, description, location, urgency, resources] = e.values;
  const row = new Array<unknown>(WIDTH).fill('');
  row[ID - 1] = id;
  row[STATUS - 1] = 'Submitted';
  row[col('Requested At') - 1] = new Date(String(timestamp));
  row[col('Requester Email') - 1] = email;
  row[col('Requester Name') - 1] = name;
  row[col('Location') - 1] = location;
  row[col('Description') - 1] = description;
  row[col('Urgency') - 1] = urgency;
  row[col('Required Resources') - 1] = resources;
  row[col('Revision') - 1] = 1;
  sheet.appendRow(row);
  logChange(ss, String(email), 'form', id, 'Created', '', 'Submitted');
  MailApp.sendEmail(String(email), `We received your request ${id}`, `Thank you, ${String(name)}.`);
  return id;
}

/** Sidebar open: every row's status read one by one; each waiting row read in full; staff row by row. */
export function naiveOpenSidebar(): number {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = sheetNamed(ss, SHEET_NAMES.register);
  const pending: unknown[][] = [];
  const lastRow = sheet.getLastRow();
  for (let r = 2; r <= lastRow; r++) {
    const status = sheet.getRange(r, STATUS).getValue();
    if (status === 'Submitted' || status === 'Approved' || status === 'Completed') {
      pending.push(sheet.getRange(r, 1, 1, WIDTH).getValues()[0] ?? []);
    }
  }
  const staff = sheetNamed(ss, SHEET_NAMES.staff);
  const technicians: string[] = [];
  for (let r = 2; r <= staff.getLastRow(); r++) {
    if (staff.getRange(r, 3).getValue() === 'Technician')
      technicians.push(String(staff.getRange(r, 1).getValue()));
  }
  SpreadsheetApp.getUi().showSidebar(
    HtmlService.createHtmlOutput(`<p>${pending.length} waiting, ${technicians.length} technicians</p>`),
  );
  return pending.length;
}

function findRow(sheet: Sheet, id: string): number {
  const lastRow = sheet.getLastRow();
  for (let r = 2; r <= lastRow; r++) if (sheet.getRange(r, ID).getValue() === id) return r;
  throw new Error(`No work order ${id}`);
}

/** Approve and assign: find the row and the next WO number row by row, set and log each field. */
export function naiveApproveAssign(request: {
  id: string;
  category: string;
  priority: string;
  assignee: string;
}): string {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = sheetNamed(ss, SHEET_NAMES.register);
  const user = Session.getActiveUser().getEmail();
  const row = findRow(sheet, request.id);
  let max = 0;
  const year = new Date().getFullYear();
  for (let r = 2; r <= sheet.getLastRow(); r++) {
    const wo = String(sheet.getRange(r, WO).getValue());
    if (wo.startsWith(`WO-${year}-`)) max = Math.max(max, Number(wo.slice(8)));
  }
  const now = new Date();
  const changes: [string, unknown][] = [
    ['Status', 'Approved'],
    ['WO Number', `WO-${year}-${String(max + 1).padStart(5, '0')}`],
    ['Category', request.category],
    ['Priority', request.priority],
    ['Due', new Date(now.getTime() + 5 * 86_400_000)],
    ['Decided By', user],
    ['Decided At', now],
    ['Status', 'Assigned'],
    ['Assignee', request.assignee],
    ['Assigned At', now],
  ];
  for (const [header, value] of changes) {
    const cell = sheet.getRange(row, col(header));
    const old = cell.getValue();
    cell.setValue(value);
    logChange(ss, user, 'sidebar', request.id, header, old, value);
  }
  const requester = String(sheet.getRange(row, col('Requester Email')).getValue());
  MailApp.sendEmail(requester, `Request ${request.id} approved`, 'Your request was approved.');
  MailApp.sendEmail(request.assignee, `Work order ${request.id} assigned to you`, 'Please start.');
  return request.id;
}

/** Installable edit trigger: every edited cell checked and logged on its own. */
export function naiveOnEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  const range = e.range;
  const sheet = range.getSheet();
  if (sheet.getName() !== SHEET_NAMES.register) return;
  const ss = sheet.getParent();
  const user = Session.getActiveUser().getEmail();
  for (let i = 1; i <= range.getNumRows(); i++) {
    for (let j = 1; j <= range.getNumColumns(); j++) {
      const cell = range.getCell(i, j);
      const row = cell.getRow();
      const header = String(sheet.getRange(1, cell.getColumn()).getValue());
      const id = String(sheet.getRange(row, ID).getValue());
      const assignee = String(sheet.getRange(row, ASSIGNEE).getValue());
      const value = cell.getValue();
      if (assignee !== user) {
        cell.setValue(e.oldValue ?? '');
        cell.setNote('Only the assignee may edit this row.');
        continue;
      }
      if (header === 'Status' && value === 'In Progress')
        sheet.getRange(row, col('Started At')).setValue(new Date());
      if (header === 'Status' && value === 'Completed')
        sheet.getRange(row, col('Completed At')).setValue(new Date());
      logChange(ss, user, 'sheet edit', id, header, e.oldValue ?? '', value);
    }
  }
}

/** Hourly: every row's status and due date read one by one; an email per overdue order. */
export function naiveHourly(spreadsheetId: string): number {
  const ss = SpreadsheetApp.openById(spreadsheetId);
  const sheet = sheetNamed(ss, SHEET_NAMES.register);
  const now = new Date();
  let reminded = 0;
  for (let r = 2; r <= sheet.getLastRow(); r++) {
    const status = String(sheet.getRange(r, STATUS).getValue());
    const due = sheet.getRange(r, DUE).getValue();
    if (!OPEN.includes(status) || !(due instanceof Date) || due >= now) continue;
    const assignee = String(sheet.getRange(r, ASSIGNEE).getValue());
    const id = String(sheet.getRange(r, ID).getValue());
    if (assignee === '' || MailApp.getRemainingDailyQuota() < 1) continue;
    MailApp.sendEmail(assignee, `Overdue: ${id}`, 'This work order is overdue.');
    reminded++;
  }
  return reminded;
}

/** Reports: register and change log read row by row, each report row appended on its own. */
export function naiveBuildReports(): number {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = sheetNamed(ss, SHEET_NAMES.register);
  const layout = registerLayout(sheet.getRange(1, 1, 1, WIDTH).getValues()[0] ?? []);
  const orders: WorkOrder[] = [];
  for (let r = 2; r <= sheet.getLastRow(); r++) {
    orders.push(rowToWorkOrder(sheet.getRange(r, 1, 1, WIDTH).getValues()[0] ?? [], layout, r));
  }
  const log = sheetNamed(ss, SHEET_NAMES.changeLog);
  const changes: ChangeLogEntry[] = [];
  for (let r = 2; r <= log.getLastRow(); r++) {
    const v = log.getRange(r, 1, 1, CHANGE_LOG_HEADERS.length).getValues()[0] ?? [];
    changes.push(...entriesOfRow(v));
  }
  const tabs = reportTables(
    computeReports({ orders, changes, now: new Date(), timeZone: ss.getSpreadsheetTimeZone() }),
  );
  let written = 0;
  for (const tab of tabs) {
    let out = ss.getSheetByName(tab.name);
    if (out) out.clear();
    else out = ss.insertSheet(tab.name);
    for (const row of tab.values) {
      out.appendRow(row);
      written++;
    }
    for (const chart of tab.charts) {
      let builder = out.newChart().setChartType(Charts.ChartType.LINE);
      for (const r of chart.ranges)
        builder = builder.addRange(out.getRange(r.row, r.col, r.numRows, r.numCols));
      out.insertChart(builder.setPosition(chart.anchor.row, chart.anchor.col, 0, 0).build());
    }
  }
  return written;
}

/** Archive: from the bottom up, each row's status and closing date read; each old row copied and deleted. */
export function naiveArchive(): number {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = sheetNamed(ss, SHEET_NAMES.register);
  const archive = sheetNamed(ss, SHEET_NAMES.archive);
  const cutoff = new Date(Date.now() - RETENTION_DAYS * 86_400_000);
  let moved = 0;
  for (let r = sheet.getLastRow(); r >= 2; r--) {
    if (sheet.getRange(r, STATUS).getValue() !== 'Closed') continue;
    const closedAt = sheet.getRange(r, CLOSED_AT).getValue();
    if (!(closedAt instanceof Date) || closedAt >= cutoff) continue;
    archive.appendRow(sheet.getRange(r, 1, 1, WIDTH).getValues()[0] ?? []);
    sheet.deleteRow(r);
    moved++;
  }
  return moved;
}

export const entryPoints = {
  naiveSetup,
  naiveOnFormSubmit,
  naiveOpenSidebar,
  naiveApproveAssign,
  naiveOnEdit,
  naiveHourly,
  naiveBuildReports,
  naiveArchive,
};
