/**
 * Menu: Build reports. Reads the register and the change log in a few batched reads, computes every
 * figure in pure code (src/core/reports), then rebuilds the report tabs (the three of core/reports, Maintenance and Cost) under stable names.
 *
 * The reads and the computation run without the document lock: at 100,000 work orders they take a
 * long time in Apps Script, and holding the lock that long would make every sidebar action and edit
 * in the meantime fail. The report is a snapshot as of `now` either way.
 *
 * The report tabs hold no work order's data that anything reads back (they are output, rebuilt whole
 * each time), so no writer needs them locked. Two managers building at once, though, could interleave
 * on the same tab (charts removed and added twice, values of one build under the other's formats): each
 * tab is written under a hold of the document lock of its own, a few seconds, so every tab is one
 * build's whole, and an edit waits at most for one tab.
 *
 * Output as they are, the tabs are what managers read: each is protected for the roles that may build
 * reports (the permission table's 'reports' area), so nobody the figures measure can type over them.
 */
import { computeReports, reportTables } from '../../../core/reports';
import { withDocumentLock } from '../../adapters/document-lock';
import { loadReferenceData } from '../../adapters/reference-data';
import { currentUserEmail } from '../../adapters/session';
import { activeSpreadsheet } from '../../adapters/workbook';
import { requireReportRole } from './access';
import { readReportSource } from './read-data';
import { writeReportTab } from './write-tab';
import { costReportTab } from '../labour/report';
import { maintenanceReportTab } from '../assets/maintenance-report';
import { protectNewTab } from '../setup/protections';
import { reportTabGuard } from './tab-guard';
import type { Sheet } from '../../adapters/apps-script-types';
import { listArchiveFiles } from '../archive/files';

/**
 * Once work has been archived, the figures cover only what is left in this spreadsheet: said on the
 * tabs, so that a manager comparing with last quarter's figures (or the KPI History tab) is not misled.
 */
function archivedNote(): string[] {
  let names: string[];
  try {
    names = listArchiveFiles().map((f) => `"${f.name}"`);
  } catch {
    // An unreadable list is Verify's and the archive's to report; the figures still stand.
    names = ['the archive spreadsheets'];
  }
  if (names.length === 0) return [];
  return [
    `Work orders archived to ${names.join(', ')} (closed, rejected or cancelled, moved after the retention period) are not in these figures; the KPI History tab keeps each week's figures as they were recorded.`,
  ];
}

export interface BuildReportsResult {
  /** The instant every figure is computed at, ISO 8601 with milliseconds. */
  builtAt: string;
  tabs: string[];
  workOrders: number;
  changeLogRows: number;
}

export function buildReports(): BuildReportsResult {
  const ss = activeSpreadsheet();
  const reference = loadReferenceData(ss);
  requireReportRole(reference.staff, currentUserEmail());
  const now = new Date();
  const source = readReportSource(ss);
  const data = computeReports({
    orders: source.orders,
    changes: source.changes,
    now,
    timeZone: reference.timeZone,
    staff: reference.staff,
  });
  data.notes.push(...source.notes, ...archivedNote());
  const tabs = [
    ...reportTables(data),
    maintenanceReportTab(ss, reference, source.orders, now),
    costReportTab(ss, reference, source.orders, now),
  ];
  // A tab is protected before this build first writes it (made now, or found with a report's name but
  // never protected by a build); setup, Staff edits and the hourly job keep its editors in step with
  // the Staff tab.
  const tabGuard = reportTabGuard((sheet: Sheet): void =>
    protectNewTab(sheet, 'reports', reference.staff, reference.installationOwner),
  );
  const sheets = tabs.map((tab) => withDocumentLock(() => writeReportTab(ss, tab, tabGuard.guard)));
  tabGuard.save();
  sheets[0]?.activate();
  ss.toast(
    `${tabs.map((t) => t.name).join(', ')} rebuilt from ${source.orders.length} work orders.`,
    'Work Orders reports',
    5,
  );
  return {
    builtAt: now.toISOString(),
    tabs: tabs.map((t) => t.name),
    workOrders: source.orders.length,
    changeLogRows: source.changeLogRows,
  };
}
