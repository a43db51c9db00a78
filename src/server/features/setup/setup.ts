/**
 * Set up work orders: the menu item and its steps, each idempotent, making or repairing the tabs, the
 * forms, the installation and the protections, and saying what comes next. Who may run it and the
 * Staff tab it starts with are ./setup-staff; the tabs themselves ./sheets.
 */
import { SHEET_NAMES, type StaffMember } from '../../../core/model';
import { REGISTER_HEADER_ROW, registerLayout } from '../../../core/columns';
import { defaultSettings, settingsSheetRows, SETTINGS_HEADER_ROW } from '../../../core/settings';
import { STAFF_HEADER_ROW, activeTechnicians, parseStaff } from '../../../core/staff';
import { readAcceptedTab, recordAcceptedTabs } from '../edits/accepted-tabs';
import { procedureSheetRows } from '../../../core/procedure';
import { formatLocalDate } from '../../../core/time';
import { activeSpreadsheet, readHeaderRow } from '../../adapters/workbook';
import { trimNewRegisterRows } from '../../adapters/tab-sizing';
import { withDocumentLock } from '../../adapters/document-lock';
import { currentUserEmail } from '../../adapters/session';
import { readReferenceData, rememberReferenceData } from '../../adapters/reference-data';
import { OUTBOX_HEADERS } from '../../adapters/outbox-tabs';
import { refreshChangeLogTail } from '../../adapters/change-log-tail';
import { ensureAuditSecret } from './audit-secret';
import { ensureChangeLog, ensureSheet, removeBlankStarterSheet, restoreSettingRows } from './sheets';
import { requireSetupAdministrator, staffRowsToCreate } from './setup-staff';
import { refillRestoredColumns } from '../../adapters/row-state-refill';
import { renameKeptTabsBack } from '../edits/register-identity';
import { applyRegisterValidation } from './validation';
import { ensureRowStateColumn, protectRowStateColumn } from '../../adapters/row-state-column';
import { recordRows } from './row-records';
import { presentChangeLog, presentRegister } from './register-look';
import { ensureIntakeForm, INTAKE_FORM_CREATED } from './intake-form';
import { ensureUpdateForm } from './update-form';
import { ensureReplyFormAtSetup } from './reply-form';
import { shareFormsWithAdministrators } from './form-sharing';
import { ensureWorkRecordTabs } from '../checklists/tabs';
import { copyDocumentStateToOwner } from '../../adapters/owner-copies';
import { recordSpreadsheetZone } from '../../adapters/spreadsheet-zone';
import { ensureCounters, ensureInstallation } from './owner-setup';
import { applyProtections } from './protections';
import { ERRORS_HEADERS } from '../errors/errors-sheet';
import { SetupReport } from './report';
import { alertUser } from '../../adapters/ui';
import { ensureCatalogTabs } from '../assets/setup-tabs';
import { claimSetupRun, finishSetupRun } from './setup-run';
import { sizeAddOnTabs } from './tab-sizing';
import type { Spreadsheet } from '../../adapters/apps-script-types';

/** Rows a new register starts with; Sheets grows it as rows are appended. */
const REGISTER_INITIAL_ROWS = 200;

/**
 * Setup's steps, each under a hold of the document lock of its own (a second or two each, never
 * ~40 s: longer than an edit trigger or a submission waits for it): the add-on's state, the tabs
 * writers append to, the installation, each protection, and the rows' records in chunks. What only
 * lays rules or formats over cells (drop-downs, date formats, hidden columns) and the forms, which no
 * writer touches, run between holds; claimSetupRun keeps a second setup out meanwhile. Every step is
 * idempotent and re-reads what it needs, so a writer between two steps (an edit, a submission) finds
 * the workbook usable, and a run stopped halfway is completed by the next.
 */
export function runSetup(ss: Spreadsheet, email: string, now: Date): SetupReport {
  const startedMs = Date.now();
  const report = new SetupReport();
  const locked = <T>(step: () => T): T => withDocumentLock(step);
  const timeZone = ss.getSpreadsheetTimeZone();
  const run = locked(() => {
    requireSetupAdministrator(readReferenceData(ss).staff, email);
    // The zone every date is written in, kept so a later change in File › Settings is put back
    // (features/errors/zone-guard.ts); an existing installation gets it from its next setup.
    recordSpreadsheetZone(ss, timeZone);
    return claimSetupRun(email, now, timeZone);
  });
  try {
    setUpSteps(ss, email, now, timeZone, report, locked, startedMs);
  } finally {
    finishSetupRun(run, new Date());
  }
  return report;
}

function setUpSteps(
  ss: Spreadsheet,
  email: string,
  now: Date,
  timeZone: string,
  report: SetupReport,
  locked: <T>(step: () => T) => T,
  startedMs: number,
): void {
  const acceptedAtStart = JSON.stringify(readAcceptedTab(SHEET_NAMES.staff));
  // A renamed register or Change Log is named again, not replaced by an empty tab.
  report.repaired.push(...locked(() => renameKeptTabsBack(ss)));
  // A new tab is made and cut to size under a hold of its own (~50,000 cells covered each).
  locked(() => {
    const settingsTab = ensureSheet(
      ss,
      SHEET_NAMES.settings,
      SETTINGS_HEADER_ROW,
      report,
      settingsSheetRows(defaultSettings()),
    );
    if (!settingsTab.created) restoreSettingRows(settingsTab.sheet, report);
  });
  const { settings, staff } = locked(() => {
    ensureSheet(ss, SHEET_NAMES.staff, STAFF_HEADER_ROW, report, staffRowsToCreate(email));
    const read = readReferenceData(ss);
    report.warnings.push(...read.problems);
    return read;
  });

  const registerTab = locked(() => {
    const ensured = ensureSheet(ss, SHEET_NAMES.register, REGISTER_HEADER_ROW, report);
    if (ensured.created) removeBlankStarterSheet(ss, report);
    if (ensured.created) trimNewRegisterRows(ensured.sheet, REGISTER_INITIAL_ROWS);
    ensureRowStateColumn(ensured.sheet, ensured.created ? null : report); // the edit trigger's record
    return ensured;
  });
  // Rules, formats and protections over the register's rows: no writer reads or writes them, and at
  // 100,000 rows they cover millions of cells (or hundreds of ranges), so they run without the lock.
  protectRowStateColumn(registerTab.sheet, registerTab.created ? null : report);
  applyRegisterValidation(
    registerTab.sheet,
    registerLayout(readHeaderRow(registerTab.sheet)),
    settings,
    staff,
  );
  presentRegister(registerTab.sheet, settings, registerTab.created ? null : report);

  const changeLog = locked(() => ensureChangeLog(ss, report));
  // The Timestamp column's display format: no writer reads formats, so no lock.
  presentChangeLog(changeLog?.sheet ?? null);
  locked(() => ensureSheet(ss, SHEET_NAMES.outbox, OUTBOX_HEADERS, report));
  // The hourly job's own queue (adapters/outbox-tabs.ts), made here so that it is protected from the
  // start (below): a tab of that name typed in before the job first queues mail would otherwise be
  // someone else's. A workbook set up before it existed gets it from the job, protected as it is made.
  locked(() => ensureSheet(ss, SHEET_NAMES.hourlyOutbox, OUTBOX_HEADERS, report));
  locked(() => ensureSheet(ss, SHEET_NAMES.errors, ERRORS_HEADERS, report));
  // The Procedure tab is the organization's own document: created once, never rewritten by setup.
  locked(() =>
    ensureSheet(
      ss,
      SHEET_NAMES.procedure,
      null,
      report,
      procedureSheetRows({
        organizationName: settings.organizationName,
        retentionDays: settings.retentionDays,
        revisions: [
          {
            version: '1.0',
            date: formatLocalDate(now, timeZone),
            description: 'Initial SOP creation',
            author: email,
          },
        ],
      }),
    ),
  );
  // Assets and Schedules (equipment, preventive maintenance); the form asks for the active assets.
  const catalog = ensureCatalogTabs(ss, settings, staff, timeZone, report, locked);
  // The forms are setup's alone (no writer creates or changes one): built without the lock.
  const intakeForm = ensureIntakeForm(ss, settings, report, catalog.assetChoices);
  sayWhatComesNext(report, staff, report.created.includes(INTAKE_FORM_CREATED) ? intakeForm : null);
  const updateForm = ensureUpdateForm(ss, report);
  const replyForm = ensureReplyFormAtSetup(ss, report);
  shareFormsWithAdministrators([intakeForm, updateForm, replyForm], staff, report);
  ensureWorkRecordTabs(ss, report, locked);
  sizeAddOnTabs(ss, report, locked);
  const owner = locked(() => {
    const installedBy = ensureInstallation(ss, email, report);
    ensureCounters(ss, installedBy === email, report);
    return installedBy;
  });
  // Each area under a hold of its own. A Staff edit accepted between two areas re-applies every
  // protection itself; the areas after it then use its list, not the one setup read before it.
  const currentStaff = (): readonly StaffMember[] => {
    const accepted = readAcceptedTab(SHEET_NAMES.staff);
    const changed = accepted !== null && JSON.stringify(accepted) !== acceptedAtStart;
    return changed ? parseStaff(accepted).staff : staff;
  };
  applyProtections(ss, currentStaff, owner, report, locked, 'setup');
  locked(() => {
    recordAcceptedTabs(ss);
    // What setup leaves in place is what every execution reads next: store it, so they start warm.
    rememberReferenceData(readReferenceData(ss));
    refreshChangeLogTail(ss);
    ensureAuditSecret(ss, report);
  });
  // The rows' records, in chunks under holds of their own: at 100,000 rows one hold would last ~30 s.
  // Up to one run's share (at 100,000 rows without a record, the whole would not fit in one run).
  recordRows(ss, registerTab.sheet, startedMs, report, registerTab.created);
  // The hourly job has no document: it reads the sealed flag and the register's id from the owner's copy.
  if (owner === email) copyDocumentStateToOwner(ss.getId());
  // A column deleted by hand took its values with it: the rows' records give them back.
  const refilled = refillRestoredColumns(registerTab.sheet, registerTab.restored, withDocumentLock);
  if (refilled.filled > 0)
    report.repaired.push(
      `Work Orders: filled ${refilled.filled} cell(s) of the restored column(s) from each row's record`,
    );
  if (refilled.printed > 0)
    report.warnings.push(
      `Work Orders: ${refilled.printed} text(s) of the restored column(s) could not be filled in, their rows' records keeping only a print of them; the Change Log holds them`,
    );
}

/**
 * A workbook just set up serves nobody yet: until the Staff tab has an active technician, the summary
 * says to add the team, and to share the spreadsheet with them: a protection's editor list, which setup
 * keeps in step with Staff, gives no access to the file itself (Google's Protection reference), so a
 * Staff row alone lets nobody open it. When the request form is new, it gives the link to share with
 * requestors, who need no access to the spreadsheet.
 */
function sayWhatComesNext(
  report: SetupReport,
  staff: readonly StaffMember[],
  newIntakeForm: GoogleAppsScript.Forms.Form | null,
): void {
  if (activeTechnicians(staff).length === 0)
    report.nextSteps.push(
      'add your team on the Staff tab, one row each: Email, Name, Role (Supervisor, Technician, Manager or Administrator), Active TRUE, and share this spreadsheet with each of them as an editor (Share): a Staff row does not give access to the file.',
    );
  if (newIntakeForm)
    report.nextSteps.push(
      `Share the request form with requestors: ${newIntakeForm.getPublishedUrl()} (or print QR labels with Print request labels).`,
    );
}

/** Menu: Set up work orders. */
export function setUpWorkOrders(): string {
  const ss = activeSpreadsheet();
  const report = runSetup(ss, currentUserEmail(), new Date());
  const summary = report.summary();
  ss.toast(
    report.unfinished
      ? 'Work Orders setup is not finished: the summary says how to go on.'
      : report.changedAnything
        ? 'Work Orders is set up.'
        : 'Work Orders was already set up.',
    'Work Orders',
    5,
  );
  alertUser('Work Orders setup', summary);
  return summary;
}
