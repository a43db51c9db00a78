/** Builders for small hand-computed report fixtures. All times are UTC unless a test says otherwise. */
import type { ChangeLogEntry, Status, WorkOrder } from '../../../src/core/model';

export const at = (iso: string): Date => new Date(`${iso}Z`);

export function order(id: string, fields: Partial<WorkOrder>): WorkOrder {
  return {
    id,
    woNumber: '',
    status: 'Submitted',
    priority: '',
    category: '',
    assignee: '',
    due: null,
    requestedAt: null,
    requesterEmail: 'req@example.com',
    requesterName: 'Req',
    location: '',
    description: `Work for ${id}`,
    urgency: '',
    resources: '',
    decidedBy: '',
    decidedAt: null,
    assignedAt: null,
    startedAt: null,
    completedAt: null,
    closedBy: '',
    closedAt: null,
    notes: '',
    results: '',
    actions: '',
    reason: '',
    reviewFlag: '',
    responseRef: '',
    revision: 1,
    ...fields,
  };
}

/** A Status row of the change log. */
export function moved(recordId: string, when: string, from: Status | '', to: Status): ChangeLogEntry {
  return {
    at: at(when),
    user: 'sup@example.com',
    source: 'sidebar',
    recordId,
    field: 'Status',
    oldValue: from,
    newValue: to,
    hash: '',
  };
}

/** A change-log path: moves(id, ['2026-02-10T10:00', 'Submitted', 'Approved'], ...). */
export function path(recordId: string, steps: [string, Status, Status][]): ChangeLogEntry[] {
  return steps.map(([when, from, to]) => moved(recordId, when, from, to));
}
