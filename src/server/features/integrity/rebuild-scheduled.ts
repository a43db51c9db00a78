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

interface ScheduleContext {
  settings: Settings;
  timeZone: string;
  staff: readonly StaffMember[];
}

/** Builds the start of order `id` from the occurrence `ref` names, reading the schedules once. */
function startMaker(ss: Spreadsheet, ctx: ScheduleContext) {
  let schedules: Schedule[] | null = null;
  return (id: string, ref: string, at: Date): ScheduledStart | null => {
    const occurrence = parseScheduleRef(ref);
    if (!occurrence) return null;
    schedules ??= readSchedules(ss, ctx.settings, ctx.timeZone);
    const schedule = schedules.find((s) => s.id === occurrence.scheduleId);
    if (!schedule) {
      return {
        start: { ...emptyWorkOrder(), id, requesterName: SCHEDULED_REQUESTER, responseRef: ref },
        flag: `Restored from the change log: schedule ${occurrence.scheduleId} is no longer on the Schedules tab, so its task is not known`,
      };
    }
    const start = scheduledWorkOrder(
      schedule,
      { scheduleId: schedule.id, due: occurrence.due, late: false, missed: [] },
      { id, now: at, today: occurrence.due, timeZone: ctx.timeZone, staff: ctx.staff },
    );
    return {
      start,
      flag: `Restored from the change log: its task, location, category and priority are schedule ${schedule.id}'s as the Schedules tab reads now`,
    };
  };
}

/** The start of each history a schedule made, by request id (nothing read when there is none). */
export function scheduledStarts(
  ss: Spreadsheet,
  histories: readonly RecordHistory[],
  ctx: ScheduleContext,
): Map<string, ScheduledStart> {
  const starts = new Map<string, ScheduledStart>();
  const make = startMaker(ss, ctx);
  for (const history of histories) {
    const ref = occurrenceRef(history);
    const made = ref ? make(history.id, ref, history.created?.at ?? new Date(NaN)) : null;
    if (made) starts.set(history.id, made);
  }
  return starts;
}

/**
 * What each order a schedule made holds as its schedule would fill it in now (`refs`: request id →
 * the occurrence its record names), for Verify to find a text kept as a print (./register-answers).
 */
export function scheduledOrders(
  ss: Spreadsheet,
  refs: ReadonlyMap<string, string>,
  ctx: ScheduleContext,
): Map<string, WorkOrder> {
  const make = startMaker(ss, ctx);
  const out = new Map<string, WorkOrder>();
  for (const [id, ref] of refs) {
    const made = parseScheduleRef(ref) ? make(id, ref, new Date(NaN)) : null;
    if (made) out.set(id, made.start);
  }
  return out;
}
