import {
  ACTIONS,
  EDITABLE_IN_SHEET,
  LIFECYCLE,
  LOCKED_FIELDS,
  checkTransition,
  findTransition,
  keepsTypedReason,
  shortestPath,
  transitionFor,
  transitionsFrom,
} from '../../../src/core/lifecycle';
import {
  OPEN_STATUSES,
  REGISTER_COLUMNS,
  STATUSES,
  emptyWorkOrder,
  type WorkOrderField,
} from '../../../src/core/model';

describe('the lifecycle table', () => {
  it('has exactly one row per action', () => {
    expect(LIFECYCLE.map((t) => t.action).sort()).toEqual([...ACTIONS].sort());
  });
  it('has at most one row per (from, to) pair, so a status change names its action', () => {
    const pairs = LIFECYCLE.flatMap((t) => t.from.map((f) => `${f}→${t.to}`));
    expect(new Set(pairs).size).toBe(pairs.length);
  });
  it('matches the brief', () => {
    const row = (from: string, to: string): string | undefined =>
      findTransition(from as never, to as never)?.action;
    expect(row('Submitted', 'Approved')).toBe('approve');
    expect(row('Submitted', 'Rejected')).toBe('reject');
    expect(row('Approved', 'Assigned')).toBe('assign');
    expect(row('Assigned', 'Assigned')).toBe('reassign');
    expect(row('Assigned', 'In Progress')).toBe('start');
    expect(row('In Progress', 'On Hold')).toBe('hold');
    expect(row('On Hold', 'In Progress')).toBe('resume');
    expect(row('In Progress', 'Completed')).toBe('complete');
    expect(row('Completed', 'Closed')).toBe('close');
    expect(row('Completed', 'In Progress')).toBe('return');
    for (const open of OPEN_STATUSES) expect(row(open, 'Cancelled')).toBe('cancel');
    expect(row('Closed', 'Cancelled')).toBeUndefined();
    expect(row('Assigned', 'Completed')).toBeUndefined();
  });
  it('declares required fields, stamps and notifications as in the brief', () => {
    expect(transitionFor('approve')).toMatchObject({
      actors: ['supervisor'],
      required: ['category', 'priority'],
      stamps: ['woNumber', 'decidedBy', 'decidedAt', 'due'],
      notify: ['requestor'],
    });
    expect(transitionFor('reject')).toMatchObject({
      required: ['reason'],
      stamps: ['decidedBy', 'decidedAt'],
    });
    expect(transitionFor('assign')).toMatchObject({
      required: ['assignee'],
      stamps: ['assignedAt'],
      notify: ['assignee'],
    });
    expect(transitionFor('reassign').notify).toEqual(['assignee', 'previousAssignee']);
    expect(transitionFor('start')).toMatchObject({
      actors: ['assignee', 'supervisor'],
      stamps: ['startedAt'],
    });
    expect(transitionFor('hold')).toMatchObject({
      required: ['reason'],
      notify: ['requestor', 'supervisors'],
    });
    expect(transitionFor('complete')).toMatchObject({
      required: ['results', 'actions'],
      stamps: ['completedAt'],
      notify: ['supervisors', 'requestor'],
    });
    expect(transitionFor('close')).toMatchObject({
      actors: ['supervisor'],
      stamps: ['closedAt', 'closedBy'],
    });
    // The requestor, told the work was done, is told it was sent back (in words of their own).
    expect(transitionFor('return')).toMatchObject({
      required: ['reason'],
      notify: ['assignee', 'requestor'],
    });
    expect(transitionFor('cancel')).toMatchObject({
      required: ['reason'],
      notify: ['requestor', 'assignee'],
    });
  });
  it('only names real fields', () => {
    const fields = Object.keys(REGISTER_COLUMNS);
    for (const t of LIFECYCLE) {
      for (const f of [...t.required, ...t.stamps, ...t.clears]) expect(fields).toContain(f);
      for (const s of [...t.from, t.to]) expect(STATUSES).toContain(s);
    }
  });
  it('throws for an unknown action', () => {
    expect(() => transitionFor('explode' as never)).toThrow('Unknown lifecycle action');
  });
  it('lists the actions available from a status', () => {
    expect(transitionsFrom('In Progress').map((t) => t.action)).toEqual(['hold', 'complete', 'cancel']);
    expect(transitionsFrom('Closed')).toEqual([]);
  });
  it('finds the shortest path between statuses', () => {
    expect(shortestPath('Submitted', 'In Progress')?.map((t) => t.action)).toEqual([
      'approve',
      'assign',
      'start',
    ]);
    expect(shortestPath('Completed', 'On Hold')?.map((t) => t.action)).toEqual(['return', 'hold']);
    expect(shortestPath('Closed', 'In Progress')).toBeNull();
    expect(shortestPath('In Progress', 'Assigned')).toBeNull();
  });
});

describe('sheet editing rights', () => {
  it('lets technicians edit their progress fields and supervisors also triage fields', () => {
    expect([...EDITABLE_IN_SHEET.Technician].sort()).toEqual([
      'actions',
      'notes',
      'reason',
      'results',
      'status',
    ]);
    expect([...EDITABLE_IN_SHEET.Supervisor].sort()).toEqual(
      [
        'actions',
        'asset',
        'assignee',
        'category',
        'due',
        'notes',
        'priority',
        'reason',
        'results',
        'status',
      ].sort(),
    );
    expect(EDITABLE_IN_SHEET.Administrator).toEqual(EDITABLE_IN_SHEET.Supervisor);
    expect(EDITABLE_IN_SHEET.Manager).toEqual([]);
  });
  it('never makes a locked field editable', () => {
    for (const fields of Object.values(EDITABLE_IN_SHEET)) {
      for (const f of fields) expect(LOCKED_FIELDS).not.toContain(f as WorkOrderField);
    }
    expect([...LOCKED_FIELDS].sort()).toEqual(
      [
        'id',
        'woNumber',
        'requestedAt',
        'requesterEmail',
        'decidedBy',
        'decidedAt',
        'assignedAt',
        'startedAt',
        'completedAt',
        'closedBy',
        'closedAt',
        'heldSince',
        'heldHours',
        'responseRef',
        'revision',
        'reviewFlag',
      ].sort(),
    );
  });
});

describe('a reason given for the hold', () => {
  const working = { ...emptyWorkOrder(), id: 'REQ-000001', status: 'In Progress' as const };
  const tina = { email: 'tina@example.com', role: 'Technician' as const };
  const order = { ...working, assignee: tina.email, reason: 'Returned: patchy paint' };
  it('a Reason left from an earlier step is refused; one given with the step or typed since is taken', () => {
    expect(checkTransition({ order, to: 'On Hold', actor: tina })).toEqual({
      ok: false,
      reason:
        'On Hold needs a Reason for this step (the one shown is from an earlier step): type it in the Reason column first, or with the status',
    });
    expect(checkTransition({ order, to: 'On Hold', actor: tina, changes: { reason: 'No access' } }).ok).toBe(
      true,
    );
    expect(checkTransition({ order, to: 'On Hold', actor: tina, renewed: ['reason'] }).ok).toBe(true);
  });
  it('a typed Reason survives starting work, not a step that uses it nor leaving On Hold', () => {
    expect(keepsTypedReason('Assigned', 'In Progress')).toBe(true);
    expect(keepsTypedReason('In Progress', 'In Progress')).toBe(true);
    expect(keepsTypedReason('In Progress', 'On Hold')).toBe(false);
    expect(keepsTypedReason('On Hold', 'In Progress')).toBe(false);
    expect(keepsTypedReason('Completed', 'In Progress')).toBe(false);
  });
});
