/** Aging of open work, the overdue list and per-technician load and completions. */
import { OPEN_STATUSES, type Status, type StaffMember } from '../model';
import { roleMay } from '../permissions';
import type { OrderFacts } from './facts';
import type { SkipNotes } from './notes';
import { DAY_MS } from '../time';
import { durationStat } from './stats';
import type { AgingBucket, OverdueItem, TechnicianRow } from './types';

/** The backlog's statuses: every open one (a Completed order still awaits its closure). */
const AGING_STATUSES = OPEN_STATUSES;
const AGING_BOUNDS: { label: string; fromDays: number; toDays: number | null }[] = [
  { label: '< 1 d', fromDays: 0, toDays: 1 },
  { label: '1–3 d', fromDays: 1, toDays: 3 },
  { label: '3–7 d', fromDays: 3, toDays: 7 },
  { label: '7–30 d', fromDays: 7, toDays: 30 },
  { label: '> 30 d', fromDays: 30, toDays: null },
];
/** The list is for reading, not a data dump: past this, the count of the rest is shown instead. */
export const OVERDUE_LIST_CAP = 1000;

export function computeAging(facts: readonly OrderFacts[], now: number, notes: SkipNotes) {
  const aging: AgingBucket[] = AGING_BOUNDS.map((b) => ({
    ...b,
    total: 0,
    byStatus: AGING_STATUSES.map((status) => ({ status, count: 0 })),
  }));
  let unknown = 0;
  let future = 0;
  for (const f of facts) {
    if (!f.open || !f.status) continue;
    if (Number.isNaN(f.requested)) {
      unknown++;
      continue;
    }
    let days = (now - f.requested) / DAY_MS;
    if (days < 0) {
      future++;
      days = 0;
    }
    const bucket = aging.find((b) => b.toDays === null || days < b.toDays);
    const cell = bucket?.byStatus.find((s) => s.status === f.status);
    if (bucket && cell) {
      bucket.total++;
      cell.count++;
    }
  }
  if (unknown > 0) notes.skip('with a missing or malformed Requested At', 'aging', unknown);
  if (future > 0)
    notes.add(`${future} open work order(s) have a Requested At after the build time; aged as 0 days.`);
  return { aging, agingUnknown: unknown };
}

export function computeOverdue(facts: readonly OrderFacts[], now: number) {
  const overdue = facts.filter((f) => f.overdue);
  overdue.sort((a, b) => a.due - b.due || (a.order.id < b.order.id ? -1 : a.order.id > b.order.id ? 1 : 0));
  const list: OverdueItem[] = overdue.slice(0, OVERDUE_LIST_CAP).map((f) => ({
    id: String(f.order.id),
    woNumber: String(f.order.woNumber),
    status: f.status as Status,
    priority: String(f.order.priority),
    category: String(f.order.category),
    location: String(f.order.location),
    assignee: String(f.order.assignee),
    description: String(f.order.description),
    due: new Date(f.due),
    daysOverdue: (now - f.due) / DAY_MS,
  }));
  return { overdue: list, overdueNotListed: overdue.length - list.length };
}

export function computeTechnicians(
  facts: readonly OrderFacts[],
  windowStart: number,
  now: number,
  staff: readonly StaffMember[],
): TechnicianRow[] {
  const rows = new Map<string, TechnicianRow & { durations: number[] }>();
  const names = new Map(staff.map((s) => [String(s.email).trim().toLowerCase(), String(s.name)]));
  const rowFor = (email: string) => {
    const key = email.trim().toLowerCase();
    let row = rows.get(key);
    if (!row) {
      row = {
        email: email.trim(),
        name: names.get(key) ?? '',
        assigned: 0,
        inProgress: 0,
        onHold: 0,
        load: 0,
        overdue: 0,
        awaitingClose: 0,
        completedInWindow: 0,
        completedAllTime: 0,
        medianHoursToComplete: null,
        durations: [],
      };
      rows.set(key, row);
    }
    return row;
  };
  // Active technicians with nothing assigned are listed too: they are the free capacity.
  for (const s of staff)
    if (s.active && roleMay(s.role, 'beAssigned') && String(s.email).trim()) rowFor(String(s.email));
  for (const f of facts) {
    const email = String(f.order.assignee ?? '').trim();
    if (email === '') continue;
    const row = rowFor(email);
    if (f.status === 'Assigned') row.assigned++;
    else if (f.status === 'In Progress') row.inProgress++;
    else if (f.status === 'On Hold') row.onHold++;
    else if (f.status === 'Completed') row.awaitingClose++;
    if (f.overdue) row.overdue++;
    if (f.done && !Number.isNaN(f.completed)) {
      row.completedAllTime++;
      if (f.completed >= windowStart && f.completed <= now) row.completedInWindow++;
      if (f.completed >= f.firstAssigned) row.durations.push(f.completed - f.firstAssigned);
    }
  }
  return [...rows.values()]
    .map(({ durations, ...row }) => ({
      ...row,
      load: row.assigned + row.inProgress + row.onHold,
      medianHoursToComplete: durationStat(durations).medianHours,
    }))
    .sort((a, b) => compareText(a.name || a.email, b.name || b.email) || compareText(a.email, b.email));
}

function compareText(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}
