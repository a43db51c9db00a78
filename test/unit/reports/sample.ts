/**
 * The hand-computed data set. now = Wednesday 2026-03-04 12:00 UTC, 4 weekly buckets starting Monday
 * 2026-02-09, 02-16, 02-23, 03-02. Every expected figure in the tests is derived in the comments here.
 *
 * | id | status      | requested   | decided     | assigned    | completed   | closed      | due         |
 * | A  | Closed      | 02-10 08:00 | 02-10 10:00 | 02-10 14:00 | 02-12 14:00 | 02-13 14:00 | 02-13 08:00 | met
 * | B  | Completed   | 02-17 09:00 | 02-17 10:00 | 02-18 10:00 | 02-20 16:00 |             | 02-19 10:00 | missed
 * | C  | In Progress | 02-24 08:00 | 02-24 12:00 | 02-24 16:00 |             |             | 03-03 08:00 | overdue
 * | D  | Submitted   | 03-03 12:00 |             |             |             |             |             |
 * | E  | Rejected    | 02-16 08:00 | 02-16 20:00 |             |             |             |             |
 * | F  | Cancelled   | 02-02 08:00 | 02-02 10:00 |             |  (cancelled 02-25 08:00 per log)        |
 * | G  | On Hold     | 03-01 12:00 | 03-01 13:00 | 03-01 14:00 |             |             | 03-10 08:00 |
 */
import type { ChangeLogEntry, StaffMember } from '../../../src/core/model';
import { at, moved, order, path } from './fixtures';

export const NOW = at('2026-03-04T12:00');

export const ORDERS = [
  order('A', {
    woNumber: 'WO-2026-00001',
    status: 'Closed',
    category: 'Electrical',
    priority: 'P2',
    location: 'Bldg A',
    assignee: 'a@example.com',
    requestedAt: at('2026-02-10T08:00'),
    decidedAt: at('2026-02-10T10:00'),
    assignedAt: at('2026-02-10T14:00'),
    startedAt: at('2026-02-11T08:00'),
    completedAt: at('2026-02-12T14:00'),
    closedAt: at('2026-02-13T14:00'),
    due: at('2026-02-13T08:00'),
  }),
  order('B', {
    woNumber: 'WO-2026-00002',
    status: 'Completed',
    category: 'Plumbing',
    priority: 'P3',
    location: 'Bldg B',
    assignee: 'b@example.com',
    requestedAt: at('2026-02-17T09:00'),
    decidedAt: at('2026-02-17T10:00'),
    assignedAt: at('2026-02-18T10:00'),
    startedAt: at('2026-02-18T12:00'),
    completedAt: at('2026-02-20T16:00'),
    due: at('2026-02-19T10:00'),
  }),
  order('C', {
    woNumber: 'WO-2026-00003',
    status: 'In Progress',
    category: 'Electrical',
    priority: 'P2',
    location: 'Bldg A',
    assignee: 'a@example.com',
    requestedAt: at('2026-02-24T08:00'),
    decidedAt: at('2026-02-24T12:00'),
    assignedAt: at('2026-02-24T16:00'),
    startedAt: at('2026-02-25T08:00'),
    due: at('2026-03-03T08:00'),
    description: '-Sparks from outlet',
  }),
  order('D', {
    status: 'Submitted',
    category: 'Plumbing',
    priority: 'P3',
    location: 'Bldg B',
    requestedAt: at('2026-03-03T12:00'),
  }),
  order('E', {
    status: 'Rejected',
    category: 'Electrical',
    priority: 'P4',
    location: 'Bldg A',
    requestedAt: at('2026-02-16T08:00'),
    decidedAt: at('2026-02-16T20:00'),
  }),
  order('F', {
    woNumber: 'WO-2026-00004',
    status: 'Cancelled',
    priority: 'P4',
    location: 'Bldg B',
    requestedAt: at('2026-02-02T08:00'),
    decidedAt: at('2026-02-02T10:00'),
  }),
  order('G', {
    woNumber: 'WO-2026-00005',
    status: 'On Hold',
    category: 'Plumbing',
    priority: 'P2',
    location: '=HYPERLINK("http://evil")',
    assignee: 'b@example.com',
    requestedAt: at('2026-03-01T12:00'),
    decidedAt: at('2026-03-01T13:00'),
    assignedAt: at('2026-03-01T14:00'),
    startedAt: at('2026-03-02T08:00'),
    due: at('2026-03-10T08:00'),
  }),
];

/**
 * Time in status (hours), from these rows; D has no rows and has been Submitted since 03-03 12:00.
 *   A: Submitted 2, Approved 4, Assigned 18, In Progress 30, Completed 24
 *   B: Submitted 1, Approved 24, Assigned 2, In Progress 24 + 22 = 46 (2 stays), On Hold 6, Completed 284 (to now)
 *   C: Submitted 4, Approved 4, Assigned 16, In Progress 172 (to now)
 *   D: Submitted 24 (to now)
 *   E: Submitted 12
 *   F: Submitted 2, Approved 550
 *   G: Submitted 1, Approved 1, Assigned 18, In Progress 24, On Hold 28 (to now)
 */
const LOG: ChangeLogEntry[] = [
  ...path('A', [
    ['2026-02-10T10:00', 'Submitted', 'Approved'],
    ['2026-02-10T14:00', 'Approved', 'Assigned'],
    ['2026-02-11T08:00', 'Assigned', 'In Progress'],
    ['2026-02-12T14:00', 'In Progress', 'Completed'],
    ['2026-02-13T14:00', 'Completed', 'Closed'],
  ]),
  ...path('B', [
    ['2026-02-17T10:00', 'Submitted', 'Approved'],
    ['2026-02-18T10:00', 'Approved', 'Assigned'],
    ['2026-02-18T12:00', 'Assigned', 'In Progress'],
    ['2026-02-19T12:00', 'In Progress', 'On Hold'],
    ['2026-02-19T18:00', 'On Hold', 'In Progress'],
    ['2026-02-20T16:00', 'In Progress', 'Completed'],
  ]),
  ...path('C', [
    ['2026-02-24T12:00', 'Submitted', 'Approved'],
    ['2026-02-24T16:00', 'Approved', 'Assigned'],
    ['2026-02-25T08:00', 'Assigned', 'In Progress'],
  ]),
  moved('E', '2026-02-16T20:00', 'Submitted', 'Rejected'),
  ...path('F', [
    ['2026-02-02T10:00', 'Submitted', 'Approved'],
    ['2026-02-25T08:00', 'Approved', 'Cancelled'],
  ]),
  ...path('G', [
    ['2026-03-01T13:00', 'Submitted', 'Approved'],
    ['2026-03-01T14:00', 'Approved', 'Assigned'],
    ['2026-03-02T08:00', 'Assigned', 'In Progress'],
    ['2026-03-03T08:00', 'In Progress', 'On Hold'],
  ]),
];

/** The log in a scrambled order (rows are sorted per record by time), plus rows that must be ignored. */
export const CHANGES: ChangeLogEntry[] = [
  ...LOG.filter((_, i) => i % 2 === 1).reverse(),
  ...LOG.filter((_, i) => i % 2 === 0),
  { ...moved('A', '2026-02-10T11:00', '', 'Submitted'), field: 'Priority', oldValue: 'P3', newValue: 'P2' },
  moved('REQ-ARCHIVED', '2026-01-05T10:00', 'Completed', 'Closed'),
];

export const STAFF: StaffMember[] = [
  { email: 'a@example.com', name: 'Ann Tech', role: 'Technician', active: true },
  { email: 'B@example.com', name: '=Bob', role: 'Technician', active: true },
  { email: 'c@example.com', name: 'Cy', role: 'Technician', active: true },
  { email: 'old@example.com', name: 'Old', role: 'Technician', active: false },
  { email: 'sup@example.com', name: 'Sue', role: 'Supervisor', active: true },
];

export const SAMPLE = {
  orders: ORDERS,
  changes: CHANGES,
  now: NOW,
  timeZone: 'UTC',
  weeks: 4,
  months: 2,
  staff: STAFF,
};
