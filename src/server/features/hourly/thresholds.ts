/**
 * Which due-date reminders a work order has had, so each threshold is emailed once, not every hour.
 * Pure (no Apps Script service): the hourly job reads and writes the state in the owner's properties.
 *
 * Thresholds, in order: due soon (reminderHoursBeforeDue before Due, to the assignee), overdue (Due
 * passed, to the assignee), escalation (overdue for escalateAfterOverdueHours, to supervisors). A new
 * due date (returned work, a supervisor's change) re-arms them; orders whose SLA clock stopped
 * (completed, closed, cancelled…) are dropped from the state, which keeps it small.
 */
import type { WorkOrder } from '../../../core/model';
import { hoursOverdue, isDueSoon, isOverdue, SLA_CLOCK_STATUSES } from '../../../core/sla';

export const THRESHOLD_BITS = { dueSoon: 1, overdueReminder: 2, escalation: 4 } as const;
/** Named as the email kinds of core/notifications that carry them. */
export type ThresholdKind = keyof typeof THRESHOLD_BITS;

export interface ReminderEntry {
  /** The due date (whole seconds since the epoch) the thresholds were counted against. */
  dueSeconds: number;
  /** THRESHOLD_BITS already handled. */
  sent: number;
}
export type ReminderState = Map<string, ReminderEntry>;

export interface ReminderSettings {
  reminderHoursBeforeDue: number;
  escalateAfterOverdueHours: number;
}

/** "REQ-000001|lq2x3k|3;REQ-000002|…": ~20 characters per work order. Unreadable entries are skipped. */
export function parseReminderState(text: string | null): ReminderState {
  const state: ReminderState = new Map();
  if (!text) return state;
  for (const item of text.split(';')) {
    const [id, due, bits] = item.split('|');
    const dueSeconds = parseInt(due ?? '', 36);
    const sent = Number(bits);
    if (id && Number.isFinite(dueSeconds) && Number.isInteger(sent) && sent >= 0 && sent <= 7)
      state.set(id, { dueSeconds, sent });
  }
  return state;
}

export function serializeReminderState(state: ReminderState): string {
  const items: string[] = [];
  for (const [id, entry] of state) {
    // An id holding a separator cannot be stored; intake never makes one (REQ-…).
    if (!/[;|]/.test(id)) items.push(`${id}|${entry.dueSeconds.toString(36)}|${entry.sent}`);
  }
  return items.join(';');
}

export interface PlannedReminder {
  kind: ThresholdKind;
  order: WorkOrder;
}

/**
 * The reminders due now and the state to keep. An order first seen past several thresholds gets the
 * ones that still mean something: overdue and escalation, not a stale "due soon".
 */
export function planReminders(
  orders: readonly WorkOrder[],
  previous: ReminderState,
  now: Date,
  settings: ReminderSettings,
): { due: PlannedReminder[]; next: ReminderState } {
  const due: PlannedReminder[] = [];
  const next: ReminderState = new Map();
  for (const order of orders) {
    if (!order.due || !SLA_CLOCK_STATUSES.includes(order.status)) continue;
    const dueSeconds = Math.floor(order.due.getTime() / 1000);
    const before = previous.get(order.id);
    let sent = before && before.dueSeconds === dueSeconds ? before.sent : 0;
    let reached = 0;
    if (isOverdue(order, now)) {
      // Passing a threshold makes the earlier ones moot: they count as handled without an email.
      reached |= THRESHOLD_BITS.dueSoon | THRESHOLD_BITS.overdueReminder;
      if (hoursOverdue(order, now) >= settings.escalateAfterOverdueHours)
        reached |= THRESHOLD_BITS.escalation;
      if (!(sent & THRESHOLD_BITS.dueSoon) && !(sent & THRESHOLD_BITS.overdueReminder))
        sent |= THRESHOLD_BITS.dueSoon;
    } else if (isDueSoon(order, now, settings.reminderHoursBeforeDue)) reached |= THRESHOLD_BITS.dueSoon;
    const fresh = reached & ~sent;
    for (const kind of Object.keys(THRESHOLD_BITS) as ThresholdKind[]) {
      if (fresh & THRESHOLD_BITS[kind]) due.push({ kind, order });
    }
    const kept = sent | reached;
    if (kept !== 0) next.set(order.id, { dueSeconds, sent: kept });
  }
  return { due, next };
}
