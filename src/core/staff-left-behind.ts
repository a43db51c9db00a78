/**
 * A Staff edit that leaves a technician's open work with nobody to do it, pure: the member was active
 * and could be given work orders before the edit, and is not after it (made inactive, given a role
 * that is not assigned work, their row's email cleared or changed), while Assigned, In Progress or On
 * Hold orders still name them. The edit stands (people leave, and the register keeps who held the work:
 * nothing is rewritten), the review cockpit already flags the work for reassignment and their reminder
 * emails go to the supervisors; what was missing is that the administrator who made the edit is told
 * at once, in the toast and a note on the edited row, which orders and what a supervisor does.
 */
import { cellText } from './headers';
import type { StaffMember, Status } from './model';
import { LEFT_BEHIND_NOTE, listed, nameKey, ordersNaming, type OrderNameCells } from './names-left-behind';
import { activeTechnicians } from './staff';

/** The statuses whose work waits on its assignee (the cockpit's "Assigned, in progress or on hold"). */
const HELD: ReadonlySet<string> = new Set((['Assigned', 'In Progress', 'On Hold'] as Status[]).map(nameKey));

/** Members who could be given work before the edit and cannot after it. */
export function departedTechnicians(
  before: readonly StaffMember[],
  after: readonly StaffMember[],
): StaffMember[] {
  const still = new Set(activeTechnicians(after).map((m) => nameKey(m.email)));
  return activeTechnicians(before).filter((m) => !still.has(nameKey(m.email)));
}

export interface WorkLeftBehind {
  member: StaffMember;
  /** Their Assigned, In Progress and On Hold orders, by WO number. */
  orders: string[];
}

/** The register's id, WO number, status and assignee cells (index i is sheet row i + 2). */
export type AssigneeCells = Omit<OrderNameCells, 'named'> & { assignee: readonly unknown[] };

export function workLeftBehind(departed: readonly StaffMember[], cells: AssigneeCells): WorkLeftBehind[] {
  const named = { id: cells.id, woNumber: cells.woNumber, status: cells.status, named: cells.assignee };
  return departed
    .map((member) => ({ member, orders: ordersNaming(named, nameKey(member.email), cellText, HELD) }))
    .filter((held) => held.orders.length > 0);
}

/** What is left, with whom, and what a supervisor does about it. */
export function workLeftSentence({ member, orders }: WorkLeftBehind): string {
  const n = orders.length;
  const who = member.name && member.name !== member.email ? `${member.name} (${member.email})` : member.email;
  return (
    `${who} is no longer an active technician on the Staff tab, but still holds ${n} open work order${n === 1 ? '' : 's'} ` +
    `(${listed(orders)}): ${n === 1 ? 'it stays' : 'they stay'} assigned to them, with their reminders going to the supervisors, ` +
    'until a supervisor reassigns each with Reassign in Review & assign (listed there under their name).'
  );
}

export function workLeftToast(held: readonly WorkLeftBehind[]): string | null {
  return held.length === 0 ? null : held.map(workLeftSentence).join(' ');
}

/**
 * Notes for the edited cells of each departed member's row (found by their email in the Staff tab as
 * it was before the edit), keyed by `${row}:${column}`, beginning as every "still in use" note does.
 */
export function workLeftNotes(
  before: readonly (readonly unknown[])[],
  changes: readonly { row: number; column: number }[],
  held: readonly WorkLeftBehind[],
  stamp: string,
): Map<string, string> {
  const header = (before[0] ?? []).map((h) => nameKey(cellText(h)));
  const email = header.indexOf('email');
  const notes = new Map<string, string>();
  for (const change of changes) {
    const rowEmail = nameKey(cellText(before[change.row - 1]?.[email]));
    const found = email < 0 ? undefined : held.find((h) => nameKey(h.member.email) === rowEmail);
    if (found)
      notes.set(
        `${change.row}:${change.column}`,
        `${LEFT_BEHIND_NOTE} (${stamp}). ${workLeftSentence(found)}`,
      );
  }
  return notes;
}
