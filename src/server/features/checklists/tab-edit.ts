/**
 * A hand edit of the Checklists tab (protected: administrators only), judged at once against the tab
 * as last accepted, like the Staff and Settings tabs (edits/reference-edit.ts): refused whole when the
 * editor is not an administrator or a row it touched is invalid (every changed cell put back as it
 * was, with a note saying what is wrong and what is accepted); accepted otherwise, each changed cell
 * logged and the accepted copy recorded again. Orders already approved keep the checklist they got.
 */
import type { UnhashedEntry } from '../../../core/audit';
import { CHECKLISTS_ACCEPTED, CHECKLISTS_SHEET, judgeChecklistsEdit } from '../../../core/checklists';
import type { ChangedCell } from '../../../core/settings-edit';
import { columnLetter } from '../../../core/a1';
import { cellText } from '../../../core/headers';
import { roleMay } from '../../../core/permissions';
import { asCellText } from '../../../core/sanitize';
import { roleOf } from '../../../core/staff';
import { formatLocal } from '../../../core/time';
import { appendChangeLog } from '../../adapters/change-log';
import { withOwnerAndDocumentLocks } from '../../adapters/document-lock';
import { loadReferenceData } from '../../adapters/reference-data';
import { currentUserEmail } from '../../adapters/session';
import { readAcceptedChecklists, readGrid, recordAcceptedChecklists } from './tabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function a1(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}

/** Puts every changed cell back in one write over their bounding box, with the note on each. */
function putBack(
  sheet: Sheet,
  before: readonly (readonly unknown[])[],
  current: readonly (readonly unknown[])[],
  changes: readonly ChangedCell[],
  note: string,
): void {
  const rows = changes.map((c) => c.row);
  const columns = changes.map((c) => c.column);
  const [top, bottom] = [Math.min(...rows), Math.max(...rows)];
  const [left, right] = [Math.min(...columns), Math.max(...columns)];
  const changed = new Set(changes.map((c) => `${c.row}:${c.column}`));
  const values: unknown[][] = [];
  const notes: string[][] = [];
  for (let r = top; r <= bottom; r++) {
    const valueRow: unknown[] = [];
    const noteRow: string[] = [];
    for (let c = left; c <= right; c++) {
      const was = changed.has(`${r}:${c}`);
      const value = (was ? before : current)[r - 1]?.[c - 1] ?? '';
      valueRow.push(typeof value === 'string' ? asCellText(value).cell : value);
      noteRow.push(was ? note : '');
    }
    values.push(valueRow);
    notes.push(noteRow);
  }
  const range = sheet.getRange(top, left, bottom - top + 1, right - left + 1);
  range.setValues(values);
  range.setNotes(notes);
}

/** Judges the edit; returns the toast to show (null when it stands without comment). */
export function handleChecklistsEdit(ss: Spreadsheet, sheet: Sheet): string | null {
  const reference = loadReferenceData(ss);
  const user = currentUserEmail();
  const now = new Date();
  const current = readGrid(ss, CHECKLISTS_SHEET) ?? [];
  const before = readAcceptedChecklists() ?? [];
  const judgement = judgeChecklistsEdit({
    before,
    after: current,
    categories: reference.settings.categories,
    editorIsAdministrator: roleMay(roleOf(reference.staff, user), 'administer'),
  });
  if (judgement.changes.length === 0) return null;
  // Why the edit was refused; null when it stands.
  const reasons = judgement.ok ? null : judgement.reasons.join('; ');
  if (reasons === null) recordAcceptedChecklists(current);
  else {
    const note = `Work Orders put this back (${user || 'unknown user'}, ${formatLocal(now, reference.timeZone)}): ${reasons}. ${CHECKLISTS_ACCEPTED}`;
    putBack(sheet, before, current, judgement.changes, note);
  }
  const entries: UnhashedEntry[] = judgement.changes.map((c) => ({
    at: now,
    user,
    source: 'sheet edit',
    recordId: CHECKLISTS_SHEET,
    field: reasons === null ? a1(c.row, c.column) : `${a1(c.row, c.column)} (refused)`,
    oldValue: cellText(c.before),
    newValue: reasons === null ? cellText(c.after) : `${cellText(c.after)} [${reasons}]`,
  }));
  withOwnerAndDocumentLocks(() => appendChangeLog(ss, entries, {}));
  return reasons === null ? null : `The ${CHECKLISTS_SHEET} tab was put back: ${reasons}.`;
}
