/**
 * The hourly job's weekly step: once the spreadsheet's week is over, the first run (not already busy
 * with other work, within the first day) keeps that week's KPI snapshot as one row of the KPI History
 * tab and emails the managers a summary.
 *
 * Exactly once per week: the week kept is recorded in the installation owner's state (trusted: no
 * editor of the spreadsheet can change it), checked again and written under the owner's user lock
 * together with the row, so neither a repeated run nor a concurrent one (the hourly trigger and "Run
 * hourly checks now") keeps a second row. The row is written where the week's row already is, if a
 * run stopped between the row and the state: the tab never holds a week twice. A row typed or deleted
 * by hand does not make the job keep a week again.
 */
import {
  KPI_HISTORY_SHEET,
  NO_KPI_TAB,
  composeWeeklySummary,
  isKpiHistoryTab,
  hasKpiHistoryHeader,
  managerEmails,
  previousWeek,
  snapshotRow,
  weekSnapshot,
  type KpiSnapshot,
} from '../../../core/reports/weekly';
import { asCellText } from '../../../core/sanitize';
import { getProperty, PROPERTY_KEYS } from '../../adapters/document-properties';
import { kpiHistoryTabAsFound, writeKpiHistoryRow } from '../../adapters/kpi-history-tab';
import { readOwnerState, writeOwnerState, writeOwnerStates } from '../../adapters/owner-state';
import type { ReferenceData } from '../../adapters/reference-data';
import { withUserLock } from '../../adapters/document-lock';
import type { JobMail } from '../hourly/job-mail';
import { readReportSource } from '../reports/read-data';

import type { Spreadsheet } from '../../adapters/apps-script-types';

/** Owner state (per spreadsheet): the ISO week ("2026-W48") whose snapshot was last kept. */
export const KPI_WEEK = 'kpiHistoryWeek';
/** Owner state: the sheet id of the KPI History tab the job writes (NO_KPI_TAB before it made one). */
export const KPI_TAB = 'kpiHistoryTab';

export type KpiHistoryOutcome =
  | 'already kept'
  | 'later (the run is short of time)'
  | 'later (the run is busy)'
  | 'nothing to keep (no work orders yet)'
  | 'kept'
  | 'kept (no active manager to email)'
  | 'kept and emailed';

/**
 * A run already busy with other work (many emails, many orders made) leaves the snapshot, which reads
 * the register and the change log, to a later run of the day the week ended; after that day the first
 * run keeps it whatever else it did. (Deferred further, it would land on an ordinary hour instead:
 * the week's one snapshot costs the same in any run.)
 */
export const BUSY_RUN_GRACE_MS = 24 * 3_600_000;

/**
 * Writes the week's row: over the row already holding that week, else after the last row, on the tab
 * the job made (a tab someone else made under its name is renamed out of the way: core/reports/weekly
 * isKpiHistoryTab). A tab made now is protected as it is made
 * (features/setup/tab-protection-as-made.ts). Returns the tab's sheet id, to record.
 */
function writeRow(
  ss: Spreadsheet,
  snapshot: KpiSnapshot,
  recordedId: string | null,
  keptBefore: boolean,
  now: Date,
): number {
  const cells = snapshotRow(snapshot).map((c) => (typeof c === 'string' ? asCellText(c).cell : c));
  const written = writeKpiHistoryRow(
    ss,
    snapshot.week.key,
    cells,
    {
      isTheAddOns: (found) => isKpiHistoryTab(found, recordedId, keptBefore),
      made: (sheetId) => writeOwnerState(ss.getId(), KPI_TAB, String(sheetId)),
    },
    now,
  );
  if (written.setAside)
    console.warn(`A ${KPI_HISTORY_SHEET} tab the add-on did not make was renamed "${written.setAside}".`);
  return written.sheetId;
}

export function keepWeeklyKpis(
  ss: Spreadsheet,
  reference: ReferenceData,
  now: Date,
  mail: JobMail,
  /** Epoch ms after which the snapshot (a read of the register and the change log) waits for the next run. */
  startBy: number,
  /** The run has already done much other work (see BUSY_RUN_GRACE_MS). */
  busy = false,
): KpiHistoryOutcome {
  const id = ss.getId();
  const { settings, staff, timeZone } = reference;
  const week = previousWeek(now, timeZone);
  if (readOwnerState(id, KPI_WEEK) === week.key) return 'already kept';
  if (Date.now() > startBy) return 'later (the run is short of time)';
  if (busy && now.getTime() < week.end + BUSY_RUN_GRACE_MS) return 'later (the run is busy)';
  const source = readReportSource(ss);
  const snapshot = weekSnapshot(
    { orders: source.orders, changes: source.changes, now, timeZone, staff },
    week,
  );
  // A week that ended before the first request (the week before setup) has nothing to record.
  const empty =
    source.orders.length === 0 ||
    (snapshot.created === 0 &&
      snapshot.backlogEnd === 0 &&
      snapshot.completed === 0 &&
      snapshot.closed === 0 &&
      snapshot.withdrawn === 0);
  const kept = withUserLock(() => {
    // Checked again under the lock: another run may have kept the week meanwhile.
    const keptWeek = readOwnerState(id, KPI_WEEK);
    if (keptWeek === week.key) return false;
    const recordedTab = readOwnerState(id, KPI_TAB);
    const tab = empty
      ? (recordedTab ?? NO_KPI_TAB)
      : String(writeRow(ss, snapshot, recordedTab, keptWeek !== null, now));
    writeOwnerStates(id, { [KPI_WEEK]: week.key, [KPI_TAB]: tab });
    return true;
  });
  if (!kept) return 'already kept';
  if (empty) return 'nothing to keep (no work orders yet)';
  if (!settings.weeklyKpiSummary) return 'kept';
  const to = managerEmails(staff);
  if (to.length === 0) return 'kept (no active manager to email)';
  const email = composeWeeklySummary(snapshot, {
    to,
    organizationName: settings.organizationName,
    link: ss.getUrl(),
    timeZone,
  });
  mail.deliver([{ ...email, recordId: '' }]);
  return 'kept and emailed';
}

/**
 * The owner's record of the KPI History tab as a document property, for intake to write with its
 * commit when it differs (no call of its own): the one copy a new installation owner can read, since
 * the former owner's job recorded the tab in their own properties. Empty when nothing is to change.
 */
export function kpiTabCopy(recorded: string | null): Record<string, string> {
  if (recorded === null || recorded === NO_KPI_TAB || getProperty(PROPERTY_KEYS.kpiHistoryTab) === recorded)
    return {};
  return { [PROPERTY_KEYS.kpiHistoryTab]: recorded };
}

/**
 * Take over installation: the KPI History tab the former owner's job kept weeks on is recorded as the
 * add-on's for the new owner, whose job would otherwise find a tab it has no record of on its first
 * week and set the genuine history aside as someone else's. Only the tab the copy names (kpiTabCopy),
 * with the add-on's header: a tab an editor made under the name is not taken, as protecting tabs by
 * name may have made it look like the add-on's.
 */
export function adoptKpiHistoryTab(ss: Spreadsheet): boolean {
  const copy = getProperty(PROPERTY_KEYS.kpiHistoryTab);
  const found = kpiHistoryTabAsFound(ss);
  if (copy === null || !found || String(found.sheetId) !== copy || !hasKpiHistoryHeader(found.header))
    return false;
  writeOwnerState(ss.getId(), KPI_TAB, copy);
  return true;
}
