/**
 * Service-level targets: when a work order is due, whether it is overdue, whether the SLA was met.
 * Calendar arithmetic happens in the spreadsheet's time zone (./time), so "end of day" and "business
 * days" mean the organization's day, across DST changes and month ends.
 */
import type { Status, WorkOrder } from './model';
import type { PriorityRule, Settings } from './settings-model';
import { addBusinessDays, addHours, addLocalDays, endOfLocalDay, hoursBetween } from './time';

/** Statuses in which work is still owed, so a passed due date means overdue. */
export const SLA_CLOCK_STATUSES: readonly Status[] = ['Approved', 'Assigned', 'In Progress', 'On Hold'];

function findRule(priorities: readonly PriorityRule[], priority: string): PriorityRule | undefined {
  const wanted = priority.trim().toLowerCase();
  return priorities.find((p) => p.name.toLowerCase() === wanted);
}

/** The completion deadline of a rule counted from `from`. */
export function dueFromRule(rule: PriorityRule, from: Date, timeZone: string): Date {
  const n = rule.completeWithin;
  switch (rule.completeUnit) {
    case 'end of day':
      return endOfLocalDay(addLocalDays(from, n, timeZone), timeZone);
    case 'hours':
      return addHours(from, n);
    case 'business days':
      return addBusinessDays(from, n, timeZone);
    case 'days':
      return addLocalDays(from, n, timeZone);
  }
}

/**
 * When a work order of `priority` approved at `from` is due; null when the priority is not on the
 * Settings tab (the caller then leaves Due empty for a supervisor to fill in).
 */
export function dueDate(
  priority: string,
  from: Date,
  settings: Pick<Settings, 'priorities'>,
  timeZone: string,
): Date | null {
  const rule = findRule(settings.priorities, priority);
  return rule ? dueFromRule(rule, from, timeZone) : null;
}

/** When a decision on a request is expected (requested at + the priority's Respond Within), or null. */
export function respondBy(
  requestedAt: Date | null,
  priority: string,
  settings: Pick<Settings, 'priorities'>,
): Date | null {
  const rule = findRule(settings.priorities, priority);
  if (!requestedAt || !rule || rule.respondHours === null) return null;
  return addHours(requestedAt, rule.respondHours);
}

/** Work is owed, a due date exists and it has passed. */
export function isOverdue(order: Pick<WorkOrder, 'status' | 'due'>, now: Date): boolean {
  return (
    order.due !== null && SLA_CLOCK_STATUSES.includes(order.status) && now.getTime() > order.due.getTime()
  );
}

/** Hours past due (0 when not overdue). */
export function hoursOverdue(order: Pick<WorkOrder, 'status' | 'due'>, now: Date): number {
  return isOverdue(order, now) && order.due ? hoursBetween(order.due, now) : 0;
}

/** Work is owed and due within the next `hours` (not yet overdue): time for a reminder. */
export function isDueSoon(order: Pick<WorkOrder, 'status' | 'due'>, now: Date, hours: number): boolean {
  if (order.due === null || hours <= 0 || !SLA_CLOCK_STATUSES.includes(order.status)) return false;
  const left = hoursBetween(now, order.due);
  return left >= 0 && left <= hours;
}

/**
 * Was the work completed on or before its due date? null when it cannot be said: no due date, or not
 * completed (yet). A closed order's completion time is its Completed At.
 */
export function slaMet(order: Pick<WorkOrder, 'due' | 'completedAt'>): boolean | null {
  if (order.due === null || order.completedAt === null) return null;
  return order.completedAt.getTime() <= order.due.getTime();
}

/**
 * An emergency: the requestor chose the form's first urgency ("Emergency (safety risk)"), or a
 * supervisor gave it the first (most urgent) priority on the Settings tab.
 */
export function isEmergency(
  order: Pick<WorkOrder, 'urgency' | 'priority'>,
  priorities: readonly Pick<PriorityRule, 'name'>[],
): boolean {
  const first = priorities[0]?.name.trim().toLowerCase();
  if (first && order.priority.trim().toLowerCase() === first) return true;
  return /^emergency\b/i.test(order.urgency.trim());
}
