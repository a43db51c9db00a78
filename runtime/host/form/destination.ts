/**
 * The responses sheet, laid out as Google Forms lays it out: "Timestamp", then "Email Address" when
 * the form collects emails, then one column per question in form order. A question added later
 * gets a new column at the end; a renamed question renames its header; a deleted one keeps its
 * column. Checkbox answers are joined with ", ".
 */
import type { SpreadsheetModel } from '../spreadsheet/spreadsheet-model';
import type { CellValue } from '../spreadsheet/values';
import { formatDate } from '../services/date-format';
import type { ColumnKey, Destination, FormModel, ResponseModel } from './model';

export const TIMESTAMP_HEADER = 'Timestamp';
export const EMAIL_HEADER = 'Email Address';
/** How e.values shows the timestamp (the Sheets en-US default date-time display). */
export const TIMESTAMP_DISPLAY = 'M/d/yyyy H:mm:ss';

export interface AppendedRow {
  sheetName: string;
  row: number;
  /** Display strings, as the form-submit event's `e.values`. */
  values: string[];
  /**
   * Header → display strings, as `e.namedValues`: columns that share a header (two questions with one
   * title) give one key whose array holds each column's value in column order.
   */
  namedValues: Record<string, string[]>;
}

/** The first free "Form Responses N" name (Sheets compares tab names case-insensitively). */
function responsesSheetName(spreadsheet: SpreadsheetModel): string {
  const taken = new Set(spreadsheet.sheetModels().map((s) => s.name.toLowerCase()));
  let n = 1;
  while (taken.has(`form responses ${n}`)) n++;
  return `Form Responses ${n}`;
}

/** The columns the form needs now: the existing ones, plus email and new questions at the end. */
function currentColumns(form: FormModel, existing: readonly ColumnKey[]): ColumnKey[] {
  const columns: ColumnKey[] = existing.length > 0 ? [...existing] : ['timestamp'];
  if (form.collectEmail && !columns.includes('email')) {
    columns.push('email');
  }
  for (const item of form.items) if (!columns.includes(item.id)) columns.push(item.id);
  return columns;
}

function headerOf(form: FormModel, key: ColumnKey, previous: string | undefined): string {
  if (key === 'timestamp') return TIMESTAMP_HEADER;
  if (key === 'email') return EMAIL_HEADER;
  return form.item(key)?.title ?? previous ?? '';
}

/** Adds columns for new questions and rewrites the header row if any header changed. */
function syncHeader(form: FormModel, destination: Destination): void {
  const columns = currentColumns(form, destination.columns);
  const headers = columns.map((key, i) => headerOf(form, key, destination.headers[i]));
  const changed =
    columns.length !== destination.columns.length || headers.some((h, i) => h !== destination.headers[i]);
  if (!changed) return;
  destination.columns.splice(0, destination.columns.length, ...columns);
  destination.headers.splice(0, destination.headers.length, ...headers);
  destination.sheet.writeValues(1, 1, [headers]);
}

function cellOf(
  form: FormModel,
  key: ColumnKey,
  response: ResponseModel,
): { value: CellValue; display: string } {
  if (key === 'timestamp') return { value: new Date(response.timestamp.getTime()), display: '' };
  if (key === 'email') return { value: response.respondentEmail, display: response.respondentEmail };
  const answer = response.answers.get(key);
  const text = answer === undefined ? '' : Array.isArray(answer) ? answer.join(', ') : answer;
  return { value: text, display: text };
}

function writeResponse(form: FormModel, destination: Destination, response: ResponseModel): AppendedRow {
  const timeZone = destination.sheet.spreadsheet.timeZone;
  const cells = destination.columns.map((key) => cellOf(form, key, response));
  const row = destination.sheet.appendRowValues(cells.map((c) => c.value));
  const values = cells.map((c, i) =>
    destination.columns[i] === 'timestamp'
      ? formatDate(response.timestamp, timeZone, TIMESTAMP_DISPLAY)
      : c.display,
  );
  const namedValues: Record<string, string[]> = {};
  destination.headers.forEach((header, i) => {
    if (Object.prototype.hasOwnProperty.call(namedValues, header)) namedValues[header]!.push(values[i]!);
    // Defined, not assigned: a question titled "__proto__" is a key like any other.
    else
      Object.defineProperty(namedValues, header, {
        value: [values[i]!],
        enumerable: true,
        writable: true,
        configurable: true,
      });
  });
  return { sheetName: destination.sheet.name, row, values, namedValues };
}

/**
 * Links the form to a spreadsheet: a new "Form Responses N" tab inserted first, its header row,
 * every response so far (Google copies them), and the spreadsheet's and tab's form URL.
 */
export function linkSpreadsheet(form: FormModel, spreadsheet: SpreadsheetModel): Destination {
  unlink(form);
  form.formerDestinationId = null;
  const sheet = spreadsheet.insertSheetModel(responsesSheetName(spreadsheet), 0);
  const destination: Destination = { spreadsheetId: spreadsheet.id, sheet, columns: [], headers: [] };
  form.destination = destination;
  syncHeader(form, destination);
  for (const response of form.responses) writeResponse(form, destination, response);
  spreadsheet.formUrl = form.linkUrl;
  sheet.formUrl = form.linkUrl;
  return destination;
}

/** Form.removeDestination(): the tab and its rows stay, the link goes. */
export function unlink(form: FormModel): void {
  const destination = form.destination;
  if (!destination) return;
  form.destination = null;
  destination.sheet.formUrl = null;
  if (destination.sheet.spreadsheet.formUrl === form.linkUrl) destination.sheet.spreadsheet.formUrl = null;
}

/**
 * Form.removeDestination(), or "Unlink form" in the form's editor: unlinked, but the form goes on
 * answering the old spreadsheet's id to getDestinationId() (see Form.getDestinationId in form-app.ts).
 */
export function removeDestination(form: FormModel): void {
  const former = form.destination?.spreadsheetId ?? null;
  unlink(form);
  if (former !== null) form.formerDestinationId = former;
}

/** Appends one response to the destination tab (recreating the tab if someone deleted it). */
export function appendToDestination(form: FormModel, response: ResponseModel): AppendedRow | null {
  const destination = form.destination;
  if (!destination) return null;
  if (destination.sheet.deleted) {
    const spreadsheet = destination.sheet.spreadsheet;
    destination.sheet = spreadsheet.insertSheetModel(responsesSheetName(spreadsheet), 0);
    destination.sheet.formUrl = form.linkUrl;
    destination.headers.splice(0, destination.headers.length);
  }
  syncHeader(form, destination);
  return writeResponse(form, destination, response);
}
