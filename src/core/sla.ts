/**
 * Service-level targets: when a work order is due, whether it is overdue, whether the SLA was met,
 * and how far its due date moves after time On Hold. Calendar arithmetic happens in the spreadsheet's
 * time zone (./time), business time on the Settings tab's working days, hours and holidays
 * (./business-time), so "end of day" and "business days" mean the organization's day, across DST
 * changes, holidays and month ends.
 */
import {
  addBusinessDaysIn,
  addBusinessHours,
  addBusinessMs,
  businessCalendar,
  businessMsBetween,
  type BusinessCalendar,
  type BusinessHoursSettings,
} from './business-time';
import type { Status, WorkOrder } from './model';
import type { PriorityRule, Settings } from './settings-model';
import { addHours, addLocalDays, endOfLocalDay, hoursBetween, localParts, wholeSeconds } from './time';

/** What the SLA reads of the settings: the priorities and, when known, the business calendar. */
export type SlaSettings = Pick<Settings, 'priorities'> & Partial<BusinessHoursSettings>;

/**
 * Statuses in which the SLA clock runs, so a passed due date means overdue. Not On Hold: the clock
 * stops while work waits, and resuming moves the due date by the time held (releaseHold).
 */
export const SLA_CLOCK_STATUSES: readonly Status[] = ['Approved', 'Assigned', 'In Progress'];

function findRule(priorities: readonly PriorityRule[], priority: string): PriorityRule | undefined {
  const wanted = priority.trim().toLowerCase();
  return priorities.find((p) => p.name.toLowerCase() === wanted);
}

/** A priority whose targets run on business time (working days, hours and holidays). */
export function onBusinessClock(rule: Pick<PriorityRule, 'completeUnit'>): boolean {
  return rule.completeUnit === 'business days' || rule.completeUnit === 'business hours';
}

/** The completion deadline of a rule counted from `from` (the default business calendar when none is given). */
export function dueFromRule(
  rule: PriorityRule,
  from: Date,
  timeZone: string,
  calendar: BusinessCalendar = businessCalendar({}, timeZone),
): Date {
  const n = rule.completeWithin;
  switch (rule.completeUnit) {
    case 'end of day':
      return endOfLocalDay(addLocalDays(from, n, timeZone), timeZone);
    case 'hours':
      return addHours(from, n);
    case 'business days':
      return wholeSeconds(addBusinessDaysIn(calendar, from, n));
    case 'business hours':
      return wholeSeconds(addBusinessHours(calendar, from, n));
    case 'days':
      return addLocalDays(from, n, timeZone);
  }
}

/**
 * When a work order of `priority` approved at `from` is due; null when the priority is not on the
 * Settings tab (the caller then leaves Due empty for a supervisor to fill in).
 */
export function dueDate(priority: string, from: Date, settings: SlaSettings, timeZone: string): Date | null {
  const rule = findRule(settings.priorities, priority);
  return rule ? dueFromRule(rule, from, timeZone, businessCalendar(settings, timeZone)) : null;
}

/**
 * When a decision on a request is expected: requested at + the priority's Respond Within, counted in
 * working hours for a priority on the business clock (when the zone is given), elapsed hours
 * otherwise; `fraction` 0.5 gives the halfway point the reminder is sent at. Null without a target.
 */
export function respondBy(
  requestedAt: Date | null,
  priority: string,
  settings: SlaSettings,
  timeZone?: string,
  fraction = 1,
): Date | null {
  const rule = findRule(settings.priorities, priority);
  if (!requestedAt || !rule || rule.respondHours === null) return null;
  const hours = rule.respondHours * fraction;
  if (timeZone && onBusinessClock(rule))
    return addBusinessHours(businessCalendar(settings, timeZone), requestedAt, hours);
  return addHours(requestedAt, hours);
}

/** What resuming from On Hold does to the SLA: the time held on the priority's clock, and the new due date. */
export interface HoldRelease {
  /** Time held, in hours of the priority's clock (working hours on the business clock), 2 decimals. */
  heldHours: number;
  /** The due date moved by the time held; null when the order has none. */
  due: Date | null;
}

/**
 * The SLA clock stops while an order is On Hold: resumed at `now` after a hold that began at `since`,
 * its due date moves by the time held — working time on the business clock (a weekend or a holiday
 * on hold moves nothing), elapsed time for a priority counted in hours or days. Whole seconds.
 */
export function releaseHold(
  order: Pick<WorkOrder, 'priority' | 'due'>,
  since: Date,
  now: Date,
  settings: SlaSettings,
  timeZone: string,
): HoldRelease {
  const rule = findRule(settings.priorities, order.priority);
  const business = rule !== undefined && onBusinessClock(rule);
  const calendar = businessCalendar(settings, timeZone);
  // Both ends at whole seconds, as the sheet keeps them: a hold of 4 h is 4 h, not 3:59:59.
  const from = wholeSeconds(since);
  const to = wholeSeconds(now);
  const heldMs = business
    ? businessMsBetween(calendar, from, to)
    : Math.max(0, to.getTime() - from.getTime());
  const held = Math.floor(heldMs / 1000) * 1000;
  const due =
    order.due === null
      ? null
      : held === 0
        ? order.due
        : business
          ? wholeSeconds(addBusinessMs(calendar, order.due, held))
          : wholeSeconds(new Date(order.due.getTime() + held));
  return { heldHours: Math.round((held / 3_600_000) * 100) / 100, due };
}

/** Held For (h) plus `hours`, at the 2 decimals the column keeps. */
export function addHeldHours(total: number, hours: number): number {
  return Math.round((total + hours) * 100) / 100;
}

/**
 * A due date given while the order is On Hold (a supervisor's new date, or a new priority's due
 * counted from now) already answers for the time held so far: that time is banked in Held For and the
 * hold is counted again from `now`, so resuming moves the new date only by the time held after it.
 * `next` is the order after the change; it is returned as it is when the due date did not change.
 */
export function restartHoldOnNewDue<
  T extends Pick<WorkOrder, 'status' | 'priority' | 'due' | 'heldSince' | 'heldHours'>,
>(before: T, next: T, now: Date, settings: SlaSettings, timeZone: string): T {
  const since = before.heldSince;
  if (before.status !== 'On Hold' || next.status !== 'On Hold') return next;
  if ((before.due?.getTime() ?? null) === (next.due?.getTime() ?? null)) return next;
  if (since === null || !Number.isFinite(since.getTime())) return next;
  const held = releaseHold(before, since, now, settings, timeZone).heldHours;
  return { ...next, heldHours: addHeldHours(before.heldHours, held), heldSince: wholeSeconds(now) };
}

/**
 * A Due typed into the register as a day alone ("2026-11-13"), which Sheets keeps as that day's local
 * 00:00:00, means by the end of that day, as Review & assign's Change due date gives a day: read as
 * midnight, the order would be overdue, reminded and escalated from the first minute of the day it is
 * due. Any other time is kept as typed.
 */
export function typedDueDate(due: Date, timeZone: string): Date {
  const p = localParts(due, timeZone);
  const dayAlone = p.hour === 0 && p.minute === 0 && p.second === 0 && due.getTime() % 1000 === 0;
  return dayAlone ? endOfLocalDay(due, timeZone) : due;
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
  // At whole seconds: a completion stamped 23:59:59.400 is on time for a due date of 23:59:59.
  return wholeSeconds(order.completedAt).getTime() <= wholeSeconds(order.due).getTime();
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

/** The reason the change log gives for a due date moved on resuming from On Hold. */
export const HOLD_RELEASE_REASON = 'clock stopped while On Hold';

/** A change-log line beside the field changes (the same pseudo-field a supervisor's new due date uses). */
export interface ReasonLine {
  field: string;
  oldValue: string;
  newValue: string;
}

/**
 * The log line explaining a due date moved by resuming from On Hold (`before` → `after` is one step
 * of one order), or none.
 */
export function holdReleaseReasons(
  before: Pick<WorkOrder, 'status' | 'due' | 'heldHours'>,
  after: Pick<WorkOrder, 'status' | 'due' | 'heldHours'>,
): ReasonLine[] {
  if (before.status !== 'On Hold' || after.status === 'On Hold') return [];
  const moved = (before.due?.getTime() ?? null) !== (after.due?.getTime() ?? null);
  if (!moved) return [];
  const held = Math.round((after.heldHours - before.heldHours) * 100) / 100;
  return [
    {
      field: 'Reason for change',
      oldValue: '',
      newValue: `Due moved by ${held} h held: ${HOLD_RELEASE_REASON}`,
    },
  ];
}
