/**
 * Setup's part of the "Last Known State" column (see row-state.ts): the header, a warning-only
 * protection, the column hidden, and a record for every row that has none yet. Idempotent: a second
 * run finds everything in place and reports nothing.
 */
import { parseRegisterRow, registerLayout } from '../../core/columns';
import { COMPACT_PREFIX, ROW_STATE_BUDGET, utf8Bytes } from '../../core/row-state-codec';
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

/** A compact record within the budget (one over it was written where the secret was not at hand). */
function isCompact(cell: unknown): boolean {
  return typeof cell === 'string' && cell.startsWith(COMPACT_PREFIX) && utf8Bytes(cell) <= ROW_STATE_BUDGET;
}

/** Rows one hold of the document lock looks at (~0.4 s when they all have a record). */
export const BACKFILL_ROWS = 10_000;

/**
 * Records the current values of every row in [first, first + count) that has no valid record (or one
 * for another id): the register as it stands becomes the baseline the edit trigger compares pastes
 * against. A record written before the compact format (JSON), or compact but over the budget (written
 * where the secret was not at hand), is rewritten compact from itself, so the baseline stays what it was (one kept only as fingerprints of a very long text stays JSON: it still
 * works). Two column reads (ids, records); only when some rows lack one, one read of the rows from
 * the first to the last of them; one write of the records between the first and last row changed.
 * Returns the rows filled (conversions are not counted: nothing changes for anyone).
 */
function backfillRows(
  sheet: Sheet,
  header: readonly string[],
  column: number,
  first: number,
  count: number,
): number {
  const layout = registerLayout(header);
  const idIndex = layout.indexOf.id;
  if (idIndex < 0 || count <= 0) return 0;
  const ids = sheet.getRange(first, idIndex + 1, count, 1).getValues();
  const states = sheet.getRange(first, column, count, 1).getValues();
  const lacking: number[] = [];
  const rewritten = new Map<number, string>();
  states.forEach(([current], i) => {
    const id = String(ids[i]?.[0] ?? '').trim();
    if (id === '') return;
    const state = parseRowState(current);
    if (!state || state.order.id !== id) lacking.push(i);
    else if (Object.keys(state.fingerprints).length === 0 && !isCompact(current)) {
      const compact = serializeRowState(state.order, state.noted);
      if (compact !== current) rewritten.set(i, compact);
    }
  });
  if (lacking.length === 0 && rewritten.size === 0) return 0;
  let filled = 0;
  if (lacking.length > 0) {
    const lo = lacking[0] as number;
    const hi = lacking[lacking.length - 1] as number;
    const width = Math.max(header.length, column);
    const rows = sheet.getRange(first + lo, 1, hi - lo + 1, width).getValues();
    rows.forEach((cells, i) => {
      const current = cells[column - 1];
      const state = parseRowState(current);
      if (state && state.order.id === String(cells[idIndex]).trim()) return;
      const parsed = parseRegisterRow(cells, layout, first + lo + i);
      if (!parsed.ok) return;
      filled++;
      rewritten.set(lo + i, serializeRowState(parsed.order));
    });
  }
  if (rewritten.size === 0) return 0;
  const changed = [...rewritten.keys()].sort((a, b) => a - b);
  const lo = changed[0] as number;
  const hi = changed[changed.length - 1] as number;
  const cells = states.slice(lo, hi + 1).map(([current], i) => [rewritten.get(lo + i) ?? current]);
  sheet.getRange(first + lo, column, cells.length, 1).setValues(cells);
  return filled;
}

/**
 * Gives every row its record, BACKFILL_ROWS rows per hold of the lock (`withLock` takes it), so no
 * hold is long at 100,000 rows (one read of every row and column took ~30 s): writers get in between
 * the holds, and each hold reads its rows afresh, so a record another execution wrote meanwhile is
 * kept. Returns the rows filled.
 */
export function backfillRowStates(sheet: Sheet, withLock: <T>(body: () => T) => T): number {
  const header = readHeaderRow(sheet);
  const index = findRowStateColumn(header);
  if (index < 0) return 0;
  let filled = 0;
  for (let first = 2; first <= sheet.getLastRow(); first += BACKFILL_ROWS) {
    filled += withLock(() => {
      const count = Math.min(BACKFILL_ROWS, sheet.getLastRow() - first + 1);
      return backfillRows(sheet, header, index + 1, first, count);
    });
  }
  return filled;
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
  const column = index + 1;
  if (protectColumn(sheet, column))
    report?.repaired.push(`Work Orders: protected the "${ROW_STATE_HEADER}" column`);
  hideColumn(sheet, column);
}
