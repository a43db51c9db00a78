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
import { shareRecordedFormsWithAdministrators } from '../setup/form-sharing';
import { recordedInstallationOwner } from '../setup/installation';
import { rewriteNotes } from '../../adapters/edited-cells';
import { IN_USE_NOTE } from '../../../core/settings-names';
import { checkSettingsNames, checkStaffLeftBehind } from './names-left-behind';
import { readTabValues, writeCellBlock } from '../../adapters/workbook';
import { readAcceptedTab, recordAcceptedTab, type AcceptedTab } from './accepted-tabs';
import type { EditedRange } from './register-edit';
import { cellA1 } from '../../../core/a1';
import {
  NOT_KNOWN,
  beforeWithoutCopy,
  copyStillHolds,
  copyWithoutOwnRows,
  trustedEditors,
  unknownBefore,
} from '../../../core/unkept-copy';
import type { Spreadsheet, Sheet } from '../../adapters/apps-script-types';

const SOURCE = 'sheet edit' as const;

/**
 * The tab before this edit and who may make it: the accepted copy, judged as the tab says; without
 * one, or with one the tab no longer is outside this edit (a row deleted: core/unkept-copy.ts
 * copyStillHolds), the edited cells as changed from a value not known, by an editor only the installation owner
 * or an administrator on rows this edit left alone can be (core/unkept-copy.ts). The edited sheet
 * itself never stands for the tab before: a paste would have changed nothing and gone unjudged.
 */
function beforeEdit(
  ss: Spreadsheet,
  tab: AcceptedTab,
  now: Grid,
  range: EditedRange,
  editor: string,
): { before: Grid; unknown: (row: number, column: number) => boolean; trusted?: string[] } {
  const accepted = readAcceptedTab(tab);
  const owner = recordedInstallationOwner();
  if (accepted && copyStillHolds(accepted, now, range)) {
    if (tab !== SHEET_NAMES.staff)
      return { before: accepted, unknown: NOTHING_UNKNOWN, trusted: settingsEditors(ss, owner) };
    // An administrator by the copy, and still one on the tab by a row this edit did not write.
    const inCopy = administratorEmails(parseStaff(accepted).staff);
    if (inCopy.length === 0) return { before: accepted, unknown: NOTHING_UNKNOWN };
    const trusted = trustedEditors(now, range, owner).filter((e) => e === owner || inCopy.includes(e));
    if (trusted.includes(editor)) return { before: accepted, unknown: NOTHING_UNKNOWN, trusted };
    // Refused: the copy is put back, but not on the editor's own rows (core/unkept-copy.ts).
    const { before, own } = copyWithoutOwnRows(accepted, range, editor);
    return {
      before,
      unknown: (row, column) => own.has(row) && unknownBefore(range, row, column),
      trusted,
    };
  }
  return {
    before: beforeWithoutCopy(now, range),
    unknown: (row, column) => unknownBefore(range, row, column),
    trusted: tab === SHEET_NAMES.staff ? trustedEditors(now, range, owner) : settingsEditors(ss, owner),
  };
}

/**
 * Who may change Settings: an administrator by the accepted Staff copy who is still one on the Staff
 * tab (one read), or the installation owner. A row deleted fires no edit trigger, so the copy alone
 * would let an administrator removed that way change Settings until the next accepted Staff edit.
 */
function settingsEditors(ss: Spreadsheet, owner: string | null): string[] {
  const onTab = trustedEditors(readTabValues(ss, SHEET_NAMES.staff) ?? [], null, owner);
  const copy = readAcceptedTab(SHEET_NAMES.staff);
  if (!copy) return onTab;
  const inCopy = administratorEmails(parseStaff(copy).staff);
  return onTab.filter((email) => email === owner || inCopy.includes(email));
}

const NOTHING_UNKNOWN = (): boolean => false;

/** Said when an accepted Settings edit changed a priority's targets. */
const SLA_TARGETS_CHANGED =
  'The new targets apply to work orders approved from now on, and to requests still awaiting a decision; ' +
  'work orders already approved keep their due dates (a supervisor changes one with Change due date in ' +
  'Review & assign).';

/** What the log and the note say a cell held, when no copy was kept to say it. */
const NO_COPY =
  "Work Orders' accepted copy of this tab cannot say what the edited cells held (no copy is kept, rows were deleted or written where no edit trigger sees since, or the edit wrote its author's own Email, Role or Active), so it is not known";

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
  const { before, unknown, trusted } = beforeEdit(ss, tab, current, range, user);
  const judgement =
    tab === SHEET_NAMES.staff
      ? judgeStaffEdit({ before, after: current, editor: user, trusted })
      : judgeSettingsEdit({
          before,
          after: current,
          administrators: trusted ?? [],
          editor: user,
          trusted,
        });
  const oldText = (c: { row: number; column: number; before: unknown }): string =>
    unknown(c.row, c.column) ? NOT_KNOWN : cellText(c.before);
  if (judgement.changes.length === 0) {
    // Cells emptied with no copy: what they held is not known, so only who emptied them can be judged.
    const rows = Array.from({ length: range.numRows }, (_, i) => range.row + i);
    if (!rows.some((row) => unknown(row, range.column))) return { accepted: true, toast: null, entries: [] };
    return emptiedWithoutCopy(ss, tab, range, user, now, trusted?.includes(user) ?? false);
  }
  if (!judgement.ok) {
    const reference = readReferenceData(ss);
    const reasons = judgement.reasons.join('; ');
    const accepted = tab === SHEET_NAMES.staff ? STAFF_ACCEPTED : SETTINGS_ACCEPTED;
    const notKnown = judgement.changes.some((c) => unknown(c.row, c.column))
      ? ` ${NO_COPY}: the cells it could not tell were emptied; type back what they held.`
      : '';
    const note = `${PUT_BACK_NOTE} (${user || 'unknown user'}, ${formatLocal(now, reference.timeZone)}): ${reasons}.${notKnown} ${accepted}`;
    writeCellBlock(sheet, putBackBlock(before, current, judgement.changes, note));
    invalidateReferenceData();
    return {
      accepted: false,
      toast: `The ${tab} tab was put back: ${reasons}.${notKnown}`,
      entries: judgement.changes.map((c) => ({
        at: now,
        user,
        source: SOURCE,
        recordId: tab,
        field: `${cellA1(c.row, c.column)} (refused)`,
        oldValue: oldText(c),
        newValue: `${cellText(c.after)} [${reasons}]`,
      })),
    };
  }
  acceptTab(ss, tab, current);
  const timeZone = loadReferenceData(ss).timeZone;
  let toast: string | null = null;
  let notes: ReadonlyMap<string, string> = new Map();
  const stamp = `${user || 'unknown user'}, ${formatLocal(now, timeZone)}`;
  if (tab === SHEET_NAMES.staff) {
    const staffNow = parseStaff(current).staff;
    ({ toast, notes } = checkStaffLeftBehind(
      ss,
      { grid: before, staff: parseStaff(before).staff },
      staffNow,
      judgement.changes,
      stamp,
    ));
  } else {
    const was = parseSettings(before, timeZone).settings;
    const settingsNow = parseSettings(current, timeZone).settings;
    followLocations(ss, was, settingsNow);
    ({ toast, notes } = checkSettingsNames(
      ss,
      { grid: before, settings: was },
      settingsNow,
      judgement.changes,
      stamp,
    ));
    // A changed SLA target does not move the due dates already given: the person who changed it is told.
    if (JSON.stringify(was.priorities) !== JSON.stringify(settingsNow.priorities))
      toast = [toast, SLA_TARGETS_CHANGED].filter((t) => t).join(' ');
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
      oldValue: oldText(c),
      newValue: cellText(c.after),
    })),
  };
}

/** The tab as it stands becomes the accepted copy; a Staff change takes effect in the protections at once. */
function acceptTab(ss: Spreadsheet, tab: AcceptedTab, current: Grid): void {
  recordAcceptedTab(tab, current);
  invalidateReferenceData();
  if (tab === SHEET_NAMES.staff) {
    const staff = parseStaff(current).staff;
    applyProtections(ss, staff, recordedInstallationOwner(), null);
    shareRecordedFormsWithAdministrators(staff);
  }
}

/**
 * Cells emptied (Delete, a paste of empty cells) on a tab with no accepted copy: nothing can be put
 * back, since what they held is not known. By someone who may change the tab, the tab as it stands is
 * accepted and recorded; by anyone else it is refused, and the log and the toast say so, for an
 * administrator to type the cells again.
 */
function emptiedWithoutCopy(
  ss: Spreadsheet,
  tab: AcceptedTab,
  range: EditedRange,
  user: string,
  at: Date,
  mayEdit: boolean,
): ReferenceEditOutcome {
  const where = `${cellA1(range.row, range.column)}:${cellA1(range.row + range.numRows - 1, range.column + range.numColumns - 1)}`;
  if (mayEdit) acceptTab(ss, tab, readTabValues(ss, tab) ?? []);
  const refused = `Only an administrator changes the ${tab} tab (${user || 'an unknown user'} is not one)`;
  return {
    accepted: mayEdit,
    toast: mayEdit
      ? null
      : `The ${tab} tab: this edit was refused but not put back: ${refused}. ${NO_COPY}: an administrator should type back what ${where} held.`,
    entries: [
      {
        at,
        user,
        source: SOURCE,
        recordId: tab,
        field: mayEdit ? `${where} (emptied)` : `${where} (refused, not put back)`,
        oldValue: NOT_KNOWN,
        newValue: mayEdit ? '' : `[${refused}]`,
      },
    ],
  };
}
