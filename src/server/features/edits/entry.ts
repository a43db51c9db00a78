/**
 * The installable edit trigger (created by setup, runs as the administrator who set up; the person
 * who edited is Session.getActiveUser). The only guard on the shared register: whatever people type,
 * paste or fill there is judged against the lifecycle table and their role, cell by cell, row by row.
 *
 * Edits elsewhere cost five service calls (the tab's name, then its sheet id against the register's,
 * kept in document properties: see ./register-identity) and return, except on the
 * tabs the add-on owns: Staff and Settings (roles apply at once), the Change Log (append-only).
 *
 * When the locks stay taken for the whole wait, the edit is recorded and checked by the next run of
 * this trigger (./pending), and the person is told; it is never left unchecked.
 *
 * Anyone who can open a sidebar can call this function from the browser console, but only with plain
 * data: without a real Range it does nothing.
 */
import { decoyEditedMessage, isRegisterTab } from '../../adapters/register-tab';
import { servesAsInstallationOwner } from '../setup/installation';
import { loadReferenceData, type ReferenceData } from '../../adapters/reference-data';
import { SHEET_NAMES, isTabNamed } from '../../../core/model';
import { activeSpreadsheet } from '../../adapters/workbook';
import { handleChangeLogEdit, handleHeaderEdit, handleReferenceEdit } from './other-sheets';
import { handleRegisterEdit, type EditedRange } from './register-edit';
import { recordProcedureRevision } from '../procedure/revision';
import { currentUserEmail } from '../../adapters/session';
import { undoUnloggedEdit } from '../../adapters/change-log-undo';
import { LockBusyError } from '../../adapters/document-lock';
import { checkPendingEdits, recordPendingEdit } from './pending';
import { CHECKLISTS_SHEET } from '../../../core/checklists';
import { handleChecklistsEdit } from '../checklists/tab-edit';
import { handleCatalogEdit } from '../assets/edit';
import { isRenamedRegister, restoreRegisterName } from './register-identity';
import type { Range, Sheet, Spreadsheet } from '../../adapters/apps-script-types';

interface EditEvent {
  range?: unknown;
  source?: unknown;
  value?: unknown;
  oldValue?: unknown;
}

function isRange(value: unknown): value is Range {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { getSheet?: unknown }).getSheet === 'function'
  );
}

function isSpreadsheet(value: unknown): value is Spreadsheet {
  return (
    typeof value === 'object' && value !== null && typeof (value as { toast?: unknown }).toast === 'function'
  );
}

function editedRange(range: Range, event: EditEvent): EditedRange {
  const numRows = range.getNumRows();
  const numColumns = range.getNumColumns();
  const single = numRows === 1 && numColumns === 1;
  return {
    row: range.getRow(),
    column: range.getColumn(),
    numRows,
    numColumns,
    // Apps Script leaves oldValue out when the cell was empty and when one cell was pasted into, and
    // both values out for a paste of several cells.
    ...(single
      ? {
          oldValue: event.oldValue === undefined ? '' : String(event.oldValue),
          oldValueFromEvent: event.oldValue !== undefined,
        }
      : {}),
  };
}

/**
 * The watched tab an edited tab is, by a name compared ignoring case, as Sheets compares tab names
 * (a tab renamed "staff" is what getSheetByName('Staff') answers, so its edits are Staff edits). The
 * register renamed only in case is left to the renamed-register path, which gives it its name back.
 */
function watchedTabName(name: string, watched: readonly string[]): string {
  if (name === SHEET_NAMES.register) return name;
  return watched.find((tab) => tab !== SHEET_NAMES.register && isTabNamed(name, tab)) ?? name;
}

function show(ss: Spreadsheet, message: string | null): void {
  if (message) ss.toast(message, 'Work Orders', 10);
}

/**
 * An administrator's change to Settings or the Procedure is a new version of the organization's
 * procedure: it gets a revision row (features/procedure decides whether the edit counts).
 */
function recordRevision(ss: Spreadsheet, name: string, range: EditedRange, said: string | null = null): void {
  const last = range.row + range.numRows - 1;
  const where = range.numRows === 1 ? `row ${range.row}` : `rows ${range.row}–${last}`;
  const what = name === SHEET_NAMES.settings ? `Settings changed (${where})` : `Procedure edited (${where})`;
  const revision = recordProcedureRevision(ss, currentUserEmail(), name, what, {
    editedRows: [range.row, last],
  });
  const recorded = revision ? `Recorded as revision ${revision.version} on the Procedure tab.` : null;
  // One toast: a second one replaces the first on screen, and `said` (a warning) must not be lost.
  show(ss, [said, recorded].filter((m) => m !== null).join(' ') || null);
}

export function onEditTrigger(e?: unknown): void {
  const event = (e ?? {}) as EditEvent;
  if (!isRange(event.range)) return;
  try {
    handleEdit(event as EditEvent & { range: Range });
  } catch (error) {
    // A register edit that failed before it was judged and logged is put back, not left unrecorded.
    undoUnloggedEdit(event.range);
    throw error;
  }
}

function handleEdit(event: EditEvent & { range: Range }): void {
  const sheet = event.range.getSheet();
  const watched: string[] = [
    SHEET_NAMES.register,
    SHEET_NAMES.staff,
    SHEET_NAMES.settings,
    SHEET_NAMES.changeLog,
    SHEET_NAMES.procedure,
    CHECKLISTS_SHEET,
    SHEET_NAMES.assets,
    SHEET_NAMES.schedules,
  ];
  const name = watchedTabName(sheet.getName(), watched);
  if (!watched.includes(name)) {
    const ss = isSpreadsheet(event.source) ? event.source : activeSpreadsheet();
    if (!isRenamedRegister(ss, sheet)) return;
    const value = event.value === undefined ? undefined : String(event.value);
    return renamedRegisterEdit(ss, sheet, editedRange(event.range, event), value);
  }
  const ss = isSpreadsheet(event.source) ? event.source : activeSpreadsheet();
  const range = editedRange(event.range, event);
  // The register's data rows, the most frequent edit: checked under the lock, installation owner included.
  if (name === SHEET_NAMES.register && range.row > 1) return registerDataEdit(ss, sheet, range);
  // The owner comes with the Settings/Staff snapshot every edit loads anyway: no round trip of its own.
  if (!servesAsInstallationOwner('onEditTrigger', loadReferenceData(ss).installationOwner)) return;

  const newValue = event.value === undefined ? undefined : String(event.value);
  if (name === SHEET_NAMES.staff || name === SHEET_NAMES.settings) {
    const outcome = handleReferenceEdit(ss, sheet, range, newValue);
    // A refused Settings edit changed nothing: it is no new version of the procedure.
    if (name === SHEET_NAMES.settings && outcome.changed) recordRevision(ss, name, range, outcome.toast);
    else show(ss, outcome.toast);
    return;
  }
  if (name === SHEET_NAMES.assets || name === SHEET_NAMES.schedules) {
    show(ss, handleCatalogEdit(ss, sheet, range));
    return;
  }
  if (name === SHEET_NAMES.procedure) {
    recordRevision(ss, name, range);
    return;
  }
  if (name === CHECKLISTS_SHEET) {
    show(ss, handleChecklistsEdit(ss, sheet, range));
    return;
  }
  if (name === SHEET_NAMES.changeLog) {
    show(ss, handleChangeLogEdit(ss, range, newValue));
    return;
  }
  // The register's header row (and any data rows pasted with it).
  const messages: string[] = [];
  const header = handleHeaderEdit(ss, sheet, { ...range, numRows: 1 }, newValue);
  if (header) messages.push(header);
  checkRegisterRows(ss, sheet, range, messages, () => true);
}

/**
 * An edit on the register under another name (see ./register-identity): judged as on the register;
 * then, when this trigger serves, the tab gets its name back and the person is told.
 */
function renamedRegisterEdit(ss: Spreadsheet, sheet: Sheet, range: EditedRange, value?: string): void {
  const named = (): string => restoreRegisterName(ss, sheet);
  if (range.row > 1) return registerDataEdit(ss, sheet, range, named);
  if (!servesAsInstallationOwner('onEditTrigger', loadReferenceData(ss).installationOwner)) return;
  const messages: string[] = [];
  const header = handleHeaderEdit(ss, sheet, { ...range, numRows: 1 }, value);
  if (header) messages.push(header);
  checkRegisterRows(ss, sheet, range, messages, () => true, undefined, named);
}

/**
 * Data rows of the register. The installation-owner check is made under the edit's lock, from the
 * Settings/Staff snapshot read there: one read of the document's properties serves both it and the
 * edit (a check before the lock would be a round trip of its own).
 */
function registerDataEdit(ss: Spreadsheet, sheet: Sheet, range: EditedRange, renamed?: () => string): void {
  const serves = (owner: string | null) => servesAsInstallationOwner('onEditTrigger', owner);
  // A tab made under the register's name is not judged as the register (adapters/register-tab.ts): the
  // kept id comes with the properties read under the lock, so the honest edit pays no call for it.
  let decoy = false;
  checkRegisterRows(
    ss,
    sheet,
    range,
    [],
    (reference) => {
      if (!serves(reference.installationOwner)) return false;
      decoy = !isRegisterTab(sheet);
      return !decoy;
    },
    () => serves(loadReferenceData(ss).installationOwner),
    renamed,
  );
  if (decoy) show(ss, decoyEditedMessage(ss, sheet));
}

function checkRegisterRows(
  ss: Spreadsheet,
  sheet: Sheet,
  range: EditedRange,
  messages: string[],
  admit: (reference: ReferenceData) => boolean,
  /** Asked when the lock stayed busy, before the edit is recorded for later (true: record it). */
  admitWithoutLock: () => boolean = () => true,
  /** The register was edited under another name: gives it its name back, says what was done. */
  renamed?: () => string,
): void {
  try {
    const result = handleRegisterEdit(ss, sheet, range, admit);
    if (!result) return;
    if (result.toast) messages.push(result.toast);
  } catch (error) {
    if (!(error instanceof LockBusyError)) throw error;
    // Another execution kept the lock for the whole wait: checked later, never left unchecked.
    if (admitWithoutLock()) {
      recordPendingEdit(ss, sheet, range, currentUserEmail(), new Date());
      if (renamed) show(ss, renamed());
    }
    return;
  }
  if (renamed) messages.push(renamed());
  // Then the edits recorded while the lock was busy (free when there are none: see pending.ts).
  messages.push(...checkPendingEdits(ss, sheet, currentUserEmail()).toasts);
  show(ss, messages.length > 0 ? messages.join(' ') : null);
}
