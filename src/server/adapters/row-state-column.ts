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

/** A compact record within the budget (one over it was written where the secret was not at hand). */
function isCompact(cell: unknown): boolean {
  return typeof cell === 'string' && cell.startsWith(COMPACT_PREFIX) && utf8Bytes(cell) <= ROW_STATE_BUDGET;
}

/**
 * Rows looked at in one go: two column reads, and each record parsed to check it belongs to its row
 * (about 1 to 2 s of JavaScript for 10,000 rows here, ×4 in Apps Script); a chunk that needs filling
 * holds the lock while it re-reads and fills at most this many rows.
 */
export const BACKFILL_ROWS = 5_000;

/**
 * Whether a row's record cell needs writing: none, or not its row's (`id`), or an older JSON record or
 * an over-budget compact one that a rewrite makes compact.
 */
function needsRecord(current: unknown, id: string): boolean {
  const state = parseRowState(current);
  if (!state || state.order.id !== id) return true;
  return Object.keys(state.fingerprints).length === 0 && !isCompact(current);
}

/** Offsets (0-based, within the rows read) of the rows with an id whose record needs writing. */
function rowsLackingRecord(
  sheet: Sheet,
  header: readonly string[],
  column: number,
  first: number,
  count: number,
): number[] {
  const idIndex = registerLayout(header).indexOf.id;
  if (idIndex < 0 || count <= 0) return [];
  const ids = sheet.getRange(first, idIndex + 1, count, 1).getValues();
  const states = sheet.getRange(first, column, count, 1).getValues();
  const lacking: number[] = [];
  states.forEach(([current], i) => {
    const id = String(ids[i]?.[0] ?? '').trim();
    if (id !== '' && needsRecord(current, id)) lacking.push(i);
  });
  return lacking;
}

/**
 * Records the current values of every row in [first, first + count) that has no valid record (or one
 * for another id): the register as it stands becomes the baseline the edit trigger compares pastes
 * against. A record written before the compact format (JSON), or compact but over the budget (written
 * where the secret was not at hand), is rewritten compact from itself, so the baseline stays what it
 * was (one kept only as fingerprints of a very long text stays JSON: it still works). Two column reads (ids, records); only when some rows lack one, one read of the rows from
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
 * Gives every row its record. Which rows lack one is found BACKFILL_ROWS rows at a time without the
 * lock (parsing every record is most of the work: at 100,000 rows, seconds of JavaScript per chunk);
 * only a chunk where some rows lack one takes the lock (`withLock`), re-reads the rows from the first
 * to the last of them and fills them, so a record another execution wrote meanwhile is kept. On a
 * register whose rows all have their record, setup holds no lock here at all. Returns the rows filled.
 */
export function backfillRowStates(sheet: Sheet, withLock: <T>(body: () => T) => T): number {
  const header = readHeaderRow(sheet);
  const index = findRowStateColumn(header);
  if (index < 0) return 0;
  let filled = 0;
  for (let first = 2; first <= sheet.getLastRow(); first += BACKFILL_ROWS) {
    const count = Math.min(BACKFILL_ROWS, sheet.getLastRow() - first + 1);
    const lacking = rowsLackingRecord(sheet, header, index + 1, first, count);
    if (lacking.length === 0) continue;
    const lo = lacking[0] as number;
    const hi = lacking[lacking.length - 1] as number;
    filled += withLock(() => backfillRows(sheet, header, index + 1, first + lo, hi - lo + 1));
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
