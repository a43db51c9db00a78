/**
 * Assigning through reviewAct in dist/Code.js, as a supervisor: approve-and-assign in one row write,
 * assigning approved work and reassigning it, who is told, and the technicians' loads that follow.
 */
import { REQUESTOR, SUPERVISOR, TECH, TECH2, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import {
  act,
  find,
  idsIn,
  itemIn,
  mailLog,
  newMail,
  sidebarLog,
  submitRequests,
  target,
  viewFor,
} from './helpers';

describe('assigning', () => {
  let wb: TestWorkbook;
  let ids: string[];
  beforeEach(async () => {
    wb = await setUpWorkbook();
    ids = await submitRequests(wb, [{ description: 'Boiler noise' }, { description: 'Broken window' }]);
  });
  afterEach(() => wb.close());

  test('approve-and-assign: both steps in one row write, two revisions, requestor and technician told', async () => {
    const view = await viewFor(wb, SUPERVISOR);
    const item = itemIn(view, ids[0]!);
    const mailBefore = mailLog(wb).length;
    const { reply, record } = await act(wb, SUPERVISOR, {
      action: 'approveAssign',
      ...target(item),
      category: 'Plumbing',
      priority: 'P1 Emergency',
      assignee: TECH.toUpperCase(),
    });
    if (!reply.ok) throw new Error(reply.message);
    const order = wb.order(ids[0]!);
    expect(order).toMatchObject({
      status: 'Assigned',
      assignee: TECH,
      category: 'Plumbing',
      revision: item.revision + 2,
    });
    expect(order.woNumber).toMatch(/^WO-\d{4}-00001$/);
    expect(order.assignedAt).toBeInstanceOf(Date);
    expect(record.stats.calls['Range.setValues']).toBe(2);
    const fields = sidebarLog(wb, ids[0]!).map((r) => r[1]);
    expect(fields).toEqual([
      'WO Number',
      'Status',
      'Priority',
      'Category',
      'Due',
      'Decided By',
      'Decided At',
      'Status',
      'Assignee',
      'Assigned At',
    ]);
    const statusRows = sidebarLog(wb, ids[0]!).filter((r) => r[1] === 'Status');
    expect(statusRows.map((r) => [r[2], r[3]])).toEqual([
      ['Submitted', 'Approved'],
      ['Approved', 'Assigned'],
    ]);
    const mail = newMail(wb, mailBefore);
    expect(mail.map((m) => [m.to, m.subject.replace(/^\[[^\]]+\] /, '')])).toEqual([
      [[REQUESTOR], 'Approved: Boiler noise'],
      [[TECH], 'Assigned to you: Boiler noise'],
    ]);
    // Assigned work leaves the queue and counts towards the technician's load.
    expect(idsIn(reply.view!, 'submitted')).toEqual([ids[1]]);
    expect(reply.view!.technicians.find((t) => t.email === TECH)?.openLoad).toBe(1);
    expect(reply.view!.technicians.find((t) => t.email === TECH2)?.openLoad).toBe(0);
  });

  test('assign approved work, then reassign it (found by WO number): both technicians told, loads follow', async () => {
    let view = await viewFor(wb, SUPERVISOR);
    const approved = await act(wb, SUPERVISOR, {
      action: 'approve',
      ...target(itemIn(view, ids[1]!)),
      category: 'Carpentry',
      priority: 'P3 Routine',
    });
    if (!approved.reply.ok) throw new Error(approved.reply.message);
    view = approved.reply.view!;
    expect(itemIn(view, ids[1]!).available).toEqual([
      'assign',
      'reprioritize',
      'redate',
      'clarify',
      'cancel',
    ]);

    let mailBefore = mailLog(wb).length;
    const assigned = await act(wb, SUPERVISOR, {
      action: 'assign',
      ...target(itemIn(view, ids[1]!)),
      assignee: TECH,
    });
    if (!assigned.reply.ok) throw new Error(assigned.reply.message);
    expect(wb.order(ids[1]!)).toMatchObject({ status: 'Assigned', assignee: TECH });
    expect(newMail(wb, mailBefore).map((m) => m.to)).toEqual([[TECH]]);
    expect(idsIn(assigned.reply.view!, 'approved')).toEqual([]);
    expect(assigned.reply.view!.technicians.find((t) => t.email === TECH)?.openLoad).toBe(1);
    expect(assigned.reply.message).toContain('assigned to Tina Tech');

    // Assigned work is not in the queue: the supervisor looks it up by its work-order number.
    const woNumber = wb.order(ids[1]!).woNumber;
    const found = await find(wb, SUPERVISOR, woNumber.toLowerCase());
    if (!found.reply.ok) throw new Error(found.reply.message);
    expect(found.reply.item).toMatchObject({ id: ids[1], status: 'Assigned', assignee: TECH });
    expect(found.reply.item.available).toEqual(['reassign', 'reprioritize', 'redate', 'clarify', 'cancel']);

    mailBefore = mailLog(wb).length;
    const assignedAt = wb.order(ids[1]!).assignedAt!;
    const reassigned = await act(wb, SUPERVISOR, {
      action: 'reassign',
      ...target(found.reply.item),
      assignee: TECH2,
    });
    if (!reassigned.reply.ok) throw new Error(reassigned.reply.message);
    const order = wb.order(ids[1]!);
    expect(order).toMatchObject({ status: 'Assigned', assignee: TECH2 });
    expect(order.assignedAt!.getTime()).toBeGreaterThanOrEqual(assignedAt.getTime());
    expect(
      sidebarLog(wb, ids[1]!)
        .filter((r) => r[1] === 'Assignee')
        .map((r) => [r[2], r[3]]),
    ).toEqual([
      ['', TECH],
      [TECH, TECH2],
    ]);
    const mail = newMail(wb, mailBefore);
    expect(mail.map((m) => [m.to, m.subject.replace(/^\[[^\]]+\] /, '')])).toEqual([
      [[TECH2], 'Assigned to you: Broken window'],
      [[TECH], 'Reassigned: Broken window'],
    ]);
    expect(reassigned.reply.message).toContain('reassigned from Tina Tech to Theo Tech');
    const loads = Object.fromEntries(reassigned.reply.view!.technicians.map((t) => [t.email, t.openLoad]));
    expect(loads).toEqual({ [TECH]: 0, [TECH2]: 1 });
  });
});
