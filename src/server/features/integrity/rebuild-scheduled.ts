/**
 * Where the rebuild of an order a schedule made starts (./rebuild): a preventive-maintenance order has
 * no form answers, and the change log holds only its creation (naming the occurrence: "Submitted
 * (Schedule PM-7 2026-12-07)"), its due date and its flag, never what the schedule filled in. Rebuilt
 * from the log alone, a deleted one came back hollow (no task, location, category, priority nor Response
 * Row), flagged as if its form answers were lost: the maintenance was back in name only. It starts
 * instead from the schedule as the Schedules tab reads now (read once, only when such an order is
 * rebuilt), which the log's lines then correct, and its Needs Review says where its details came from.
 */
import { emptyWorkOrder, SHEET_NAMES, type StaffMember, type WorkOrder } from '../../../core/model';
import { CREATED_FIELD, type RecordHistory } from '../../../core/replay';
import { parseScheduleRef } from '../../../core/schedule-plan';
import { SCHEDULED_REQUESTER, scheduledCreationRef, scheduledWorkOrder } from '../../../core/schedule-order';
import { parseSchedules, type Schedule } from '../../../core/schedules';
import type { Settings } from '../../../core/settings';
import { readTabValues } from '../../adapters/workbook';
import type { Spreadsheet } from '../../adapters/apps-script-types';
import { readAssets } from '../assets/assets-tab';
import { scheduleContext } from '../schedules/schedules-tab';

export interface ScheduledStart {
  start: WorkOrder;
  /** What its Needs Review says about where its details came from. */
  flag: string;
}

/** The occurrence a history's Created line names, or null for an order a schedule did not make. */
function occurrenceRef(history: RecordHistory): string | null {
  const created = history.lines.filter((l) => l.field === CREATED_FIELD).at(-1);
  return created ? scheduledCreationRef(created.newValue) : null;
}

/** The schedules as the tab reads now (refused rows left out). */
function readSchedules(ss: Spreadsheet, settings: Settings, timeZone: string): Schedule[] {
  const values = readTabValues(ss, SHEET_NAMES.schedules);
  if (!values || values.length < 2) return [];
  const assets = readAssets(ss, settings);
  return parseSchedules(values, scheduleContext(settings, assets.assets, timeZone, assets.refused)).schedules;
}

/** The start of each history a schedule made, by request id (nothing read when there is none). */
export function scheduledStarts(
  ss: Spreadsheet,
  histories: readonly RecordHistory[],
  ctx: { settings: Settings; timeZone: string; staff: readonly StaffMember[] },
): Map<string, ScheduledStart> {
  const starts = new Map<string, ScheduledStart>();
  let schedules: Schedule[] | null = null;
  for (const history of histories) {
    const ref = occurrenceRef(history);
    const occurrence = ref ? parseScheduleRef(ref) : null;
    if (!ref || !occurrence) continue;
    schedules ??= readSchedules(ss, ctx.settings, ctx.timeZone);
    const schedule = schedules.find((s) => s.id === occurrence.scheduleId);
    const at = history.created?.at ?? new Date(NaN);
    if (!schedule) {
      starts.set(history.id, {
        start: { ...emptyWorkOrder(), id: history.id, requesterName: SCHEDULED_REQUESTER, responseRef: ref },
        flag: `Restored from the change log: schedule ${occurrence.scheduleId} is no longer on the Schedules tab, so its task is not known`,
      });
      continue;
    }
    const start = scheduledWorkOrder(
      schedule,
      { scheduleId: schedule.id, due: occurrence.due, late: false, missed: [] },
      { id: history.id, now: at, today: occurrence.due, timeZone: ctx.timeZone, staff: ctx.staff },
    );
    starts.set(history.id, {
      start,
      flag: `Restored from the change log: its task, location, category and priority are schedule ${schedule.id}'s as the Schedules tab reads now`,
    });
  }
  return starts;
}
