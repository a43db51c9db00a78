/** Builders for small hand-computed report fixtures. All times are UTC unless a test says otherwise. */
import { emptyWorkOrder, type ChangeLogEntry, type Status, type WorkOrder } from '../../../src/core/model';

export const at = (iso: string): Date => new Date(`${iso}Z`);

export function order(id: string, fields: Partial<WorkOrder>): WorkOrder {
  return {
    ...emptyWorkOrder(),
    id,
    requesterEmail: 'req@example.com',
    requesterName: 'Req',
    description: `Work for ${id}`,
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
