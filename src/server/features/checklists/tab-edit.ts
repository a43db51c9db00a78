/**
 * A hand edit of the Checklists tab (protected: administrators only), judged at once against the tab
 * as last accepted, like the Staff and Settings tabs (edits/reference-edit.ts): refused whole when the
 * editor is not an administrator or a row it touched is invalid (every changed cell put back as it
 * was, with a note saying what is wrong and what is accepted); accepted otherwise, each changed cell
 * logged and the accepted copy recorded again. Orders already approved keep the checklist they got.
 * With no accepted copy kept (its property deleted, or the tab too large to keep), a paste is judged on its own rows and, refused,
 * stands as typed with a note saying so: put back from nothing, it would blank the rows it covered.
 */
import type { UnhashedEntry } from '../../../core/audit';
import {
  CHECKLIST_COLUMNS,
  CHECKLIST_HEADER_ROW,
  CHECKLISTS_ACCEPTED,
  CHECKLISTS_SHEET,
  judgeChecklistsEdit,
  parseChecklists,
} from '../../../core/checklists';
import { PUT_BACK_NOTE, putBackBlock, type ChangedCell, type Grid } from '../../../core/settings-edit';
import { cellText, mapHeaders } from '../../../core/headers';
import { droppedFrom } from '../../../core/names-left-behind';
import { checkNamesLeftBehind, noteLeftBehind } from '../edits/names-left-behind';
import { cellA1 } from '../../../core/a1';
import { roleMay } from '../../../core/permissions';
import { roleOf } from '../../../core/staff';
import { formatLocal } from '../../../core/time';
import { appendChangeLog } from '../../adapters/change-log';
import { withOwnerAndDocumentLocks } from '../../adapters/document-lock';
import { loadReferenceData } from '../../adapters/reference-data';
import { currentUserEmail } from '../../adapters/session';
import { readTabValues, writeCellBlock } from '../../adapters/workbook';
import { writeCellNotes } from '../../adapters/edited-cells';
import type { EditedRange } from '../edits/judge-rows';
import { readAcceptedChecklists, recordAcceptedChecklists } from './tabs';
import type { Spreadsheet, Sheet } from '../../adapters/apps-script-types';

/** What a refused edit that could not be put back means, and what to do about it. */
const NOT_PUT_BACK =
  'Work Orders has no copy of what these cells held, so they stand as typed; until it has one, ' +
  'checklists are read from the tab as it stands, leaving out rows that are not valid: use Undo (Ctrl+Z) ' +
  'to bring back what was there, or type the rows again with accepted values.';

/**
 * The tab before this edit when no accepted copy is kept: the tab as it stands with the edited cell's
 * old value (a single cell), else with the pasted cells empty (the header row as setup writes it), so
 * that the paste's own rows are judged.
 */
function guessedBefore(current: Grid, range: EditedRange): unknown[][] {
  const grid = current.map((row) => [...row]);
  for (let r = range.row; r < range.row + range.numRows; r++) {
    const row = (grid[r - 1] ??= []);
    for (let c = range.column; c < range.column + range.numColumns; c++)
      row[c - 1] = range.oldValue ?? (r === 1 ? (CHECKLIST_HEADER_ROW[c - 1] ?? '') : '');
  }
  return grid;
}

/** Judges the edit; returns the toast to show (null when it stands without comment). */
export function handleChecklistsEdit(ss: Spreadsheet, sheet: Sheet, range: EditedRange): string | null {
  const reference = loadReferenceData(ss);
  const user = currentUserEmail();
  const now = new Date();
  const current = readTabValues(ss, CHECKLISTS_SHEET) ?? [];
  const kept = readAcceptedChecklists();
  const before = kept ?? guessedBefore(current, range);
  // Only a copy, or a single cell's old value, says what the cells held: without, a refused paste
  // is left as typed (writing "before" back would blank the rows it covered).
  const putBack = kept !== null || range.oldValue !== undefined;
  const judgement = judgeChecklistsEdit({
    before,
    after: current,
    categories: reference.settings.categories,
    editorIsAdministrator: roleMay(roleOf(reference.staff, user), 'administer'),
  });
  if (judgement.changes.length === 0) return null;
  // Why the edit was refused; null when it stands.
  const reasons = judgement.ok ? null : judgement.reasons.join('; ');
  const stamp = `${user || 'unknown user'}, ${formatLocal(now, reference.timeZone)}`;
  if (reasons === null) recordAcceptedChecklists(current);
  else if (putBack) {
    const note = `${PUT_BACK_NOTE} (${stamp}): ${reasons}. ${CHECKLISTS_ACCEPTED}`;
    writeCellBlock(sheet, putBackBlock(before, current, judgement.changes, note));
  } else {
    const note = `Work Orders could not put this back (${stamp}): ${reasons}. ${NOT_PUT_BACK} ${CHECKLISTS_ACCEPTED}`;
    const block = putBackBlock(current, current, judgement.changes, note);
    const rect = { ...block, numRows: block.notes.length, numColumns: block.notes[0]?.length ?? 0 };
    writeCellNotes(sheet, rect, block.notes);
  }
  const refused = putBack ? 'refused' : 'refused, not put back';
  const entries: UnhashedEntry[] = judgement.changes.map((c) => ({
    at: now,
    user,
    source: 'sheet edit',
    recordId: CHECKLISTS_SHEET,
    field: reasons === null ? cellA1(c.row, c.column) : `${cellA1(c.row, c.column)} (${refused})`,
    // Without a copy, what a pasted cell held is not known: the log does not claim it was empty.
    oldValue: putBack ? cellText(c.before) : '(not known)',
    newValue: reasons === null ? cellText(c.after) : `${cellText(c.after)} [${reasons}]`,
  }));
  withOwnerAndDocumentLocks(() => appendChangeLog(ss, entries, {}));
  if (reasons !== null && putBack) return `The ${CHECKLISTS_SHEET} tab was put back: ${reasons}.`;
  if (reasons !== null)
    return `The ${CHECKLISTS_SHEET} tab: this edit was refused but not put back: ${reasons}. ${NOT_PUT_BACK}`;
  const edit = { before, after: current, changes: judgement.changes };
  return warnChecklistsLeftBehind(ss, sheet, edit, reference.settings.categories, stamp);
}

/**
 * A category whose every item the edit took off (its rows cleared or moved to another category) while
 * schedules, or orders not yet approved, still have it: their orders will come with no checklist, so
 * the administrator is told which, in the toast and a note on the Category cell edited.
 */
function warnChecklistsLeftBehind(
  ss: Spreadsheet,
  sheet: Sheet,
  edit: { before: Grid; after: Grid; changes: readonly ChangedCell[] },
  categories: readonly string[],
  stamp: string,
): string | null {
  const categoriesOf = (grid: Grid): string[] =>
    parseChecklists(grid, categories).items.map((i) => i.category);
  const dropped = droppedFrom(categoriesOf(edit.before), categoriesOf(edit.after));
  const check = checkNamesLeftBehind(ss, 'checklist', dropped);
  const column = mapHeaders(edit.before[0] ?? [], CHECKLIST_COLUMNS).indexOf.category + 1;
  const rows = edit.changes.map((c) => c.row);
  const columns = edit.changes.map((c) => c.column);
  const first = { row: Math.min(...rows), column: Math.min(...columns) };
  const rect = {
    ...first,
    numRows: Math.max(...rows) - first.row + 1,
    numColumns: Math.max(...columns) - first.column + 1,
  };
  noteLeftBehind(sheet, rect, edit.before, column, check.uses, stamp);
  return check.toast;
}
