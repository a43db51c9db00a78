/**
 * Completed work and cancelling through reviewAct in dist/Code.js, as a supervisor: the completed
 * section, closing, returning work with a reason, cancelling open work, the loads that follow, and the
 * Settings tab's notification switches.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { REQUESTOR, SUPERVISOR, TECH, TECH2, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { forgetRememberedState } from '../../support/caches';
import { appendDirectly, dropIndex, makeOrder } from './fixtures';
import { act, find, idsIn, itemIn, mailLog, newMail, sidebarLog, target, viewFor } from './helpers';

describe('completed work and cancelling', () => {
  let wb: TestWorkbook;
  beforeEach(async () => {
    wb = await setUpWorkbook();
    const done = {
      status: 'Completed' as const,
      woNumber: 'WO-2026-00007',
      assignee: TECH,
      category: 'HVAC',
      priority: 'P3 Routine',
    };
    appendDirectly(wb, [
      makeOrder(1, {
        ...done,
        completedAt: new Date('2026-01-06T15:00:00Z'),
        results: 'Fan replaced',
        actions: 'Swapped the fan motor',
      }),
      makeOrder(2, {
        ...done,
        woNumber: 'WO-2026-00008',
        completedAt: new Date('2026-01-06T16:00:00Z'),
        results: 'Cleaned',
        actions: 'Vacuumed the duct',
      }),
      makeOrder(3, {
        status: 'In Progress',
        woNumber: 'WO-2026-00009',
        assignee: TECH2,
        category: 'IT',
        priority: 'P2 Urgent',
      }),
    ]);
    // Written by other executions the queue never heard of: the first load rebuilds it.
    dropIndex(wb);
  });
  afterEach(() => wb.close());

  test('the completed section lists the work with its results; close stamps, logs and tells the requestor', async () => {
    const view = await viewFor(wb, SUPERVISOR);
    expect(idsIn(view, 'completed')).toEqual(['REQ-000001', 'REQ-000002']);
    const item = itemIn(view, 'REQ-000001');
    expect(item).toMatchObject({
      results: 'Fan replaced',
      actionsTaken: 'Swapped the fan motor',
      completedAt: '2026-01-06T15:00:00.000Z',
    });
    expect(item.available).toEqual(['close', 'return', 'clarify', 'cancel']);
    expect(view.technicians.find((t) => t.email === TECH2)?.openLoad).toBe(1);

    const mailBefore = mailLog(wb).length;
    const { reply } = await act(wb, SUPERVISOR, { action: 'close', ...target(item) });
    if (!reply.ok) throw new Error(reply.message);
    const order = wb.order('REQ-000001');
    expect(order).toMatchObject({ status: 'Closed', closedBy: SUPERVISOR });
    expect(order.closedAt).toBeInstanceOf(Date);
    expect(sidebarLog(wb, 'REQ-000001').map((r) => r[1])).toEqual(['Status', 'Closed By', 'Closed At']);
    const mail = newMail(wb, mailBefore);
    expect(mail.map((m) => m.to)).toEqual([[REQUESTOR]]);
    expect(mail[0]!.subject).toBe('[WO-2026-00007] Closed: Request number 1: the radiator in room 1 is cold');
    expect(idsIn(reply.view!, 'completed')).toEqual(['REQ-000002']);
  });

  test('return completed work with a reason: back In Progress, completion cleared, the technician and the requestor told', async () => {
    const view = await viewFor(wb, SUPERVISOR);
    const mailBefore = mailLog(wb).length;
    const { reply } = await act(wb, SUPERVISOR, {
      action: 'return',
      ...target(itemIn(view, 'REQ-000002')),
      reason: 'The duct still rattles',
    });
    if (!reply.ok) throw new Error(reply.message);
    const order = wb.order('REQ-000002');
    expect(order).toMatchObject({
      status: 'In Progress',
      completedAt: null,
      reason: 'The duct still rattles',
      assignee: TECH,
    });
    expect(sidebarLog(wb, 'REQ-000002').map((r) => [r[1], r[2], r[3]])).toEqual([
      ['Status', 'Completed', 'In Progress'],
      ['Completed At', '2026-01-06T16:00:00.000Z', ''],
      ['Reason', '', 'The duct still rattles'],
    ]);
    const mail = newMail(wb, mailBefore);
    // One email each: the requestor's is addressed to them alone, in words of their own.
    expect(mail.map((m) => m.to)).toEqual([[TECH], [REQUESTOR]]);
    expect(mail[0]!.body).toContain('Reason: The duct still rattles');
    expect(mail[1]!.subject).toMatch(/^\[WO-2026-00008\] Work not finished yet:/);
    expect(mail[1]!.body).not.toContain('rattles');
    expect(idsIn(reply.view!, 'completed')).toEqual(['REQ-000001']);
    expect(reply.view!.technicians.find((t) => t.email === TECH)?.openLoad).toBe(1);
  });

  test('cancel open work with a reason: requestor and assignee told; load drops', async () => {
    expect((await viewFor(wb, SUPERVISOR)).technicians.find((t) => t.email === TECH2)?.openLoad).toBe(1);
    const found = await find(wb, SUPERVISOR, 'REQ-000003');
    if (!found.reply.ok) throw new Error(found.reply.message);
    expect(found.reply.item.available).toEqual(['reassign', 'reprioritize', 'redate', 'clarify', 'cancel']);
    const mailBefore = mailLog(wb).length;
    const { reply } = await act(wb, SUPERVISOR, {
      action: 'cancel',
      ...target(found.reply.item),
      reason: 'Duplicate of WO-2026-00002',
    });
    if (!reply.ok) throw new Error(reply.message);
    expect(wb.order('REQ-000003')).toMatchObject({
      status: 'Cancelled',
      reason: 'Duplicate of WO-2026-00002',
    });
    const mail = newMail(wb, mailBefore);
    // One email each: the requestor's is addressed to them alone.
    expect(mail.map((m) => m.to)).toEqual([[TECH2], [REQUESTOR]]);
    for (const m of mail) expect(m.subject).toContain('Cancelled');
    expect(reply.view!.technicians.find((t) => t.email === TECH2)?.openLoad).toBe(0);
  });

  test('the notification switches on the Settings tab are honoured', async () => {
    const settings = wb.values(SHEET_NAMES.settings);
    const header = (settings[0] ?? []).map(String);
    const row = settings.findIndex((r) => r[header.indexOf('Setting')] === 'notifyRequestor');
    wb.sheet(SHEET_NAMES.settings).writeValues(row + 1, header.indexOf('Value') + 1, [[false]]);
    forgetRememberedState(wb.rt.world, wb.ssId);
    const view = await viewFor(wb, SUPERVISOR);
    const mailBefore = mailLog(wb).length;
    const { reply } = await act(wb, SUPERVISOR, { action: 'close', ...target(itemIn(view, 'REQ-000001')) });
    expect(reply.ok).toBe(true);
    expect(wb.order('REQ-000001').status).toBe('Closed');
    expect(newMail(wb, mailBefore)).toEqual([]);
  });
});
