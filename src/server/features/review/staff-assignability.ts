/**
 * After an accepted edit of the Staff tab, each row that cannot be given work yet carries a note on
 * its Email cell saying why (core/staff-notes.ts); a fixed row loses it. One read of the tab, one read
 * of the Email column's notes, and one write of them only when something changed. Notes written by
 * someone else (or by another Work Orders check) are left as they are.
 */
import { assignabilityNotes } from '../../../core/staff-notes';
import type { Sheet } from '../../adapters/apps-script-types';

const OURS = /^Not assignable yet: /;

export function noteAssignability(sheet: Sheet): void {
  const last = sheet.getLastRow();
  if (last < 2) return;
  const values = sheet.getRange(1, 1, last, Math.max(sheet.getLastColumn(), 1)).getValues();
  const { column, notes } = assignabilityNotes(values);
  if (column < 0) return;
  const range = sheet.getRange(2, column + 1, last - 1, 1);
  const current = range.getNotes().map((r) => String(r[0] ?? ''));
  let changed = false;
  const next = current.map((note, i) => {
    const wanted = notes[i] ?? '';
    if (note !== '' && !OURS.test(note)) return [note];
    if (note !== wanted) changed = true;
    return [wanted];
  });
  if (changed) range.setNotes(next);
}
