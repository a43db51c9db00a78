/**
 * Edits outside the register's data rows that the trigger still has a word to say about:
 *  - the register's header row (columns are found by header: renaming one breaks the add-on),
 *  - the Staff and Settings tabs (roles and lists; the cached copy is dropped so changes apply at once),
 *  - the Change Log (append-only).
 * Each is logged, one change-log row per edit, and put back where that is both possible and right.
 */
import { REGISTER_HEADER_ROW, normalizeHeader } from '../../../core/columns';
import { SHEET_NAMES, isTabNamed } from '../../../core/model';
import { roleOf } from '../../../core/staff';
import { roleMay } from '../../../core/permissions';
import { noteAssignability } from '../review/staff-assignability';
import { asCellText } from '../../../core/sanitize';
import type { UnhashedEntry } from '../../../core/audit';
import { appendChangeLog } from '../../adapters/change-log';
import { forgetChangeLogTail } from '../../adapters/change-log-tail';
import { withOwnerAndDocumentLocks } from '../../adapters/document-lock';
import { loadReferenceData } from '../../adapters/reference-data';
import { cachedRegisterShape, forgetRegisterShape } from '../../adapters/register-shape';
import { ROW_STATE_HEADER } from '../../adapters/row-state';
import { readCells, writeCells } from '../../adapters/edited-cells';
import { readHeaderRow } from '../../adapters/workbook';
import { currentUserEmail } from '../../adapters/session';
import { typedText } from './cells';
import { judgeReferenceEdit } from './reference-edit';
import type { EditedRange } from './register-edit';
import { columnLetter } from '../../../core/a1';
import type { Spreadsheet, Sheet } from '../../adapters/apps-script-types';

const SOURCE = 'sheet edit' as const;
const OWNED_HEADERS = new Set([...REGISTER_HEADER_ROW, ROW_STATE_HEADER].map(normalizeHeader));

function a1(range: EditedRange): string {
  const start = `${columnLetter(range.column)}${range.row}`;
  if (range.numRows === 1 && range.numColumns === 1) return start;
  return `${start}:${columnLetter(range.column + range.numColumns - 1)}${range.row + range.numRows - 1}`;
}

function log(ss: Spreadsheet, entries: UnhashedEntry[]): void {
  if (entries.length > 0) withOwnerAndDocumentLocks(() => appendChangeLog(ss, entries, {}));
}

/** Whether the remembered header row reads as `current` outside the edited cells. */
function stillHolds(remembered: readonly string[], current: readonly string[], range: EditedRange): boolean {
  const first = range.column - 1;
  const last = first + range.numColumns - 1;
  const width = Math.max(remembered.length, current.length);
  for (let i = 0; i < width; i++) {
    if (i >= first && i <= last) continue;
    if (normalizeHeader(remembered[i] ?? '') !== normalizeHeader(current[i] ?? '')) return false;
  }
  return true;
}

/**
 * Which of the `typed` headers (from `column` on) name one of the add-on's columns that another
 * column of the `current` header row has too.
 */
function ownHeadersElsewhere(
  current: readonly string[],
  column: number,
  typed: readonly string[],
): Set<number> {
  const found = new Set<number>();
  const own = typed.map((t) => normalizeHeader(t)).map((h) => (OWNED_HEADERS.has(h) ? h : null));
  const header = current.map(normalizeHeader);
  own.forEach((h, j) => {
    if (h !== null && header.some((other, i) => other === h && i !== column - 1 + j)) found.add(j);
  });
  return found;
}

/**
 * Row 1 of the register. The remembered layout is dropped either way. Administrators may rename,
 * add or reword headers (a renamed add-on header is reported: setup puts it back); anyone else's
 * change to one of the add-on's own headers is put back from the remembered header row (or the
 * event's old value), since the whole add-on finds its columns by those names.
 */
export function handleHeaderEdit(
  ss: Spreadsheet,
  sheet: Sheet,
  range: EditedRange,
  newValue: string | undefined,
): string | null {
  // The header row as the edit left it: one read, whatever was typed. Columns inserted or deleted
  // (which no edit trigger sees) shift the remembered row, so it speaks for the edited cells only when
  // every other cell still reads as it remembers.
  const current = readHeaderRow(sheet);
  const cached = cachedRegisterShape()?.header ?? null;
  const remembered = cached && stillHolds(cached, current, range) ? cached : null;
  forgetRegisterShape();
  const user = currentUserEmail();
  const reference = loadReferenceData(ss);
  const isAdmin = roleMay(roleOf(reference.staff, user), 'administer');
  // The event has the old and new value only when the whole edit was this one cell.
  const single = range.oldValue !== undefined;
  const cells = { row: 1, column: range.column, numRows: 1, numColumns: range.numColumns };
  const typed = single ? [newValue ?? ''] : (readCells(sheet, cells)[0] ?? []).map(typedText);
  const now = new Date();
  const entries: UnhashedEntry[] = [];
  const restored: string[] = [];
  let putBack = false;
  let lost = false;
  const warnings: string[] = [];
  const elsewhere = ownHeadersElsewhere(current, range.column, typed);
  const logHeader = (index: number, oldValue: string, newValue: string, refused = false): void => {
    const field = `Header ${columnLetter(index + 1)}1${refused ? ' (refused)' : ''}`;
    entries.push({
      at: now,
      user,
      source: SOURCE,
      recordId: SHEET_NAMES.register,
      field,
      oldValue,
      newValue,
    });
  };
  /** Puts the header cell `j` back to `before`, logging what was typed and why it was refused. */
  const refuse = (j: number, before: string, value: string, why: string): void => {
    restored[j] = before;
    putBack = true;
    logHeader(range.column - 1 + j, before, `${value} [${why}]`, true);
  };
  typed.forEach((value, j) => {
    const index = range.column - 1 + j;
    const old = remembered ? (remembered[index] ?? '') : single ? (range.oldValue ?? '') : null;
    restored.push(value);
    if (elsewhere.has(j)) {
      // A second column under one of the add-on's names: every reader would take one of the two (the
      // real column's values hidden, orders gone from the sidebars). The remembered header cannot tell
      // what the cell held when a column was inserted (no edit trigger sees that): empty it.
      const before = old !== null && normalizeHeader(old) !== normalizeHeader(value) ? old : '';
      refuse(j, before, value, `another column is already named "${value}"`);
      return;
    }
    if (old !== null && old === value) return;
    const wasOurs = old !== null && OWNED_HEADERS.has(normalizeHeader(old));
    if (!isAdmin && wasOurs) {
      refuse(j, old, value, "only an administrator may rename the add-on's columns");
      return;
    }
    if (old === null && !isAdmin) lost = true;
    if (wasOurs && !OWNED_HEADERS.has(normalizeHeader(value)))
      warnings.push(`"${old}" is no longer a column header: run Set up work orders to put it back`);
    logHeader(index, old ?? '', value);
  });
  if (putBack) writeCells(sheet, cells, [restored.map((v) => asCellText(v).cell)]);
  log(ss, entries);
  if (elsewhere.size > 0)
    return 'Another column already has that header, which the add-on finds its column by: the header was put back.';
  if (putBack)
    return "Only an administrator may rename the add-on's column headers: the header was put back.";
  if (lost) return 'Header edits are logged; only an administrator should change them.';
  return warnings.length > 0 ? warnings.join('; ') : null;
}

/**
 * The Staff and Settings tabs decide who may do what: a hand edit is judged at once against the tabs
 * as last accepted (./reference-edit.ts), accepted and logged, or put back whole with a note.
 */
export function handleReferenceEdit(
  ss: Spreadsheet,
  sheet: Sheet,
  range: EditedRange,
  _newValue: string | undefined,
): { toast: string | null; changed: boolean } {
  const outcome = judgeReferenceEdit(ss, sheet, range);
  log(ss, outcome.entries);
  // After an accepted Staff edit, rows that cannot be given work yet say why.
  if (outcome.accepted && isTabNamed(sheet.getName(), SHEET_NAMES.staff)) noteAssignability(sheet);
  // Only a change that stands is one (a refused edit put everything back).
  return { toast: outcome.toast, changed: outcome.accepted && outcome.entries.length > 0 };
}

/**
 * The Change Log is append-only (the hash chain shows any change to it; Verify audit log names the
 * first broken row). An edit is not undone, which would need the old content the event does not
 * carry for a paste: it is recorded, who and where, as the next row of the log itself, and the user
 * is told to undo it.
 */
export function handleChangeLogEdit(
  ss: Spreadsheet,
  range: EditedRange,
  newValue: string | undefined,
): string {
  forgetChangeLogTail();
  const single = range.numRows === 1 && range.numColumns === 1;
  const where = a1(range);
  log(ss, [
    {
      at: new Date(),
      user: currentUserEmail(),
      source: SOURCE,
      recordId: SHEET_NAMES.changeLog,
      field: `Edited by hand (${where})`,
      oldValue: single ? (range.oldValue ?? '') : '',
      newValue: single ? (newValue ?? '') : `${range.numRows * range.numColumns} cells pasted`,
    },
  ]);
  return `The Change Log is append-only: this edit to ${where} was recorded and Verify audit log will report it. Use Undo (Ctrl+Z) to put it back.`;
}
