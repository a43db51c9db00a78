/**
 * Every sidebar action through reviewAct in dist/Code.js, as a supervisor: what it writes to
 * the register (one row write), the change log (source "sidebar"), the review queue, and who is
 * emailed. Refusals are in refusals.test.ts.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { localYear } from '../../../src/core/time';
import {
  ADMIN,
  REQUESTOR,
  SUPERVISOR,
  TECH,
  TECH2,
  setUpWorkbook,
  type TestWorkbook,
} from '../../support/workbook';
import { act, find, idsIn, itemIn, load, mailLog, submitRequests, target, viewFor } from './helpers';
import { appendDirectly, dropIndex, makeOrder } from './fixtures';
import { forgetRememberedState } from '../../support/caches';

const HOUR = 3_600_000;

/** Change-log rows of one record written by the sidebar, as [user, field, old, new]. */
function sidebarLog(wb: TestWorkbook, id: string): string[][] {
  return wb
    .changeLogEntries()
    .filter((e) => e.source === 'sidebar' && e.recordId === id)
    .map((e) => [e.user, e.field, e.oldValue, e.newValue]);
}

function newMail(wb: TestWorkbook, since: number) {
  return mailLog(wb).slice(since);
}

describe('approving, rejecting and asking', () => {
  let wb: TestWorkbook;
  let ids: string[];
  beforeEach(async () => {
    wb = await setUpWorkbook();
    ids = await submitRequests(wb, [
      { description: 'Hallway light flickers' },
      { description: 'Paint the fence' },
      { description: 'Door handle loose' },
    ]);
  });
  afterEach(() => wb.close());

  test('approve: a WO number, the SLA due date in the spreadsheet zone, stamps, change log, requestor told', async () => {
    const view = await viewFor(wb, SUPERVISOR);
    const item = itemIn(view, ids[0]!);
    const mailBefore = mailLog(wb).length;
    const { reply, record } = await act(wb, SUPERVISOR, {
      action: 'approve',
      ...target(item),
      category: 'Electrical',
      priority: 'P2 Urgent',
    });
    if (!reply.ok) throw new Error(reply.message);
    const order = wb.order(ids[0]!);
    const tz = wb.model.timeZone;
    const year = localYear(order.decidedAt!, tz);
    expect(order).toMatchObject({
      status: 'Approved',
      woNumber: `WO-${year}-00001`,
      category: 'Electrical',
      priority: 'P2 Urgent',
      decidedBy: SUPERVISOR,
      revision: item.revision + 1,
    });
    // P2 Urgent: complete within 24 hours of approval.
    expect(order.due!.getTime() - order.decidedAt!.getTime()).toBe(24 * HOUR);
    expect(reply.message).toContain(`approved as WO-${year}-00001`);
    expect(reply.item).toMatchObject({ id: ids[0], status: 'Approved', revision: order.revision });
    expect(reply.item.due).toBe(order.due!.toISOString());
    // One row write and one change-log write.
    expect(record.stats.calls['Range.setValues']).toBe(2);
    expect(sidebarLog(wb, ids[0]!)).toEqual([
      [SUPERVISOR, 'WO Number', '', `WO-${year}-00001`],
      [SUPERVISOR, 'Status', 'Submitted', 'Approved'],
      [SUPERVISOR, 'Priority', '', 'P2 Urgent'],
      [SUPERVISOR, 'Category', '', 'Electrical'],
      [SUPERVISOR, 'Due', '', order.due!.toISOString()],
      [SUPERVISOR, 'Decided By', '', SUPERVISOR],
      [SUPERVISOR, 'Decided At', '', order.decidedAt!.toISOString()],
    ]);
    const mail = newMail(wb, mailBefore);
    expect(mail).toHaveLength(1);
    expect(mail[0]!.to).toEqual([REQUESTOR]);
    expect(mail[0]!.subject).toBe(`[WO-${year}-00001] Approved: Hallway light flickers`);
    // The refreshed lists came with the reply: the order moved to "Approved, not assigned".
    expect(idsIn(reply.view!, 'submitted')).toEqual([ids[1], ids[2]]);
    expect(idsIn(reply.view!, 'approved')).toEqual([ids[0]]);
    // And a fresh load agrees.
    const again = await viewFor(wb, SUPERVISOR);
    expect(itemIn(again, ids[0]!)).toEqual(reply.view!.sections.approved.items[0]);
  });

  test('approve twice: numbers increase per spreadsheet; a P3 request is due in 5 business days', async () => {
    const view = await viewFor(wb, SUPERVISOR);
    for (const id of [ids[2]!, ids[0]!]) {
      const { reply } = await act(wb, SUPERVISOR, {
        action: 'approve',
        ...target(itemIn(view, id)),
        category: 'HVAC',
        priority: 'P3 Routine',
      });
      expect(reply.ok).toBe(true);
    }
    const [third, first] = [wb.order(ids[2]!), wb.order(ids[0]!)];
    expect(third.woNumber).toMatch(/^WO-\d{4}-00001$/);
    expect(first.woNumber).toMatch(/^WO-\d{4}-00002$/);
    const days = (first.due!.getTime() - first.decidedAt!.getTime()) / (24 * HOUR);
    // Five business days span five to seven calendar days (a weekend in between), same wall-clock time.
    expect(days).toBeGreaterThanOrEqual(5 - 1 / 24);
    expect(days).toBeLessThanOrEqual(7 + 1 / 24);
    const dueDay = new Intl.DateTimeFormat('en-US', { timeZone: wb.model.timeZone, weekday: 'short' }).format(
      first.due!,
    );
    expect(['Mon', 'Tue', 'Wed', 'Thu', 'Fri']).toContain(dueDay);
  });

  test('reject with a reason: status, reason, stamps, log, requestor told why; gone from the lists', async () => {
    const view = await viewFor(wb, SUPERVISOR);
    const mailBefore = mailLog(wb).length;
    const { reply } = await act(wb, SUPERVISOR, {
      action: 'reject',
      ...target(itemIn(view, ids[1]!)),
      reason: '  Fences are the landlord’s job  ',
    });
    if (!reply.ok) throw new Error(reply.message);
    const order = wb.order(ids[1]!);
    expect(order).toMatchObject({
      status: 'Rejected',
      reason: 'Fences are the landlord’s job',
      decidedBy: SUPERVISOR,
      woNumber: '',
    });
    expect(order.decidedAt).toBeInstanceOf(Date);
    expect(sidebarLog(wb, ids[1]!).map((r) => r[1])).toEqual([
      'Status',
      'Decided By',
      'Decided At',
      'Reason',
    ]);
    const mail = newMail(wb, mailBefore);
    expect(mail.map((m) => m.to)).toEqual([[REQUESTOR]]);
    expect(mail[0]!.subject).toContain('Not approved');
    expect(mail[0]!.body).toContain('Reason: Fences are the landlord’s job');
    expect(idsIn(reply.view!, 'submitted')).not.toContain(ids[1]);
    expect(reply.item.available).toEqual([]);
  });

  test('request clarification: the requestor is emailed the question, one log row, no status change', async () => {
    const view = await viewFor(wb, SUPERVISOR);
    const item = itemIn(view, ids[2]!);
    const before = wb.order(ids[2]!);
    const mailBefore = mailLog(wb).length;
    const { reply, record } = await act(wb, SUPERVISOR, {
      action: 'clarify',
      ...target(item),
      question: 'Which door: front or back?',
    });
    if (!reply.ok) throw new Error(reply.message);
    expect(wb.order(ids[2]!)).toEqual(before);
    expect(record.stats.calls['Range.setValues']).toBe(1); // the change log only
    expect(sidebarLog(wb, ids[2]!)).toEqual([
      [SUPERVISOR, 'Clarification Requested', '', 'Which door: front or back?'],
    ]);
    const mail = newMail(wb, mailBefore);
    expect(mail).toHaveLength(1);
    expect(mail[0]!.to).toEqual([REQUESTOR]);
    expect(mail[0]!.subject).toBe(`[${ids[2]}] Question about your request: Door handle loose`);
    expect(mail[0]!.body).toContain('Which door: front or back?');
    expect(reply.message).toContain('Question about');
    // Still awaiting review, same revision: the sidebar's view of it stays valid.
    expect(itemIn(reply.view!, ids[2]!).revision).toBe(item.revision);
  });

  test('an administrator may act as a supervisor', async () => {
    const view = await viewFor(wb, ADMIN);
    const { reply } = await act(wb, ADMIN, {
      action: 'approve',
      ...target(itemIn(view, ids[0]!)),
      category: 'IT',
      priority: 'P4 Scheduled',
    });
    expect(reply.ok).toBe(true);
    expect(wb.order(ids[0]!)).toMatchObject({ status: 'Approved', decidedBy: ADMIN });
  });
});

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

  test('return completed work with a reason: back In Progress, completion cleared, the technician told', async () => {
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
    expect(mail.map((m) => m.to)).toEqual([[TECH]]);
    expect(mail[0]!.body).toContain('Reason: The duct still rattles');
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
    expect(mail).toHaveLength(1);
    expect([...mail[0]!.to].sort()).toEqual([REQUESTOR, TECH2].sort());
    expect(mail[0]!.subject).toContain('Cancelled');
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

test('emails beyond the daily quota wait in the Outbox and the reply says so', async () => {
  const wb = await setUpWorkbook({ mailDailyQuota: 0 });
  try {
    const [id] = await submitRequests(wb, [{ description: 'Quota test' }]);
    const view = await viewFor(wb, SUPERVISOR);
    const { reply } = await act(wb, SUPERVISOR, {
      action: 'reject',
      ...target(itemIn(view, id!)),
      reason: 'Not ours',
    });
    if (!reply.ok) throw new Error(reply.message);
    expect(reply.message).toContain(`Email to ${REQUESTOR} queued`);
    expect(wb.rt.world.mail.sent).toEqual([]);
    const queued = wb.values(SHEET_NAMES.outbox).slice(1);
    // The acknowledgment (queued by intake) and the rejection.
    expect(queued.map((r) => String(r[2]).replace(/^\[[^\]]+\] /, ''))).toEqual([
      'Request received: Quota test',
      'Not approved: Quota test',
    ]);
    expect(String(queued[1]![1])).toBe(REQUESTOR);
  } finally {
    await wb.close();
  }
});

test('a load reply crosses google.script.run intact: no Date anywhere, every date an ISO string', async () => {
  const wb = await setUpWorkbook();
  try {
    const [id] = await submitRequests(wb, [{ description: 'Dates' }]);
    const reply = await wb.rt.callFromHtml('reviewLoad', [], SUPERVISOR, wb.ssId);
    if (!reply.ok) throw new Error(reply.error);
    // callFromHtml turns a reply holding a Date into null, as google.script.run does.
    expect(reply.value).not.toBeNull();
    const { reply: parsed } = await load(wb, SUPERVISOR);
    if (!parsed.ok) throw new Error(parsed.message);
    const item = itemIn(parsed.view, id!);
    expect(item.requestedAt).toBe(wb.order(id!).requestedAt!.toISOString());
  } finally {
    await wb.close();
  }
});
