/**
 * The amendments of the lifecycle table (changes that keep the status), checked and applied in core:
 * who may make them, from which statuses, what must be given, and what they change.
 */
import { applyAmendment, checkAmendment } from '../../../src/core/amendments';
import { AMENDMENTS, amendmentFor, amendmentsFrom } from '../../../src/core/lifecycle-table';
import { STATUSES } from '../../../src/core/model';
import { DEFAULT_SETTINGS } from '../../../src/core/settings-model';
import { makeOrder } from './fixtures';

const SLA = { settings: DEFAULT_SETTINGS, timeZone: 'America/New_York' };
const SUPER = { email: 'sam@example.com', role: 'Supervisor' as const };
const working = makeOrder(1, {
  status: 'In Progress',
  woNumber: 'WO-2026-00001',
  assignee: 'tina@example.com',
  priority: 'P3 Routine',
  due: new Date('2026-03-01T17:00:00Z'),
  reason: 'Held for parts',
});

test('the table: each amendment from the statuses where it means something', () => {
  expect(AMENDMENTS.map((a) => a.action)).toEqual(['reprioritize', 'redate', 'reassignWork']);
  const from = Object.fromEntries(STATUSES.map((s) => [s, amendmentsFrom(s).map((a) => a.action)]));
  expect(from).toEqual({
    Submitted: [],
    Rejected: [],
    Approved: ['reprioritize', 'redate'],
    Assigned: ['reprioritize', 'redate'],
    'In Progress': ['reprioritize', 'redate', 'reassignWork'],
    'On Hold': ['reprioritize', 'redate', 'reassignWork'],
    Completed: [],
    Closed: [],
    Cancelled: [],
  });
});

test('refusals in plain words', () => {
  const check = (input: Partial<Parameters<typeof checkAmendment>[0]>) =>
    checkAmendment({ order: working, action: 'reprioritize', actor: SUPER, changes: {}, ...input });
  expect(
    check({ actor: { email: 't@example.com', role: 'Technician' }, changes: { priority: 'P1 Emergency' } }),
  ).toEqual({
    ok: false,
    reason: 'Only a supervisor can re-prioritize WO-2026-00001',
  });
  expect(check({ actor: { email: 'x@example.com', role: null } })).toMatchObject({ ok: false });
  expect(check({ changes: {} })).toEqual({ ok: false, reason: 'Give the new Priority' });
  expect(check({ changes: { priority: 'P1 Emergency' } })).toEqual({
    ok: false,
    reason: 'Give a reason for the change',
  });
  expect(
    check({
      changes: { priority: 'P9' },
      reason: 'x',
      allowed: { priorities: ['P1 Emergency', 'P3 Routine'] },
    }),
  ).toEqual({
    ok: false,
    reason:
      'Priority "P9" is not a priority on the Settings tab: choose P1 Emergency or P3 Routine; an administrator can add one on the Settings tab',
  });
  expect(
    check({ order: { ...working, status: 'Completed' }, changes: { priority: 'P1 Emergency' }, reason: 'x' }),
  ).toEqual({
    ok: false,
    reason:
      'You cannot re-prioritize WO-2026-00001 while it is Completed (only when Approved, Assigned, In Progress, On Hold)',
  });
  expect(
    checkAmendment({
      order: working,
      action: 'reassignWork',
      actor: SUPER,
      changes: { assignee: 'TINA@example.com' },
    }),
  ).toEqual({ ok: false, reason: 'tina@example.com already has WO-2026-00001' });
});

test('applied: only the given field and its stamps change; the status, and the Reason column, stay', () => {
  const now = new Date('2026-02-01T10:00:00Z');
  const due = new Date('2026-02-01T23:59:59Z');
  const { order, changes } = applyAmendment(
    working,
    amendmentFor('reprioritize'),
    { priority: 'P1 Emergency' },
    { now, due, sla: SLA },
  );
  expect(order).toMatchObject({
    status: 'In Progress',
    priority: 'P1 Emergency',
    due,
    reason: 'Held for parts',
    revision: 2,
  });
  expect(changes.map((c) => c.field)).toEqual(['priority', 'due']);
  const handed = applyAmendment(
    working,
    amendmentFor('reassignWork'),
    { assignee: ' Theo@Example.com ' },
    { now, sla: SLA },
  );
  expect(handed.order).toMatchObject({
    status: 'In Progress',
    assignee: 'theo@example.com',
    assignedAt: now,
  });
});

test('a due date given On Hold banks the hold so far: Held For adds it, On Hold Since restarts then', () => {
  // P2 Urgent runs round the clock: held from 10:00 to 16:00 is 6 h, whatever the calendar.
  const held = {
    ...working,
    status: 'On Hold' as const,
    priority: 'P2 Urgent',
    heldSince: new Date('2026-02-02T10:00:00Z'),
    heldHours: 1.5,
  };
  const now = new Date('2026-02-02T16:00:00Z');
  const due = new Date('2026-02-06T23:59:59Z');
  const { order, changes } = applyAmendment(held, amendmentFor('redate'), { due }, { now, sla: SLA });
  expect(order).toMatchObject({ status: 'On Hold', due, heldHours: 7.5, heldSince: now });
  expect(changes.map((c) => c.field).sort()).toEqual(['due', 'heldHours', 'heldSince'].sort());
  // Handing the work to someone else keeps the due date, so the hold keeps counting from its start.
  const handed = applyAmendment(
    held,
    amendmentFor('reassignWork'),
    { assignee: 'theo@example.com' },
    { now, sla: SLA },
  );
  expect(handed.order).toMatchObject({ heldHours: 1.5, heldSince: held.heldSince });
});
