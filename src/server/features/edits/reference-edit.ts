/**
 * A hand edit of the Staff or Settings tab (only administrators and the installation owner can make
 * one: the tabs are protected), validated at once against the tab as last accepted:
 *  - refused whole when made by someone who is not an administrator, when an edited row is invalid
 *    (unknown role, malformed email, negative SLA, non-numeric retention…), or when it would leave no
 *    active administrator: every changed cell is put back, as literal text, with a note saying what is
 *    wrong and what is accepted;
 *  - accepted otherwise: each changed cell logged, the copy recorded again, the cached Settings/Staff
 *    dropped, and (Staff) the sheet protections re-applied so new roles take effect at once; the
 *    administrator is told of names still in use (Settings) or of open work still assigned to a
 *    technician who can no longer be given work (Staff).
 */
import { SHEET_NAMES, isTabNamed } from '../../../core/model';
import { cellText } from '../../../core/headers';
import { formatLocal } from '../../../core/time';
import {
  PUT_BACK_NOTE,
  STAFF_ACCEPTED,
  SETTINGS_ACCEPTED,
  judgeSettingsEdit,
  judgeStaffEdit,
  putBackBlock,
  type Grid,
} from '../../../core/settings-edit';
import { administratorEmails, parseStaff } from '../../../core/staff';
import { parseSettings } from '../../../core/settings';
import { followLocations } from '../assets/asset-question';
import type { UnhashedEntry } from '../../../core/audit';
import { invalidateReferenceData, loadReferenceData, readReferenceData } from '../../adapters/reference-data';
import { currentUserEmail } from '../../adapters/session';
import { applyProtections } from '../setup/protections';
import { recordedInstallationOwner } from '../setup/installation';
import { rewriteNotes } from '../../adapters/edited-cells';
import { IN_USE_NOTE } from '../../../core/settings-names';
import { checkSettingsNames, checkStaffLeftBehind } from './names-left-behind';
import { readTabValues, writeCellBlock } from '../../adapters/workbook';
import { readAcceptedTab, recordAcceptedTab, type AcceptedTab } from './accepted-tabs';
import type { EditedRange } from './register-edit';
import { cellA1 } from '../../../core/a1';
import type { Spreadsheet, Sheet } from '../../adapters/apps-script-types';

const SOURCE = 'sheet edit' as const;

/**
 * The tab before this edit: the accepted copy; without one (a workbook set up by an older version),
 * the sheet with the event's old value put back (a single cell), else the sheet itself.
 */
function beforeEdit(tab: AcceptedTab, now: Grid, range: EditedRange): Grid {
  const accepted = readAcceptedTab(tab);
  if (accepted) return accepted;
  if (range.oldValue === undefined) return now;
  const copy = now.map((row) => [...row]);
  const row = copy[range.row - 1];
  if (row) row[range.column - 1] = range.oldValue;
  return copy;
}

/**
 * An accepted edit over cells that an earlier refusal put back takes that refusal's note away: the
 * value it complained about is gone, and a note saying "put this back" beside an accepted value reads
 * as if this edit had been refused too. So does an earlier "still in use" note (it spoke of the value
 * that was there); `added` puts this edit's own in-use notes on. Other notes stay. One read; one
 * write only when a note changes.
 */
function refreshEditNotes(sheet: Sheet, range: EditedRange, added: ReadonlyMap<string, string>): void {
  rewriteNotes(sheet, range, (note, row, column) => {
    const mine = added.get(`${row}:${column}`);
    if (mine !== undefined) return mine;
    return note.startsWith(PUT_BACK_NOTE) || note.startsWith(IN_USE_NOTE) ? '' : note;
  });
}

export interface ReferenceEditOutcome {
  /** True when the edit stands (accepted, or nothing changed). */
  accepted: boolean;
  toast: string | null;
  entries: UnhashedEntry[];
}

export function judgeReferenceEdit(ss: Spreadsheet, sheet: Sheet, range: EditedRange): ReferenceEditOutcome {
  const tab = isTabNamed(sheet.getName(), SHEET_NAMES.staff) ? SHEET_NAMES.staff : SHEET_NAMES.settings;
  const user = currentUserEmail();
  const now = new Date();
  const current = readTabValues(ss, tab) ?? [];
  const before = beforeEdit(tab, current, range);
  const acceptedStaff =
    tab === SHEET_NAMES.staff
      ? before
      : (readAcceptedTab(SHEET_NAMES.staff) ?? readTabValues(ss, SHEET_NAMES.staff) ?? []);
  const judgement =
    tab === SHEET_NAMES.staff
      ? judgeStaffEdit({ before, after: current, editor: user })
      : judgeSettingsEdit({
          before,
          after: current,
          administrators: administratorEmails(parseStaff(acceptedStaff).staff),
          editor: user,
        });
  if (judgement.changes.length === 0) return { accepted: true, toast: null, entries: [] };
  if (!judgement.ok) {
    const reference = readReferenceData(ss);
    const reasons = judgement.reasons.join('; ');
    const accepted = tab === SHEET_NAMES.staff ? STAFF_ACCEPTED : SETTINGS_ACCEPTED;
    const note = `${PUT_BACK_NOTE} (${user || 'unknown user'}, ${formatLocal(now, reference.timeZone)}): ${reasons}. ${accepted}`;
    writeCellBlock(sheet, putBackBlock(before, current, judgement.changes, note));
    invalidateReferenceData();
    return {
      accepted: false,
      toast: `The ${tab} tab was put back: ${reasons}.`,
      entries: judgement.changes.map((c) => ({
        at: now,
        user,
        source: SOURCE,
        recordId: tab,
        field: `${cellA1(c.row, c.column)} (refused)`,
        oldValue: cellText(c.before),
        newValue: `${cellText(c.after)} [${reasons}]`,
      })),
    };
  }
  const timeZone = loadReferenceData(ss).timeZone;
  recordAcceptedTab(tab, current);
  invalidateReferenceData();
  let toast: string | null = null;
  let notes: ReadonlyMap<string, string> = new Map();
  const stamp = `${user || 'unknown user'}, ${formatLocal(now, timeZone)}`;
  if (tab === SHEET_NAMES.staff) {
    const staffNow = parseStaff(current).staff;
    applyProtections(ss, staffNow, recordedInstallationOwner(), null);
    ({ toast, notes } = checkStaffLeftBehind(
      ss,
      { grid: before, staff: parseStaff(before).staff },
      staffNow,
      judgement.changes,
      stamp,
    ));
  } else {
    const was = parseSettings(before).settings;
    const settingsNow = parseSettings(current).settings;
    followLocations(ss, was, settingsNow);
    ({ toast, notes } = checkSettingsNames(
      ss,
      { grid: before, settings: was },
      settingsNow,
      judgement.changes,
      stamp,
    ));
  }
  refreshEditNotes(sheet, range, notes);
  return {
    accepted: true,
    toast,
    entries: judgement.changes.map((c) => ({
      at: now,
      user,
      source: SOURCE,
      recordId: tab,
      field: cellA1(c.row, c.column),
      oldValue: cellText(c.before),
      newValue: cellText(c.after),
    })),
  };
}
