/**
 * After an accepted edit of the Staff tab, each row that cannot be given work yet carries a note on
 * its Email cell saying why (core/staff-notes.ts); a fixed row loses it. One read of the tab, one read
 * of the Email column's notes, and one write of them only when something changed. Notes written by
 * someone else (or by another Work Orders check) are left as they are.
 */
import { assignabilityNotes } from '../../../core/staff-notes';
import type { Sheet } from '../../adapters/apps-script-types';
import { readColumnNotes, readStaffRows, writeColumnNotes } from '../../adapters/staff-notes';

const OURS = /^Not assignable yet: /;

export function noteAssignability(sheet: Sheet): void {
  const values = readStaffRows(sheet);
  if (!values) return;
  const { column, notes } = assignabilityNotes(values);
  if (column < 0) return;
  const current = readColumnNotes(sheet, column, values.length - 1);
  let changed = false;
  const next = current.map((note, i) => {
    const wanted = notes[i] ?? '';
    if (note !== '' && !OURS.test(note)) return note;
    if (note !== wanted) changed = true;
    return wanted;
  });
  if (changed) writeColumnNotes(sheet, column, next);
}
