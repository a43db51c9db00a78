/**
 * Real sheet protections (not warnings), computed from the permission table: each protected area's
 * editors are the active staff whose role lists the area, plus the installation owner (whose triggers
 * write everywhere). Applied and repaired by setup, re-applied when Staff changes and when the register
 * grew past its protected rows.
 *
 * What they rely on: Google enforces them for people typing and for scripts running as a person (a
 * sidebar call runs as the supervisor), never for the spreadsheet's Google owner, who can always edit.
 * The register's open columns are left to the edit trigger, which judges every change typed there.
 */
import { protectSheet, sheetProtection } from '../../adapters/installation-services';
import { SHEET_NAMES, type StaffMember } from '../../../core/model';
import { CHECKLISTS_SHEET } from '../../../core/checklists';
import { CHECKLIST_ITEMS_SHEET } from '../../../core/checklist-items';
import { PARTS_SHEET, TIME_SHEET } from '../../../core/labour';
import { KPI_HISTORY_SHEET } from '../../../core/reports/weekly';
import { REPORT_TAB_NAMES } from '../../../core/reports';
import { PROTECTED_AREAS, areaEditors, rolesList, type ProtectedArea } from '../../../core/permissions';
import { ownerMarker } from './installation';
import { readOwnerState, writeOwnerState } from '../../adapters/owner-state';
import { writeProtectedExtent, type RegisterCoverage } from './protected-extent';
import { syncEditors } from './protection-editors';
import { protectRegister } from './register-columns-protection';
import { rememberChangeLogSheet, rememberRegisterSheet } from '../edits/register-identity';
import type { Spreadsheet, Sheet } from '../../adapters/apps-script-types';
import { findTab } from '../../adapters/workbook';
import { registerTabToProtect } from '../../adapters/register-tab';
import { listTabs } from '../../adapters/tabs';

/** What is told about a run: kept structural so the hourly job and the edit trigger can pass null. */
export interface ProtectionNotes {
  repaired: string[];
  warnings: string[];
}

/** Tabs protected as a whole, by area. */
const WHOLE_SHEETS: ReadonlyArray<[ProtectedArea, string]> = [
  ['staff', SHEET_NAMES.staff],
  ['settings', SHEET_NAMES.settings],
  ['assets', SHEET_NAMES.assets],
  ['schedules', SHEET_NAMES.schedules],
  ['procedure', SHEET_NAMES.procedure],
  ['changeLog', SHEET_NAMES.changeLog],
  ['outbox', SHEET_NAMES.outbox],
  ['hourlyOutbox', SHEET_NAMES.hourlyOutbox],
  ['errors', SHEET_NAMES.errors],
  ['archive', SHEET_NAMES.archive],
  ['checklists', CHECKLISTS_SHEET],
  ['workRecords', CHECKLIST_ITEMS_SHEET],
  ['workRecords', TIME_SHEET],
  ['workRecords', PARTS_SHEET],
  ['kpiHistory', KPI_HISTORY_SHEET],
  // The reply form's destination carries one of the add-on's own names, so formResponseSheets skips it.
  ['formResponses', SHEET_NAMES.requestorReplies],
  ...REPORT_TAB_NAMES.map((name): [ProtectedArea, string] => ['reports', name]),
];

/** The area a tab of this name is protected as a whole under, or null (compared ignoring case, as Sheets names tabs). */
export function wholeSheetArea(name: string): ProtectedArea | null {
  const lower = name.toLowerCase();
  return WHOLE_SHEETS.find(([, tab]) => tab.toLowerCase() === lower)?.[0] ?? null;
}

const WHO: Readonly<Record<ProtectedArea, string>> = {
  staff: 'administrators only',
  settings: 'administrators only',
  assets: 'administrators only',
  schedules: 'administrators only',
  procedure: 'administrators only',
  changeLog: 'written by the add-on only',
  outbox: 'written by the add-on only',
  hourlyOutbox: 'written by the add-on only (the hourly job queues its mail here)',
  errors: 'written by the add-on only',
  archive: 'written by the add-on only',
  formResponses: 'written by Google Forms only',
  registerSystemColumns: 'filled in by the add-on only',
  checklists: 'administrators only',
  workRecords: 'written by the add-on only (My work and the update form)',
  kpiHistory: 'written by the add-on only (the hourly job keeps one row a week)',
  reports: `rebuilt by Build reports only (a ${rolesList('buildReports')})`,
};

export function describeArea(area: ProtectedArea, name: string): string {
  return `Work Orders protects ${name}: ${WHO[area]}.`;
}

const RESPONSES_TAB = /^form responses \d+$/i;
const OWN_TABS: ReadonlySet<string> = new Set(Object.values(SHEET_NAMES).map((n) => n.toLowerCase()));

/** Google Forms' destination tabs: named as Forms names them, or linked to a form (a renamed one). */
export function formResponseSheets(ss: Spreadsheet): Sheet[] {
  return listTabs(ss).filter((s) => {
    const name = s.getName().trim();
    if (RESPONSES_TAB.test(name)) return true;
    return !OWN_TABS.has(name.toLowerCase()) && s.getFormUrl() !== null;
  });
}

function protectWholeSheet(
  sheet: Sheet,
  area: ProtectedArea,
  wanted: readonly string[],
  suffix = '',
): boolean {
  const existing = sheetProtection(sheet);
  const protection = existing ?? protectSheet(sheet);
  const changed = syncEditors(protection, wanted, describeArea(area, `the ${sheet.getName()} tab`) + suffix);
  return changed || !existing;
}

/** A tab the add-on creates after setup (KPI History): protected as it is made, not an hour later. */
export function protectNewTab(
  sheet: Sheet,
  area: ProtectedArea,
  staff: readonly StaffMember[],
  installationOwner: string | null,
): void {
  protectWholeSheet(sheet, area, areaEditors(area, staff, installationOwner));
}

/**
 * Applies every protection of the permission table. Problems (a protection this user may not change)
 * become warnings naming the account that can fix them; nothing here throws for one bad tab.
 */
export function applyProtections(
  ss: Spreadsheet,
  /** The staff whose roles give the editors; a function is asked again for each area (setup's). */
  staff: readonly StaffMember[] | (() => readonly StaffMember[]),
  installationOwner: string | null,
  notes: ProtectionNotes | null,
  /** Setup runs each area under a hold of the document lock of its own (a second or two each). */
  eachArea: (work: () => boolean) => boolean = (work) => work(),
  /**
   * 'tabs': the whole-tab protections only, not the register's columns (the hourly job's share);
   * 'setup': all, and a tab made under the register's name in place of a deleted one becomes the register.
   */
  reach: 'all' | 'tabs' | 'setup' = 'all',
): void {
  const changed: string[] = [];
  const staffNow = (): readonly StaffMember[] => (typeof staff === 'function' ? staff() : staff);
  const editors = (area: ProtectedArea): string[] => areaEditors(area, staffNow(), installationOwner);
  const attempt = (name: string, work: () => boolean, unlocked = false): void => {
    try {
      if (unlocked ? work() : eachArea(work)) changed.push(name);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      notes?.warnings.push(
        `the protection of ${name} could not be updated (${why}); the installation owner${
          installationOwner ? ` (${installationOwner})` : ''
        } can fix it by running Set up work orders`,
      );
    }
  };
  for (const [area, name] of WHOLE_SHEETS) {
    const sheet = findTab(ss, name);
    // The Staff protection also names the installation owner, for the hourly job (installation.ts).
    const suffix = area === 'staff' ? ownerMarker(installationOwner) : '';
    // The hourly job's re-application leaves an unprotected Schedules or Assets tab to setup, as its repair does.
    const leftToSetup =
      reach === 'tabs' &&
      (area === 'schedules' || area === 'assets') &&
      sheet !== null &&
      !sheetProtection(sheet);
    if (sheet && !leftToSetup) attempt(name, () => protectWholeSheet(sheet, area, editors(area), suffix));
    // Its id, so that setup names it again rather than making an empty one (edits/register-identity.ts).
    if (sheet && area === 'changeLog')
      attempt(`the ${name} sheet id`, () => (rememberChangeLogSheet(sheet), false), true);
  }
  for (const sheet of formResponseSheets(ss)) {
    attempt(sheet.getName(), () => protectWholeSheet(sheet, 'formResponses', editors('formResponses')));
  }
  // By its kept id, never the name alone: a decoy under the name would be protected and kept as the register.
  const register = reach === 'tabs' ? null : registerTabToProtect(ss, reach === 'setup');
  if (register) {
    // Its id, so that an edit on it is judged even under another name (edits/register-identity.ts).
    attempt(`the ${SHEET_NAMES.register} sheet id`, () => (rememberRegisterSheet(register), false), true);
    // Without the document lock: no writer reads or changes protections (the hourly job extends them
    // holding only the owner's lock), and a grown register has a range per block of rows the hourly
    // job added (hourly/register-protection.ts), each checked here: at 100,000 rows about 200 of them
    // and a few minutes of calls, far longer than an edit or a submission waits for the lock.
    attempt(
      `the ${SHEET_NAMES.register} system columns`,
      () => protectRegister(register, editors('registerSystemColumns')),
      true,
    );
  }
  // What they were applied with, for the hourly job (reapplyAfterUnseenStaffChange), in the running
  // user's store: the installation owner's when its edit trigger or its setup applied them.
  const applied = staffNow();
  attempt(
    'the record of their editors',
    () => (writeOwnerState(ss.getId(), PROTECTED_EDITORS, editorsByArea(applied, installationOwner)), false),
    true,
  );
  if (changed.length > 0)
    notes?.repaired.push(`protected ${changed.join(', ')} (editors from the Staff tab)`);
}

/** Owner state (per spreadsheet): every protected area's editors when the protections were last applied. */
export const PROTECTED_EDITORS = 'protectedEditors';

/**
 * Every whole-tab area with its editors, as one text that two lists compare by. The register's system
 * columns are left out: the hourly job does not re-apply them (see below).
 */
function editorsByArea(staff: readonly StaffMember[], installationOwner: string | null): string {
  return PROTECTED_AREAS.filter((area) => area !== 'registerSystemColumns')
    .map((area) => `${area}=${areaEditors(area, staff, installationOwner).join(',')}`)
    .join(';');
}

/**
 * Staff changes that no edit trigger sees (a row deleted: Sheets tells only change triggers; cells
 * written through the API) would leave a removed person an editor of the protected tabs until the
 * next accepted Staff edit or setup. The hourly job compares the editors the Staff tab gives now with
 * the ones the protections were last applied with, and applies the whole-tab protections again when
 * they differ (a few dozen calls), so a removal takes effect within the hour: Staff, Settings, the
 * Change Log and the other tabs. The register's column protections (hundreds of ranges at 100,000
 * rows, about two minutes of calls) wait for the next Staff edit or setup; meanwhile the edit trigger
 * judges the removed person's typing by the Staff tab, re-read every hour. A Staff tab with no active
 * administrator (missing, or emptied) is left to setup: applying it would shut every administrator
 * out. With no record yet (a workbook set up by an earlier version) the protections are taken as they
 * stand and recorded, rather than all checked again in one run. True when re-applied.
 */
export function reapplyAfterUnseenStaffChange(
  ss: Spreadsheet,
  staff: readonly StaffMember[],
  installationOwner: string | null,
): boolean {
  if (areaEditors('staff', staff, null).length === 0) return false;
  const wanted = editorsByArea(staff, installationOwner);
  const recorded = readOwnerState(ss.getId(), PROTECTED_EDITORS);
  if (recorded === wanted) return false;
  if (recorded === null) {
    writeOwnerState(ss.getId(), PROTECTED_EDITORS, wanted);
    return false;
  }
  applyProtections(ss, staff, installationOwner, null, undefined, 'tabs');
  return true;
}

/**
 * The hourly job's share, cheap when nothing changed (the register's size and the tabs' sheet ids
 * against what the job last covered, kept in the owner's state): rows Sheets added at the bottom of the
 * register come under its protected columns, and every whole-protected tab the job has not seen
 * protected under its present sheet id is checked and protected if it has no protection: the tabs the
 * add-on creates on first use (Archive, Errors, KPI History, the reply form's Requestor Replies), and
 * any tab deleted and made again since (a technician may delete the tabs they must write; whoever
 * makes one again may not protect it), but the Schedules and Assets tabs, which setup protects as it
 * makes them.
 * One listing of the tabs; a protection read per new id only.
 */
export function repairRegisterProtection(
  ss: Spreadsheet,
  register: Sheet,
  coverage: RegisterCoverage,
  staff: readonly StaffMember[],
  installationOwner: string | null,
): boolean {
  const { maxRows: rows, recorded: state } = coverage;
  const present = new Map(listTabs(ss).map((sheet) => [sheet.getName().toLowerCase(), sheet]));
  let changed = false;
  const ids: Record<string, number> = {};
  for (const [area, name] of WHOLE_SHEETS) {
    const sheet = present.get(name.toLowerCase());
    if (!sheet) continue; // not created yet, or deleted: looked for again next hour
    const id = sheet.getSheetId();
    if (state.ids[name] !== id && !sheetProtection(sheet)) {
      // Protected here, a Schedules or Assets tab someone else made under the name would pass for the
      // administrators' and the job would make orders from it (schedules/tab-trust.ts): left to setup.
      if (area === 'schedules' || area === 'assets') continue;
      changed = protectWholeSheet(sheet, area, areaEditors(area, staff, installationOwner)) || changed;
    }
    ids[name] = id;
  }
  if (state.rows !== rows) {
    const editors = areaEditors('registerSystemColumns', staff, installationOwner);
    changed = protectRegister(register, editors, true) || changed;
  }
  const sameIds =
    Object.keys(ids).length === Object.keys(state.ids).length &&
    Object.entries(ids).every(([name, id]) => state.ids[name] === id);
  if (state.rows === rows && sameIds) return changed;
  writeProtectedExtent(ss.getId(), { rows, ids });
  return changed;
}
