/**
 * A hand edit of the Checklists tab (protected: administrators only), judged at once against the tab
 * as last accepted, like the Staff and Settings tabs (edits/reference-edit.ts): refused whole when the
 * editor is not an administrator or a row it touched is invalid (every changed cell put back as it
 * was, with a note saying what is wrong and what is accepted); accepted otherwise, each changed cell
 * logged and the accepted copy recorded again. Orders already approved keep the checklist they got.
 */
import type { UnhashedEntry } from '../../../core/audit';
import { CHECKLISTS_ACCEPTED, CHECKLISTS_SHEET, judgeChecklistsEdit } from '../../../core/checklists';
import { putBackBlock } from '../../../core/settings-edit';
import { cellA1 } from '../../../core/a1';
import { cellText } from '../../../core/headers';
import { roleMay } from '../../../core/permissions';
import { roleOf } from '../../../core/staff';
import { formatLocal } from '../../../core/time';
import { appendChangeLog } from '../../adapters/change-log';
import { withOwnerAndDocumentLocks } from '../../adapters/document-lock';
import { loadReferenceData } from '../../adapters/reference-data';
import { currentUserEmail } from '../../adapters/session';
import { readTabValues, writeCellBlock } from '../../adapters/workbook';
import { readAcceptedChecklists, recordAcceptedChecklists } from './tabs';
import type { Spreadsheet, Sheet } from '../../adapters/apps-script-types';

/** Judges the edit; returns the toast to show (null when it stands without comment). */
export function handleChecklistsEdit(ss: Spreadsheet, sheet: Sheet): string | null {
  const reference = loadReferenceData(ss);
  const user = currentUserEmail();
  const now = new Date();
  const current = readTabValues(ss, CHECKLISTS_SHEET) ?? [];
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
    writeCellBlock(sheet, putBackBlock(before, current, judgement.changes, note));
  }
  const entries: UnhashedEntry[] = judgement.changes.map((c) => ({
    at: now,
    user,
    source: 'sheet edit',
    recordId: CHECKLISTS_SHEET,
    field: reasons === null ? cellA1(c.row, c.column) : `${cellA1(c.row, c.column)} (refused)`,
    oldValue: cellText(c.before),
    newValue: reasons === null ? cellText(c.after) : `${cellText(c.after)} [${reasons}]`,
  }));
  withOwnerAndDocumentLocks(() => appendChangeLog(ss, entries, {}));
  return reasons === null ? null : `The ${CHECKLISTS_SHEET} tab was put back: ${reasons}.`;
}
