/**
 * The supervisor's cockpit through dist/Code.js (see cockpit.test.ts): the actions that keep the
 * status (re-prioritize, re-date, reassign started work), what they write and whom they tell, and
 * their refusals.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { endOfLocalDay } from '../../../src/core/time';
import { REQUESTOR, SUPERVISOR, TECH, TECH2, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { act, find, idsIn, itemIn, mailLog, target, viewFor } from './helpers';
import { appendDirectly, makeOrder } from './fixtures';

const DAY = 86_400_000;

function sidebarLog(wb: TestWorkbook, id: string): string[][] {
  return wb
    .changeLogEntries()
    .filter((e) => e.source === 'sidebar' && e.recordId === id)
    .map((e) => [e.field, e.oldValue, e.newValue]);
}

describe('changes that keep the status', () => {
  let wb: TestWorkbook;
  beforeEach(async () => {
    wb = await setUpWorkbook();
    appendDirectly(wb, [
      makeOrder(1, {
        status: 'In Progress',
        woNumber: 'WO-2026-00001',
        assignee: TECH,
        priority: 'P4 Scheduled',
        category: 'HVAC',
        due: new Date(Date.now() + 20 * DAY),
        startedAt: new Date(Date.now() - DAY),
        reason: 'Held for parts',
      }),
      makeOrder(2, { description: 'Not approved yet' }),
    ]);
  });
  afterEach(() => wb.close());

  async function fresh() {
    const found = await find(wb, SUPERVISOR, 'REQ-000001');
    if (!found.reply.ok) throw new Error(found.reply.message);
    return found.reply.item;
  }

  test('work in hand is listed without its revision; reviewFind gives it, with the actions allowed', async () => {
    const view = await viewFor(wb, SUPERVISOR);
    expect(itemIn(view, 'REQ-000001').revision).toBe(0);
    const item = await fresh();
    expect(item.revision).toBe(1);
    expect(item.available).toEqual(['reassign', 'reprioritize', 'redate', 'clarify', 'cancel']);
  });

  test('re-prioritize: due recomputed from the SLA, logged with the reason, requestor and technician told', async () => {
    const mailBefore = mailLog(wb).length;
    const before = Date.now();
    const { reply } = await act(wb, SUPERVISOR, {
      action: 'reprioritize',
      ...target(await fresh()),
      priority: 'P1 Emergency',
      reason: 'The heating is off in the nursery',
    });
    if (!reply.ok) throw new Error(reply.message);
    const order = wb.order('REQ-000001');
    const tz = wb.model.timeZone;
    expect(order).toMatchObject({
      status: 'In Progress',
      priority: 'P1 Emergency',
      reason: 'Held for parts',
    });
    // P1: end of the local day it was re-prioritized on.
    expect(order.due!.getTime()).toBe(endOfLocalDay(new Date(before), tz).getTime());
    expect(reply.message).toMatch(/^WO-2026-00001 is now P1 Emergency, due /);
    expect(sidebarLog(wb, 'REQ-000001').map((r) => r[0])).toEqual(['Priority', 'Due', 'Reason for change']);
    const mail = mailLog(wb).slice(mailBefore);
    expect(mail.map((m) => m.to)).toEqual([[TECH], [REQUESTOR]]);
    expect(mail[0]!.subject).toContain('Priority changed to P1 Emergency');
    expect(mail[0]!.body).toContain('Reason: The heating is off in the nursery');
    // The queue followed: the order is now due today, so it is in "Overdue and due soon".
    expect(idsIn(await viewFor(wb, SUPERVISOR), 'overdue')).toEqual(['REQ-000001']);
  });

  test('change the due date with a reason; the requestor hears of the delay', async () => {
    const mailBefore = mailLog(wb).length;
    const due = new Date(Date.now() + 40 * DAY);
    const { reply } = await act(wb, SUPERVISOR, {
      action: 'redate',
      ...target(await fresh()),
      due: due.toISOString(),
      reason: 'The part is back-ordered',
    });
    if (!reply.ok) throw new Error(reply.message);
    expect(wb.order('REQ-000001').due!.getTime()).toBe(due.getTime());
    const mail = mailLog(wb).slice(mailBefore);
    expect(mail.map((m) => m.to)).toEqual([[TECH], [REQUESTOR]]);
    expect(mail[0]!.subject).toContain('New due date');
    expect(mail[0]!.body).toContain('Reason: The part is back-ordered');
    const refused = await act(wb, SUPERVISOR, {
      action: 'redate',
      ...target(await fresh()),
      due: 'next week',
      reason: 'x',
    });
    expect(refused.reply).toEqual({ ok: false, message: 'Choose a new due date.' });
  });

  test('reassign work in progress: it stays In Progress, both technicians told, loads follow', async () => {
    const mailBefore = mailLog(wb).length;
    const { reply } = await act(wb, SUPERVISOR, {
      action: 'reassign',
      ...target(await fresh()),
      assignee: TECH2,
    });
    if (!reply.ok) throw new Error(reply.message);
    expect(wb.order('REQ-000001')).toMatchObject({ status: 'In Progress', assignee: TECH2 });
    expect(reply.message).toMatch(/^WO-2026-00001 reassigned from Tina Tech to Theo Tech\. Emailed /);
    const mail = mailLog(wb).slice(mailBefore);
    expect(mail.map((m) => [m.to, m.subject.split(':')[0]])).toEqual([
      [[TECH2], '[WO-2026-00001] Assigned to you'],
      [[TECH], '[WO-2026-00001] Reassigned'],
    ]);
    expect((await viewFor(wb, SUPERVISOR)).technicians.map((t) => [t.email, t.openLoad])).toEqual([
      [TECH2, 1],
      [TECH, 0],
    ]);
  });

  test('a stale card is refused in plain words with the order as it is now; nothing is written', async () => {
    const item = await fresh();
    expect(
      (await act(wb, SUPERVISOR, { action: 'reassign', ...target(item), assignee: TECH2 })).reply.ok,
    ).toBe(true);
    const registerBefore = JSON.stringify(wb.values(SHEET_NAMES.register));
    const { reply } = await act(wb, SUPERVISOR, {
      action: 'reprioritize',
      ...target(item),
      priority: 'P2 Urgent',
      reason: 'Faster',
    });
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.message).toBe(
      'Someone else changed WO-2026-00001 after you opened it; it is now In Progress. Nothing was changed: its card now shows the latest, so check it and try again if still needed.',
    );
    expect(reply.current).toMatchObject({ id: 'REQ-000001', assignee: TECH2, revision: 2 });
    expect(JSON.stringify(wb.values(SHEET_NAMES.register))).toBe(registerBefore);
  });

  test('re-prioritizing to the same priority, or a request not yet approved, is refused', async () => {
    const same = await act(wb, SUPERVISOR, {
      action: 'reprioritize',
      ...target(await fresh()),
      priority: 'P4 Scheduled',
      reason: 'x',
    });
    expect(same.reply).toEqual({ ok: false, message: 'REQ-000001 is already P4 Scheduled.' });
    const item = itemIn(await viewFor(wb, SUPERVISOR), 'REQ-000002');
    expect(item.available).not.toContain('reprioritize');
    const early = await act(wb, SUPERVISOR, {
      action: 'reprioritize',
      ...target(item),
      priority: 'P1 Emergency',
      reason: 'x',
    });
    expect(early.reply).toEqual({
      ok: false,
      message: 'Change priority does not apply to a work order that is Submitted.',
    });
  });
});
