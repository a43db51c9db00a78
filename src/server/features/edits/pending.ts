/**
 * Register edits the trigger could not check at once. A person's edit is in the sheet before the edit
 * trigger runs; when the trigger cannot get the locks in time (another execution held them for the
 * whole wait), the edit would otherwise stay unchecked and unlogged. Instead it is recorded here, in
 * the document's properties (which only the add-on's code can write: nobody can forge or drop one
 * from the sheet), one key per edit: the edited range, the editor, and a single cell's previous value
 * as the event gave it. The person is told at once (a toast, and a note on the edited cells).
 *
 * The next execution of the edit trigger checks the recorded edits, oldest first, exactly as
 * the trigger would have (handleRegisterEdit, as the person who made the edit): an illegal change is
 * put back with its note, a legal one is logged and kept. Every row carries its own record (Last Known
 * State), so checking later judges the same change; a row that was sorted elsewhere meanwhile is
 * judged where it now is, against its own record.
 */
import { LockBusyError } from '../../adapters/document-lock';
import { documentKeysLastSeen, documentPropertiesOrNull } from '../../adapters/service-handles';
import { actingAs } from '../../adapters/session';
import { undoUnloggedCells } from '../../adapters/change-log-undo';
import { clearNotesWhere, noteCells } from '../../adapters/edited-cells';
import { handleRegisterEdit, type EditedRange } from './register-edit';
import {
  PENDING_EDIT_PREFIX,
  parsePendingEdit,
  pendingRecord,
  uniqueSuffix,
  type PendingEdit,
} from './pending-record';
import type { Spreadsheet, Sheet } from '../../adapters/apps-script-types';
import { registerTab } from '../../adapters/register-tab';

export { PENDING_EDIT_PREFIX } from './pending-record';

/** What the edited cells say until the edit is checked. */
export const PENDING_NOTE =
  'Work Orders has not checked this change yet: another Work Orders change was running. It will be checked with the next edit of this sheet; a change that is not allowed will be put back then, with a note saying why.';
/** Recorded edits checked by one execution (each costs about what the edit itself would have). */
const CHECKED_PER_RUN = 5;
/** A check that fails for another reason than the lock is tried this many times, then reported. */
const MAX_ATTEMPTS = 3;

/**
 * Records an edit the trigger could not check, and tells the person (toast, note on the edited cells).
 * One property write: each edit has a key of its own, so two executions recording at once never
 * overwrite each other (no lock needed).
 */
export function recordPendingEdit(
  ss: Spreadsheet,
  sheet: Sheet,
  range: EditedRange,
  user: string,
  now: Date,
): void {
  const store = documentPropertiesOrNull();
  if (!store) throw new Error('A deferred edit needs the document’s properties.');
  store.setProperty(PENDING_EDIT_PREFIX + uniqueSuffix(now), JSON.stringify(pendingRecord(range, user, now)));
  try {
    noteCells(sheet, range, PENDING_NOTE);
  } catch (error) {
    console.warn(`The note on an edit waiting to be checked was not written: ${String(error)}`);
  }
  ss.toast(
    'Another Work Orders change was running, so this edit could not be checked yet. It will be checked with the next edit (see the note on the cell).',
    'Work Orders',
    10,
  );
}

/** Clears the waiting note where the check left it (a put-back cell has its own note by now). */
function clearPendingNotes(sheet: Sheet, edit: PendingEdit): void {
  clearNotesWhere(sheet, edit, (note) => note === PENDING_NOTE);
}

export interface PendingCheck {
  checked: number;
  /** What the checks want the person at the keyboard to know (their own put-back changes). */
  toasts: string[];
  /** Recorded edits left for a later execution (the lock was busy again, or more than one run's share). */
  left: number;
}

/**
 * Checks edits recorded earlier, oldest first, as the people who made them. Called after the trigger
 * judged its own edit: the read of the document's properties it made under the lock says whether any
 * wait, so a run with none pays no round trip for this. (Judged after the current edit, an earlier
 * edit of the same cell finds the cell as the current one left it: the later value wins, as in the
 * sheet.)
 */
export function checkPendingEdits(ss: Spreadsheet, sheet: Sheet, currentUser: string): PendingCheck {
  const outcome: PendingCheck = { checked: 0, toasts: [], left: 0 };
  const seen = documentKeysLastSeen();
  if (seen && !seen.some((k) => k.startsWith(PENDING_EDIT_PREFIX))) return outcome;
  const store = documentPropertiesOrNull();
  if (!store) return outcome;
  const values = store.getProperties();
  const keys = Object.keys(values)
    .filter((k) => k.startsWith(PENDING_EDIT_PREFIX))
    .sort();
  if (keys.length === 0) return outcome;
  for (const key of keys) {
    if (outcome.checked >= CHECKED_PER_RUN) break;
    const edit = parsePendingEdit(values[key]);
    if (edit && edit.notBefore !== undefined && edit.notBefore > Date.now()) continue;
    if (!edit) {
      console.error(`A deferred edit record could not be read and was dropped: ${key}`);
      store.deleteProperty(key);
      continue;
    }
    const range: EditedRange = {
      row: edit.row,
      column: edit.column,
      numRows: edit.numRows,
      numColumns: edit.numColumns,
      ...(edit.oldValue !== undefined ? { oldValue: edit.oldValue } : {}),
    };
    try {
      const result = actingAs(edit.user, () => handleRegisterEdit(ss, sheet, range));
      // A toast reaches whoever is editing now: only the author of the deferred edit gets its outcome
      // that way (anyone else sees the notes on the cells).
      if (result?.toast && edit.user !== '' && edit.user === currentUser) outcome.toasts.push(result.toast);
    } catch (error) {
      if (error instanceof LockBusyError) break; // still busy: the next run tries again
      const attempts = edit.attempts + 1;
      if (attempts < MAX_ATTEMPTS) {
        store.setProperty(key, JSON.stringify({ ...edit, attempts }));
        continue;
      }
      // As when the trigger itself fails: put back from the rows' records, never left unchecked.
      console.error(
        `A deferred edit of rows ${edit.row}–${edit.row + edit.numRows - 1} by ${edit.user || 'an unnamed editor'} could not be checked after ${attempts} attempts, so it was put back: ${String(error)}`,
      );
      undoUnloggedCells(sheet, edit);
    }
    store.deleteProperty(key);
    outcome.checked++;
    try {
      clearPendingNotes(sheet, edit);
    } catch (error) {
      console.warn(`A waiting note was not cleared: ${String(error)}`);
    }
  }
  outcome.left = Math.max(0, keys.length - outcome.checked);
  return outcome;
}

/**
 * Before an action outside the edit trigger decides on a register row (My work, the update form, work
 * records, the review sidebar, a requestor's reply): the edits still waiting are checked first, as
 * the next edit of the sheet would check them. Otherwise an honest edit made while the lock was busy
 * disagrees with its row's record and the action refuses the row as changed outside Work Orders,
 * until someone happens to edit the sheet or run Verify audit log. Call under the document lock,
 * before the register is read. Costs no call while none waits: the document's properties are read
 * once under the lock (document-properties-memo.ts), and the action reads them there anyway.
 */
export function checkWaitingEditsFirst(ss: Spreadsheet, currentUser: string): void {
  const seen = documentKeysLastSeen();
  if (seen && !seen.some((k) => k.startsWith(PENDING_EDIT_PREFIX))) return;
  checkPendingEdits(ss, registerTab(ss), currentUser);
}
