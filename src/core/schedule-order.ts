/**
 * The work order of a preventive-maintenance occurrence, and its change-log rows, pure.
 *
 * It is made Submitted, never approved by the job: a work-order number is taken from the document's
 * counter under the document lock, and the hourly job runs with no document (it has neither). The
 * order arrives in Review & assign with its category, priority, location, asset and due date filled
 * in and the default technician named in its notes, so approving and assigning it is one step.
 */
import type { UnhashedEntry } from './audit';
import { formatFieldValue } from './field-changes';
import { REGISTER_COLUMNS, emptyWorkOrder, type StaffMember, type WorkOrder } from './model';
import { asCellText } from './sanitize';
import { lateFlag, parseScheduleRef, scheduleRef, type Occurrence } from './schedule-plan';
import { dueDate, type SlaSettings } from './sla';
import type { Schedule } from './schedules';
import { activeTechnicians } from './staff';
import { fromLocalParts, isoDate, type LocalDate } from './time';
import { URGENCY_CHOICES } from './intake';

export const SCHEDULED_REQUESTER = 'Preventive maintenance';

function every(schedule: Schedule): string {
  if (schedule.unit === 'weekdays') {
    const names = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
    return `every ${schedule.weekdays.map((d) => names[d - 1]).join(', ')}`;
  }
  return `every ${schedule.every} ${schedule.every === 1 ? schedule.unit.replace(/s$/, '') : schedule.unit}`;
}

function technicianNote(schedule: Schedule, staff: readonly StaffMember[]): string {
  if (schedule.technician === '') return 'No default technician: assign someone.';
  const tech = activeTechnicians(staff).find((t) => t.email === schedule.technician);
  return tech
    ? `Default technician: ${tech.name || tech.email} (${tech.email}).`
    : `Default technician ${schedule.technician} is not an active technician on the Staff tab: assign someone.`;
}

export function scheduledWorkOrder(
  schedule: Schedule,
  occurrence: Occurrence,
  meta: { id: string; now: Date; today: LocalDate; timeZone: string; staff: readonly StaffMember[] },
): WorkOrder {
  const due = occurrence.due;
  return {
    ...emptyWorkOrder(),
    id: meta.id,
    priority: schedule.priority,
    category: schedule.category,
    location: schedule.location,
    asset: schedule.asset,
    due: fromLocalParts({ ...due, hour: 23, minute: 59, second: 59 }, meta.timeZone),
    requestedAt: meta.now,
    requesterName: SCHEDULED_REQUESTER,
    description: asCellText(schedule.task).text,
    urgency: URGENCY_CHOICES[3],
    notes: asCellText(
      `Preventive maintenance: schedule ${schedule.id} (${every(schedule)}), due ${isoDate(due)}. ` +
        technicianNote(schedule, meta.staff),
    ).text,
    reviewFlag: occurrence.late ? asCellText(lateFlag(occurrence, meta.today)).text : '',
    responseRef: scheduleRef(schedule.id, due),
  };
}

/**
 * What the change log records of a scheduled order: its creation, its due date, and the flag when late.
 * Why the due date: approval keeps it (approvalDue) without logging it again, and a Due the log never
 * gave is one Verify audit log cannot vouch for, so a Due rewritten by script along with the row's
 * record would pass every check.
 */
export function scheduledEntries(order: WorkOrder, now: Date): UnhashedEntry[] {
  const base = { at: now, user: 'system', source: 'schedule' as const, recordId: order.id, oldValue: '' };
  return [
    { ...base, field: 'Created', newValue: `Submitted (${order.responseRef})` },
    ...(order.due ? [{ ...base, field: REGISTER_COLUMNS.due, newValue: formatFieldValue(order.due) }] : []),
    ...(order.reviewFlag ? [{ ...base, field: 'Needs Review', newValue: order.reviewFlag }] : []),
  ];
}

/**
 * Made by a schedule: its Response Row names the occurrence. That column is written by the add-on only
 * (a typed change is put back), unlike Due or the requester's name, which people can type.
 */
export function isScheduledOrder(order: Pick<WorkOrder, 'responseRef'>): boolean {
  return parseScheduleRef(order.responseRef) !== null;
}

/** Approval keeps a preventive order's due date: it was planned (the occurrence's day), not owed from now. */
export function keepsPlannedDue(order: Pick<WorkOrder, 'responseRef' | 'due'>): boolean {
  return order.due !== null && isScheduledOrder(order);
}

/** The due date approving `order` with `priority` at `now` stamps: the planned one, else the SLA's. */
export function approvalDue(
  order: Pick<WorkOrder, 'responseRef' | 'due'>,
  priority: string,
  now: Date,
  settings: SlaSettings,
  timeZone: string,
): Date | null {
  return keepsPlannedDue(order) ? order.due : dueDate(priority, now, settings, timeZone);
}

/**
 * The Response Row a schedule's Created line names ("Submitted (Schedule PM-1 2026-12-11)" → "Schedule
 * PM-1 2026-12-11"), or null for another creation: for Verify audit log, which compares it with the cell.
 */
export function scheduledCreationRef(newValue: string): string | null {
  const m = /\((Schedule [^()]*)\)\s*$/.exec(newValue);
  return m && parseScheduleRef(m[1] as string) ? (m[1] as string).trim() : null;
}
