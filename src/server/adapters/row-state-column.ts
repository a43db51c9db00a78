/**
 * Setup's part of the "Last Known State" column (see row-state.ts): the header, a warning-only
 * protection and the column hidden. The rows' records are ./row-state-backfill's. Idempotent: a second
 * run finds everything in place and reports nothing.
 */
import { ROW_STATE_HEADER, ROW_STATE_PROTECTION, findRowStateColumn } from './row-state';
import { readHeaderRow } from './workbook';
import { columnLetter } from '../../core/a1';
import type { Sheet } from './apps-script-types';

/** The parts of SetupReport this uses (kept structural so adapters do not import a feature). */
export interface RepairNotes {
  repaired: string[];
  warnings: string[];
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
 * Makes sure the register has its state column, protected and hidden; the records themselves are
 * filled in by backfillRowStates, in chunks, after setup's own hold of the lock.
 */
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
}

/**
 * The column's warning-only protection, and the column hidden. Apart from ensureRowStateColumn so
 * setup can run it without the document lock: no writer reads or changes protections, and finding
 * this one asks every range protection of the register its description (about 200 on a register the
 * hourly job grew to 100,000 rows: some 20 s of calls).
 */
export function protectRowStateColumn(sheet: Sheet, report: RepairNotes | null): void {
  const index = findRowStateColumn(readHeaderRow(sheet));
  if (index < 0) return;
  const column = index + 1;
  if (protectColumn(sheet, column))
    report?.repaired.push(`Work Orders: protected the "${ROW_STATE_HEADER}" column`);
  hideColumn(sheet, column);
}
