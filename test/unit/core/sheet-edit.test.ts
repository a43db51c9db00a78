/** The change-log diff of two orders, and the edit rules for one hand-edited register cell. */
import {
  checkSheetEdit,
  diffOrders,
  formatFieldValue,
  type TransitionActor,
} from '../../../src/core/lifecycle';
import type { WorkOrder } from '../../../src/core/model';
import { admin, assigned, makeOrder, supervisor, tina, tom } from './fixtures';

describe('diffOrders and formatFieldValue', () => {
  it('compares dates by time and skips revision', () => {
    const a = makeOrder({ due: new Date('2026-01-01T00:00:00Z') });
    const b = { ...a, due: new Date('2026-01-01T00:00:00Z'), revision: 9 };
    expect(diffOrders(a, b)).toEqual([]);
    expect(diffOrders(a, { ...a, due: null })).toEqual([{ field: 'due', oldValue: a.due, newValue: null }]);
  });
  it('formats values for the change log', () => {
    expect(formatFieldValue(null)).toBe('');
    expect(formatFieldValue(undefined)).toBe('');
    expect(formatFieldValue(new Date('2026-01-01T00:00:00Z'))).toBe('2026-01-01T00:00:00.000Z');
    expect(formatFieldValue(3)).toBe('3');
    expect(formatFieldValue('x')).toBe('x');
  });
});

describe('checkSheetEdit', () => {
  const order = assigned({ status: 'In Progress' });
  const edit = (actor: TransitionActor, field: keyof WorkOrder, o: WorkOrder = order): string => {
    const r = checkSheetEdit({ order: o, actor, field });
    return r.ok ? 'ok' : r.reason;
  };
  it('lets the assignee edit progress fields of their own work order only', () => {
    expect(edit(tom, 'notes')).toBe('ok');
    expect(edit(tom, 'status')).toBe('ok');
    expect(edit(tina, 'notes')).toBe(
      'Only the assignee or a supervisor can edit this work order, and it is assigned to tom@example.com, ' +
        'not to you: if it should be yours, ask a supervisor to reassign it in Review & assign',
    );
    expect(edit(tom, 'priority')).toBe(
      'Only a supervisor can change Priority: if it should change, ask a supervisor',
    );
  });
  it('lets supervisors edit triage fields but keeps the request as submitted', () => {
    expect(edit(supervisor, 'priority')).toBe('ok');
    expect(edit(admin, 'due')).toBe('ok');
    expect(edit(supervisor, 'description')).toBe('Description is kept as the requestor submitted it');
    expect(edit(tom, 'description')).toBe('Description is kept as the requestor submitted it');
  });
  it('reverts locked fields for everyone', () => {
    expect(edit(supervisor, 'woNumber')).toBe(
      'WO Number is filled in by the add-on and cannot be edited by hand',
    );
    expect(edit(tom, 'completedAt')).toBe(
      'Completed At is filled in by the add-on and cannot be edited by hand',
    );
  });
  it('refuses managers, strangers and final records', () => {
    expect(edit({ email: 'max@example.com', role: 'Manager' }, 'notes')).toBe(
      'Managers can read the register but not edit it',
    );
    expect(edit({ email: 'z@example.com', role: null }, 'notes')).toBe(
      'z@example.com is not active staff on the Staff tab',
    );
    expect(edit(supervisor, 'notes', assigned({ status: 'Closed' }))).toBe(
      'This work order is Closed: it can no longer be edited. If more work is needed, submit a new request on the request form',
    );
  });
});
