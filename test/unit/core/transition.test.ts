import {
  applyTransition,
  checkTransition,
  transitionFor,
  type TransitionActor,
} from '../../../src/core/lifecycle';
import type { Status, WorkOrder } from '../../../src/core/model';
import { admin, assigned, makeOrder, supervisor, tina, tom } from './fixtures';

function reason(
  order: WorkOrder,
  to: Status,
  actor: TransitionActor,
  changes: Partial<WorkOrder> = {},
): string {
  const r = checkTransition({ order, to, actor, changes });
  return r.ok ? `ok:${r.transition.action}` : r.reason;
}

describe('checkTransition', () => {
  it('lets a supervisor approve with category and priority', () => {
    expect(
      reason(makeOrder(), 'Approved', supervisor, { category: 'Plumbing', priority: 'P3 Routine' }),
    ).toBe('ok:approve');
    expect(reason(makeOrder(), 'Approved', admin, { category: 'Plumbing', priority: 'P3 Routine' })).toBe(
      'ok:approve',
    );
  });
  it('names the missing required fields by their headers', () => {
    expect(reason(makeOrder(), 'Approved', supervisor)).toBe('Approved needs Category and Priority');
    expect(reason(makeOrder(), 'Approved', supervisor, { category: '  ', priority: 'P1 Emergency' })).toBe(
      'Approved needs Category',
    );
    expect(reason(makeOrder(), 'Rejected', supervisor)).toBe('Rejected needs Reason');
    expect(reason(assigned({ status: 'In Progress' }), 'Completed', tom)).toBe(
      'Completed needs Results and Actions Taken',
    );
    expect(
      reason(assigned({ status: 'In Progress' }), 'Completed', tom, {
        results: 'Fixed',
        actions: 'Replaced washer',
      }),
    ).toBe('ok:complete');
  });
  it('counts values already on the order as present', () => {
    expect(reason(makeOrder({ category: 'IT', priority: 'P2 Urgent' }), 'Approved', supervisor)).toBe(
      'ok:approve',
    );
  });
  it('lets the assignee (any case) or a supervisor do assignee rows', () => {
    expect(reason(assigned(), 'In Progress', tom)).toBe('ok:start');
    expect(reason(assigned(), 'In Progress', { email: ' TOM@Example.com ', role: 'Technician' })).toBe(
      'ok:start',
    );
    expect(reason(assigned(), 'In Progress', supervisor)).toBe('ok:start');
    expect(reason(assigned(), 'In Progress', tina)).toBe(
      'Only the assignee or a supervisor can start this work order',
    );
  });
  it('keeps supervisor rows for supervisors', () => {
    const done = assigned({ status: 'Completed', results: 'r', actions: 'a' });
    expect(reason(done, 'Closed', tom)).toBe('Only a supervisor can close this work order');
    expect(reason(makeOrder(), 'Approved', tom, { category: 'IT', priority: 'P2 Urgent' })).toBe(
      'Only a supervisor can approve this request',
    );
    expect(reason(assigned({ status: 'In Progress' }), 'On Hold', tina, { reason: 'x' })).toBe(
      'Only the assignee or a supervisor can put this work order on hold',
    );
  });
  it('refuses managers and people not on the Staff tab', () => {
    expect(reason(assigned(), 'In Progress', { email: 'max@example.com', role: 'Manager' })).toBe(
      'Managers can read work orders but not change their status',
    );
    expect(reason(assigned(), 'In Progress', { email: 'x@example.com', role: null })).toBe(
      'x@example.com is not active staff on the Staff tab, so cannot change work orders',
    );
  });
  it('explains skipped steps with the first missing action', () => {
    expect(reason(assigned(), 'Completed', tom)).toBe('Assigned → Completed skips a step: start it first');
    expect(reason(makeOrder(), 'In Progress', supervisor)).toBe(
      'Submitted → In Progress skips a step: approve it first',
    );
    expect(reason(assigned({ status: 'On Hold' }), 'Completed', tom)).toBe(
      'On Hold → Completed skips a step: resume it first',
    );
    expect(reason(assigned({ status: 'Completed' }), 'On Hold', supervisor)).toBe(
      'Completed → On Hold skips a step: send it back first',
    );
  });
  it('refuses moves that are not steps of the procedure', () => {
    expect(reason(assigned({ status: 'In Progress' }), 'Assigned', supervisor)).toBe(
      'In Progress → Assigned is not a step of the work-order procedure',
    );
    expect(reason(assigned(), 'Submitted', supervisor)).toBe(
      'Assigned → Submitted is not a step of the work-order procedure',
    );
    expect(reason(assigned({ status: 'In Progress' }), 'In Progress', supervisor)).toBe(
      'The status is already In Progress',
    );
  });
  it('treats final statuses as final', () => {
    expect(reason(assigned({ status: 'Closed' }), 'In Progress', supervisor)).toBe(
      'This work order is Closed: its status can no longer change. If more work is needed, submit a new request on the request form',
    );
    expect(reason(makeOrder({ status: 'Rejected' }), 'Approved', supervisor)).toBe(
      'This work order is Rejected: its status can no longer change. If more work is needed, submit a new request on the request form',
    );
  });
  it('allows cancelling from every open status with a reason', () => {
    for (const status of [
      'Submitted',
      'Approved',
      'Assigned',
      'In Progress',
      'On Hold',
      'Completed',
    ] as const) {
      expect(reason(assigned({ status }), 'Cancelled', supervisor, { reason: 'Duplicate' })).toBe(
        'ok:cancel',
      );
      expect(reason(assigned({ status }), 'Cancelled', supervisor)).toBe('Cancelled needs Reason');
    }
    expect(reason(assigned(), 'Cancelled', tom, { reason: 'x' })).toBe(
      'Only a supervisor can cancel this work order',
    );
  });
  it('requires a different assignee to reassign', () => {
    expect(reason(assigned(), 'Assigned', supervisor, { assignee: 'tina@example.com' })).toBe('ok:reassign');
    expect(reason(assigned(), 'Assigned', supervisor, { assignee: 'TOM@example.com' })).toBe(
      'Reassigning needs a different Assignee: tom@example.com already has it',
    );
  });
  it('checks values against the allowed lists when given', () => {
    const allowed = {
      priorities: ['P1 Emergency', 'P3 Routine'],
      categories: ['Plumbing'],
      technicians: ['tom@example.com', 'tina@example.com'],
    };
    const approve = (changes: Partial<WorkOrder>): string => {
      const r = checkTransition({ order: makeOrder(), to: 'Approved', actor: supervisor, changes, allowed });
      return r.ok ? 'ok' : r.reason;
    };
    expect(approve({ category: 'Plumbing', priority: 'P3 Routine' })).toBe('ok');
    expect(approve({ category: 'Plumbing', priority: 'P9 Whenever' })).toBe(
      'Priority "P9 Whenever" is not a priority on the Settings tab: choose P1 Emergency or P3 Routine; an administrator can add one on the Settings tab',
    );
    expect(approve({ category: 'Magic', priority: 'P3 Routine' })).toBe(
      'Category "Magic" is not a category on the Settings tab: choose Plumbing; an administrator can add one on the Settings tab',
    );
    const assign = checkTransition({
      order: assigned({ status: 'Approved', assignee: '' }),
      to: 'Assigned',
      actor: supervisor,
      changes: { assignee: 'max@example.com' },
      allowed,
    });
    expect(assign).toEqual({
      ok: false,
      reason:
        'Assignee "max@example.com" is not an active technician on the Staff tab: choose tom@example.com or tina@example.com; an administrator can make someone an active Technician on the Staff tab',
    });
    const ok = checkTransition({
      order: assigned({ status: 'Approved', assignee: '' }),
      to: 'Assigned',
      actor: supervisor,
      changes: { assignee: 'Tina@Example.com' },
      allowed,
    });
    expect(ok.ok).toBe(true);
  });
});

describe('applyTransition', () => {
  const now = new Date('2026-03-06T10:00:00Z');
  it('approves: stamps number, decision and due, and lists every change', () => {
    const due = new Date('2026-03-13T10:00:00Z');
    const { order, changes } = applyTransition(
      makeOrder(),
      transitionFor('approve'),
      { category: 'Plumbing', priority: 'P3 Routine' },
      { now, actorEmail: 'Sam@Example.com', woNumber: 'WO-2026-00042', due },
    );
    expect(order).toMatchObject({
      status: 'Approved',
      woNumber: 'WO-2026-00042',
      decidedBy: 'sam@example.com',
      decidedAt: now,
      due,
      category: 'Plumbing',
      priority: 'P3 Routine',
      revision: 2,
    });
    expect(changes.map((c) => c.field)).toEqual([
      'woNumber',
      'status',
      'priority',
      'category',
      'due',
      'decidedBy',
      'decidedAt',
    ]);
    expect(changes.find((c) => c.field === 'status')).toEqual({
      field: 'status',
      oldValue: 'Submitted',
      newValue: 'Approved',
    });
  });
  it('does not share the now Date with the result', () => {
    const { order } = applyTransition(
      assigned(),
      transitionFor('start'),
      {},
      { now, actorEmail: 'tom@example.com' },
    );
    expect(order.startedAt).toEqual(now);
    expect(order.startedAt).not.toBe(now);
  });
  it('keeps a due date given by the supervisor over the SLA one', () => {
    const typed = new Date('2026-04-01T00:00:00Z');
    const { order } = applyTransition(
      makeOrder(),
      transitionFor('approve'),
      { category: 'IT', priority: 'P2 Urgent', due: typed },
      {
        now,
        actorEmail: 'sam@example.com',
        woNumber: 'WO-2026-00001',
        due: new Date('2026-03-07T10:00:00Z'),
      },
    );
    expect(order.due).toBe(typed);
  });
  it('needs a work-order number to approve', () => {
    expect(() =>
      applyTransition(
        makeOrder(),
        transitionFor('approve'),
        { category: 'IT', priority: 'P2' },
        { now, actorEmail: 's@x.com' },
      ),
    ).toThrow('needs a work-order number');
  });
  it('reassigns with a new assigned-at', () => {
    const before = assigned({ assignedAt: new Date('2026-03-01T00:00:00Z') });
    const { order, changes } = applyTransition(
      before,
      transitionFor('reassign'),
      { assignee: 'tina@example.com' },
      { now, actorEmail: 'sam@example.com' },
    );
    expect(order.assignee).toBe('tina@example.com');
    expect(changes).toEqual([
      { field: 'assignee', oldValue: 'tom@example.com', newValue: 'tina@example.com' },
      { field: 'assignedAt', oldValue: new Date('2026-03-01T00:00:00Z'), newValue: now },
    ]);
  });
  it('closes with closed by/at and returns by clearing the completion time', () => {
    const done = assigned({
      status: 'Completed',
      completedAt: new Date('2026-03-05T00:00:00Z'),
      results: 'r',
      actions: 'a',
    });
    const closed = applyTransition(
      done,
      transitionFor('close'),
      {},
      { now, actorEmail: 'sam@example.com' },
    ).order;
    expect(closed).toMatchObject({ status: 'Closed', closedAt: now, closedBy: 'sam@example.com' });
    const back = applyTransition(
      done,
      transitionFor('return'),
      { reason: 'Still dripping' },
      { now, actorEmail: 'sam@example.com' },
    );
    expect(back.order).toMatchObject({ status: 'In Progress', completedAt: null, reason: 'Still dripping' });
    expect(back.changes.map((c) => c.field)).toEqual(['status', 'completedAt', 'reason']);
  });
  it('refuses a transition that does not start from the order status, and locked input', () => {
    expect(() =>
      applyTransition(makeOrder(), transitionFor('close'), {}, { now, actorEmail: 'x@x.com' }),
    ).toThrow('close does not apply to a Submitted work order');
    expect(() =>
      applyTransition(
        assigned(),
        transitionFor('start'),
        { woNumber: 'WO-2026-99999' },
        { now, actorEmail: 'x@x.com' },
      ),
    ).toThrow('woNumber is set by the add-on');
    expect(() =>
      applyTransition(
        assigned(),
        transitionFor('start'),
        { status: 'Closed' },
        { now, actorEmail: 'x@x.com' },
      ),
    ).toThrow('status is set by the add-on');
  });
  it('ignores undefined input values', () => {
    const { order } = applyTransition(
      assigned(),
      transitionFor('start'),
      { notes: undefined },
      { now, actorEmail: 'tom@example.com' },
    );
    expect(order.notes).toBe('');
  });
});
