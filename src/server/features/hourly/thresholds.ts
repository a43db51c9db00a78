/**
 * Which reminders a work order has had, so each threshold is emailed once, not every hour. Pure (no
 * Apps Script service): the hourly job reads and writes the state in the owner's properties.
 *
 * Requests still Submitted run on the Respond Within clock of their priority (or, before a
 * supervisor set one, of the priority their urgency suggests): a reminder to supervisors at half the
 * target, an escalation at the target. Approved work runs on its due date: due soon
 * (reminderHoursBeforeDue before Due, to the assignee), overdue (Due passed, to the assignee),
 * escalation (overdue for its priority's Respond Within hours — an hour for an emergency — and never
 * later than escalateAfterOverdueHours, to supervisors). A new deadline (approval, returned work, a
 * supervisor's change) re-arms them; orders whose clocks stopped are dropped from the state.
 */
import { suggestedPriority } from '../../../core/intake';
import type { WorkOrder } from '../../../core/model';
import type { BusinessHoursSettings } from '../../../core/business-time';
import type { PriorityRule } from '../../../core/settings-model';
import { hoursOverdue, isDueSoon, isOverdue, respondBy, SLA_CLOCK_STATUSES } from '../../../core/sla';

export const THRESHOLD_BITS = {
  dueSoon: 1,
  overdueReminder: 2,
  escalation: 4,
  respondReminder: 8,
  respondEscalation: 16,
} as const;
const ALL_BITS = 31;
/** Named as the email kinds of core/notifications that carry them. */
export type ThresholdKind = keyof typeof THRESHOLD_BITS;

export interface ReminderEntry {
  /** The due date (whole seconds since the epoch) the thresholds were counted against. */
  dueSeconds: number;
  /** THRESHOLD_BITS already handled. */
  sent: number;
}
export type ReminderState = Map<string, ReminderEntry>;

export interface ReminderSettings extends Partial<BusinessHoursSettings> {
  reminderHoursBeforeDue: number;
  escalateAfterOverdueHours: number;
  priorities: readonly PriorityRule[];
  /** The spreadsheet's zone: with it, a business-clock priority's Respond Within counts working hours. */
  timeZone?: string;
}

function ruleOf(priorities: readonly PriorityRule[], name: string): PriorityRule | undefined {
  const wanted = name.trim().toLowerCase();
  return priorities.find((p) => p.name.toLowerCase() === wanted);
}

/** The priority whose Respond Within applies to a request: its own, else the one its urgency suggests. */
export function respondPriority(
  order: Pick<WorkOrder, 'priority' | 'urgency'>,
  priorities: readonly PriorityRule[],
): string {
  return order.priority.trim() || suggestedPriority(order.urgency, priorities);
}

/** The Respond Within hours that apply to a request awaiting a decision, or null for none. */
export function respondHoursFor(
  order: Pick<WorkOrder, 'priority' | 'urgency'>,
  priorities: readonly PriorityRule[],
): number | null {
  return ruleOf(priorities, respondPriority(order, priorities))?.respondHours ?? null;
}

/** Hours overdue after which supervisors are told: the priority's Respond Within, at most the setting. */
export function escalationHours(order: Pick<WorkOrder, 'priority'>, settings: ReminderSettings): number {
  const respond = ruleOf(settings.priorities, order.priority)?.respondHours ?? null;
  return respond === null
    ? settings.escalateAfterOverdueHours
    : Math.min(respond, settings.escalateAfterOverdueHours);
}

/** "REQ-000001|lq2x3k|3;REQ-000002|…": ~20 characters per work order. Unreadable entries are skipped. */
export function parseReminderState(text: string | null): ReminderState {
  const state: ReminderState = new Map();
  if (!text) return state;
  for (const item of text.split(';')) {
    const [id, due, bits] = item.split('|');
    const dueSeconds = parseInt(due ?? '', 36);
    const sent = Number(bits);
    if (id && Number.isFinite(dueSeconds) && Number.isInteger(sent) && sent >= 0 && sent <= ALL_BITS)
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
    if (order.status === 'Submitted') {
      const respond = planRespond(order, previous.get(order.id), now, settings);
      if (respond) {
        due.push(...respond.due);
        if (respond.kept !== 0) next.set(order.id, { dueSeconds: respond.dueSeconds, sent: respond.kept });
      }
      continue;
    }
    if (!order.due || !SLA_CLOCK_STATUSES.includes(order.status)) {
      // On Hold stops the clock, not what was said: resumed with the same Due (a hold outside working
      // hours moves it by nothing), the reminders already sent are not sent again.
      const held = previous.get(order.id);
      if (order.status === 'On Hold' && held) next.set(order.id, held);
      continue;
    }
    const dueSeconds = Math.floor(order.due.getTime() / 1000);
    const before = previous.get(order.id);
    let sent = before && before.dueSeconds === dueSeconds ? before.sent : 0;
    let reached = 0;
    if (isOverdue(order, now)) {
      // Passing a threshold makes the earlier ones moot: they count as handled without an email.
      reached |= THRESHOLD_BITS.dueSoon | THRESHOLD_BITS.overdueReminder;
      if (hoursOverdue(order, now) >= escalationHours(order, settings)) reached |= THRESHOLD_BITS.escalation;
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

/**
 * A Submitted request against its Respond Within target: the reminder at half of it, the escalation
 * at it (a request first seen past the target gets the escalation only). Null when it has no target.
 */
function planRespond(
  order: WorkOrder,
  before: ReminderEntry | undefined,
  now: Date,
  settings: ReminderSettings,
): { due: PlannedReminder[]; dueSeconds: number; kept: number } | null {
  const priority = respondPriority(order, settings.priorities);
  const sla = { ...settings, priorities: [...settings.priorities] };
  const deadline = respondBy(order.requestedAt, priority, sla, settings.timeZone);
  const halfway = respondBy(order.requestedAt, priority, sla, settings.timeZone, 0.5);
  if (!deadline || !halfway || !order.requestedAt) return null;
  const dueSeconds = Math.floor(deadline.getTime() / 1000);
  const sent = before && before.dueSeconds === dueSeconds ? before.sent : 0;
  let reached = 0;
  if (now >= deadline) reached = THRESHOLD_BITS.respondReminder | THRESHOLD_BITS.respondEscalation;
  else if (now >= halfway) reached = THRESHOLD_BITS.respondReminder;
  let fresh = reached & ~sent;
  // Past the target already: the escalation says it all.
  if (fresh & THRESHOLD_BITS.respondEscalation) fresh &= ~THRESHOLD_BITS.respondReminder;
  const due: PlannedReminder[] = [];
  if (fresh & THRESHOLD_BITS.respondReminder) due.push({ kind: 'respondReminder', order });
  if (fresh & THRESHOLD_BITS.respondEscalation) due.push({ kind: 'respondEscalation', order });
  return { due, dueSeconds, kept: sent | reached };
}
