import { emptyWorkOrder } from '../../../src/core/model';
import type { StaffMember, WorkOrder } from '../../../src/core/model';
import type { TransitionActor } from '../../../src/core/lifecycle';

/** A Submitted request with every field filled the way intake leaves it. */
export function makeOrder(overrides: Partial<WorkOrder> = {}): WorkOrder {
  return {
    ...emptyWorkOrder(),
    id: 'REQ-000123',
    requestedAt: new Date('2026-03-02T08:00:00Z'),
    requesterEmail: 'rita@example.com',
    requesterName: 'Rita Requestor',
    location: 'Main Building',
    description: 'Leaking tap in the kitchen',
    urgency: 'Routine',
    responseRef: 'Form Responses 1!A2',
    ...overrides,
  };
}

export const STAFF: StaffMember[] = [
  { email: 'sam@example.com', name: 'Sam Supervisor', role: 'Supervisor', active: true },
  { email: 'sue@example.com', name: 'Sue Supervisor', role: 'Supervisor', active: true },
  { email: 'old@example.com', name: 'Former Supervisor', role: 'Supervisor', active: false },
  { email: 'tom@example.com', name: 'Tom Technician', role: 'Technician', active: true },
  { email: 'tina@example.com', name: 'Tina Technician', role: 'Technician', active: true },
  { email: 'max@example.com', name: 'Max Manager', role: 'Manager', active: true },
  { email: 'ada@example.com', name: 'Ada Admin', role: 'Administrator', active: true },
];

/** People as the lifecycle sees them (emails match STAFF). */
export const supervisor: TransitionActor = { email: 'sam@example.com', role: 'Supervisor' };
export const admin: TransitionActor = { email: 'ada@example.com', role: 'Administrator' };
export const tom: TransitionActor = { email: 'tom@example.com', role: 'Technician' };
export const tina: TransitionActor = { email: 'tina@example.com', role: 'Technician' };

/** An Assigned order of Tom's, numbered, categorized and prioritized. */
export const assigned = (extra: Partial<WorkOrder> = {}): WorkOrder =>
  makeOrder({
    woNumber: 'WO-2026-00042',
    status: 'Assigned',
    category: 'Plumbing',
    priority: 'P3 Routine',
    assignee: 'tom@example.com',
    ...extra,
  });
