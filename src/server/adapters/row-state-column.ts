/**
 * Setup's part of the "Last Known State" column (see row-state.ts): the header, a warning-only
 * protection, the column hidden, and a record for every row that has none yet. Idempotent: a second
 * run finds everything in place and reports nothing.
 */
import { parseRegisterRow, registerLayout } from '../../core/columns';
import {
  ROW_STATE_HEADER,
  ROW_STATE_PROTECTION,
  findRowStateColumn,
  parseRowState,
  serializeRowState,
} from './row-state';
import { readHeaderRow } from './workbook';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The parts of SetupReport this uses (kept structural so adapters do not import a feature). */
export interface RepairNotes {
  repaired: string[];
  warnings: string[];
}

function columnLetter(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/**
 * Warning-only, not a hard protection: the sidebar writes this column as the supervisor who acts and
 * the form trigger as the administrator, so a hard protection would have to list every supervisor.
 * The warning stops accidental pastes; the edit trigger undoes whatever still gets through.
 */
function protectColumn(sheet: Sheet, column: number): boolean {
  const range = sheet.getRange(`${columnLetter(column)}:${columnLetter(column)}`);
  const ours = sheet
    .getProtections(SpreadsheetApp.ProtectionType.RANGE)
    .filter((p) => p.getDescription() === ROW_STATE_PROTECTION);
  const right = ours.find((p) => p.getRange().getColumn() === column);
  for (const p of ours) if (p !== right) p.remove();
  if (right) return false;
  range.protect().setDescription(ROW_STATE_PROTECTION).setWarningOnly(true);
  return true;
}

/** People never need to see the column. */
function hideColumn(sheet: Sheet, column: number): void {
  sheet.hideColumns(column);
}

/**
 * Records the current values of every row that has no valid record (or one for another id): the
 * register as it stands becomes the baseline the edit trigger compares pastes against. One read and
 * at most one write, whatever the number of rows.
 */
function backfill(sheet: Sheet, header: readonly string[], column: number): number {
  const last = sheet.getLastRow();
  if (last < 2) return 0;
  const layout = registerLayout(header);
  const idIndex = layout.indexOf.id;
  if (idIndex < 0) return 0;
  const width = Math.max(header.length, column);
  const rows = sheet.getRange(2, 1, last - 1, width).getValues();
  let filled = 0;
  const cells = rows.map((cells, i) => {
    const current = cells[column - 1];
    const state = parseRowState(current);
    if (state && state.order.id === String(cells[idIndex]).trim()) return [current];
    const parsed = parseRegisterRow(cells, layout, i + 2);
    if (!parsed.ok) return [current];
    filled++;
    return [serializeRowState(parsed.order)];
  });
  if (filled > 0) sheet.getRange(2, column, cells.length, 1).setValues(cells);
  return filled;
}

/** Makes sure the register has its state column, protected, hidden and filled in. */
export function ensureRowStateColumn(sheet: Sheet, report: RepairNotes | null): void {
  let header = readHeaderRow(sheet);
  let index = findRowStateColumn(header);
  if (index < 0) {
    const column = header.length + 1;
    const extra = column - sheet.getMaxColumns();
    if (extra > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), extra);
    sheet.getRange(1, column).setValue(ROW_STATE_HEADER).setFontWeight('bold');
    header = [...header, ROW_STATE_HEADER];
    index = column - 1;
    report?.repaired.push(
      `Work Orders: added the hidden "${ROW_STATE_HEADER}" column the edit checks rely on`,
    );
  }
  const column = index + 1;
  if (protectColumn(sheet, column))
    report?.repaired.push(`Work Orders: protected the "${ROW_STATE_HEADER}" column`);
  hideColumn(sheet, column);
  const filled = backfill(sheet, header, column);
  if (filled > 0) report?.repaired.push(`Work Orders: recorded the current values of ${filled} row(s)`);
}
