/**
 * Report: Maintenance — assets and preventive maintenance, pure.
 *  - Per-asset history: every asset of the Assets tab (and any asset named by an order but no longer
 *    listed), its orders, corrective and preventive, open, the corrective ones of the last 90 days, the
 *    last request and the mean time to complete.
 *  - Repeat failures: assets with at least REPEAT_FAILURES corrective orders requested in the last
 *    REPEAT_WINDOW_DAYS days (corrective = any order not made by a schedule).
 *  - PM compliance: of the preventive orders whose due day has ended, the share completed by the end
 *    of that day (the occurrence's due date, named in the order's Response Row, not the order's Due,
 *    which a supervisor may move); the late and missed ones listed.
 */
import type { Asset } from '../assets';
import type { WorkOrder } from '../model';
import { parseScheduleRef } from '../schedule-plan';
import { SHEET_NAMES } from '../model';
import { DAY_MS, fromLocalParts, hoursBetween, isoDate, type ZonedCalendar } from '../time';
import type { Cell, ReportTab } from './types';
import { days, percent, TabBuilder } from './tables/tab-builder';

export const REPEAT_FAILURES = 3;
export const REPEAT_WINDOW_DAYS = 90;
/** Late or missed preventive orders listed at most (the counts cover all). */
const LISTED = 50;

export interface AssetHistoryRow {
  id: string;
  name: string;
  location: string;
  criticality: string;
  listed: boolean;
  orders: number;
  corrective: number;
  preventive: number;
  open: number;
  recentCorrective: number;
  lastRequested: Date | null;
  meanHoursToComplete: number | null;
}

export interface PmOrderRow {
  id: string;
  scheduleId: string;
  due: string;
  status: string;
  completed: Date | null;
  outcome: 'on time' | 'late' | 'not completed';
}

export interface MaintenanceData {
  builtAt: Date;
  assets: AssetHistoryRow[];
  repeatFailures: AssetHistoryRow[];
  pm: {
    due: number;
    onTime: number;
    late: number;
    notCompleted: number;
    upcoming: number;
    rate: number | null;
  };
  pmExceptions: PmOrderRow[];
}

const DONE = new Set(['Completed', 'Closed']);
const OPEN = new Set(['Submitted', 'Approved', 'Assigned', 'In Progress', 'On Hold', 'Completed']);

export function computeMaintenance(input: {
  orders: readonly WorkOrder[];
  assets: readonly Asset[];
  now: Date;
  timeZone: string;
}): MaintenanceData {
  const windowStart = input.now.getTime() - REPEAT_WINDOW_DAYS * DAY_MS;
  const rows = new Map<string, AssetHistoryRow & { hours: number[] }>();
  const row = (id: string, asset?: Asset) => {
    const key = id.toLowerCase();
    let found = rows.get(key);
    if (!found) {
      found = {
        id: asset?.id ?? id,
        name: asset?.name ?? '',
        location: asset?.location ?? '',
        criticality: asset?.criticality ?? '',
        listed: asset !== undefined,
        orders: 0,
        corrective: 0,
        preventive: 0,
        open: 0,
        recentCorrective: 0,
        lastRequested: null,
        meanHoursToComplete: null,
        hours: [],
      };
      rows.set(key, found);
    }
    return found;
  };
  for (const asset of input.assets) row(asset.id, asset);
  const pmRows: PmOrderRow[] = [];
  let upcoming = 0;
  for (const order of input.orders) {
    if (order.status === 'Rejected' || order.status === 'Cancelled') continue;
    const ref = parseScheduleRef(order.responseRef);
    if (order.asset !== '') {
      const r = row(order.asset);
      r.orders += 1;
      if (ref) r.preventive += 1;
      else r.corrective += 1;
      if (OPEN.has(order.status) && order.status !== 'Completed') r.open += 1;
      const requested = order.requestedAt?.getTime() ?? NaN;
      if (!ref && requested >= windowStart) r.recentCorrective += 1;
      if (order.requestedAt && (!r.lastRequested || order.requestedAt > r.lastRequested))
        r.lastRequested = order.requestedAt;
      if (order.completedAt && order.requestedAt)
        r.hours.push(hoursBetween(order.requestedAt, order.completedAt));
    }
    if (!ref) continue;
    const endOfDue = fromLocalParts({ ...ref.due, hour: 23, minute: 59, second: 59 }, input.timeZone);
    const completed = DONE.has(order.status) ? order.completedAt : null;
    if (endOfDue.getTime() > input.now.getTime() && !(completed && completed <= endOfDue)) {
      upcoming += 1;
      continue;
    }
    const outcome = !completed ? 'not completed' : completed <= endOfDue ? 'on time' : 'late';
    pmRows.push({
      id: order.id,
      scheduleId: ref.scheduleId,
      due: isoDate(ref.due),
      status: order.status,
      completed,
      outcome,
    });
  }
  const assets = [...rows.values()].map(({ hours, ...r }) => ({
    ...r,
    meanHoursToComplete: hours.length ? hours.reduce((a, b) => a + b, 0) / hours.length : null,
  }));
  assets.sort(
    (a, b) => b.recentCorrective - a.recentCorrective || b.orders - a.orders || a.id.localeCompare(b.id),
  );
  const onTime = pmRows.filter((r) => r.outcome === 'on time').length;
  const late = pmRows.filter((r) => r.outcome === 'late').length;
  return {
    builtAt: input.now,
    assets,
    repeatFailures: assets.filter((a) => a.recentCorrective >= REPEAT_FAILURES),
    pm: {
      due: pmRows.length,
      onTime,
      late,
      notCompleted: pmRows.length - onTime - late,
      upcoming,
      rate: pmRows.length ? onTime / pmRows.length : null,
    },
    pmExceptions: pmRows.filter((r) => r.outcome !== 'on time').sort((a, b) => a.due.localeCompare(b.due)),
  };
}

export function maintenanceTab(data: MaintenanceData, cal: ZonedCalendar): ReportTab {
  const built = `${cal.isoDateTime(data.builtAt.getTime())} (${cal.timeZone})`;
  const tab = new TabBuilder(SHEET_NAMES.reportMaintenance)
    .opening(
      built,
      `Every work order in the register as of ${cal.isoDate(data.builtAt.getTime())} (archived ones are not ` +
        'included) and the Assets tab as it stands',
    )
    .blank();
  tab.heading('Preventive maintenance compliance');
  tab.table(
    [
      'Due by now, or done',
      'Completed on time',
      'Completed late',
      'Not completed',
      'Compliance %',
      'Not yet due',
    ],
    [
      [
        data.pm.due,
        data.pm.onTime,
        data.pm.late,
        data.pm.notCompleted,
        percent(data.pm.rate),
        data.pm.upcoming,
      ],
    ],
  );
  tab.line(
    'Compliance: preventive orders completed by the end of their occurrence’s due date, out of those whose due date has passed (rejected and cancelled ones left out).',
  );
  if (data.pmExceptions.length > 0) {
    tab.blank().heading('Late or not completed preventive orders');
    tab.table(
      ['Request ID', 'Schedule', 'Due', 'Status', 'Completed', 'Outcome'],
      data.pmExceptions
        .slice(0, LISTED)
        .map((r): Cell[] => [r.id, r.scheduleId, r.due, r.status, r.completed ?? '', r.outcome]),
    );
    if (data.pmExceptions.length > LISTED) tab.line(`… and ${data.pmExceptions.length - LISTED} more.`);
  }
  tab
    .blank()
    .heading(`Repeat failures (${REPEAT_FAILURES} or more corrective orders in ${REPEAT_WINDOW_DAYS} days)`);
  if (data.repeatFailures.length === 0) tab.line('None.');
  else
    tab.table(
      [
        'Asset ID',
        'Name',
        'Location',
        'Criticality',
        `Corrective (last ${REPEAT_WINDOW_DAYS} days)`,
        'Last request',
      ],
      data.repeatFailures.map((a): Cell[] => [
        a.id,
        a.name,
        a.location,
        a.criticality,
        a.recentCorrective,
        a.lastRequested ?? '',
      ]),
    );
  tab.blank().heading('Asset history');
  tab.table(
    [
      'Asset ID',
      'Name',
      'Location',
      'Criticality',
      'Orders',
      'Corrective',
      'Preventive',
      'Open',
      `Corrective (last ${REPEAT_WINDOW_DAYS} days)`,
      'Last request',
      'Mean days to complete',
    ],
    data.assets.map((a): Cell[] => [
      a.listed ? a.id : `${a.id} (not on the Assets tab)`,
      a.name,
      a.location,
      a.criticality,
      a.orders,
      a.corrective,
      a.preventive,
      a.open,
      a.recentCorrective,
      a.lastRequested ?? '',
      days(a.meanHoursToComplete),
    ]),
  );
  tab.line(
    'Corrective: every order not made by a schedule. Mean days to complete: from request to completion.',
  );
  return tab.build();
}
