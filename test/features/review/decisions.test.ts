/**
 * The supervisor's decisions on a request through reviewAct in dist/Code.js: approve, reject, ask the
 * requestor, what each writes to the register (one row write), the change log (source "sidebar") and
 * the review queue, and who is emailed, also when the day's mail quota is spent. Assigning is in
 * assigning.test.ts, completed work and cancelling in completed-work.test.ts, refusals in
 * refusals.test.ts.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { localYear } from '../../../src/core/time';
import { ADMIN, REQUESTOR, SUPERVISOR, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { act, idsIn, itemIn, mailLog, newMail, sidebarLog, submitRequests, target, viewFor } from './helpers';

const HOUR = 3_600_000;

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
    // Nothing changes but the revision (question-revision.test.ts: a sidebar opened before cannot decide).
    expect(wb.order(ids[2]!)).toEqual({ ...before, revision: before.revision + 1 });
    expect(record.stats.calls['Range.setValues']).toBe(2); // the change log and the row
    expect(sidebarLog(wb, ids[2]!)).toEqual([
      [SUPERVISOR, 'Clarification Requested', '', 'Which door: front or back?'],
    ]);
    const mail = newMail(wb, mailBefore);
    expect(mail).toHaveLength(1);
    expect(mail[0]!.to).toEqual([REQUESTOR]);
    expect(mail[0]!.subject).toBe(`[${ids[2]}] Question about your request: Door handle loose`);
    expect(mail[0]!.body).toContain('Which door: front or back?');
    expect(reply.message).toContain('Question about');
    // Still awaiting review; the asker's view of it carries the new revision, so it stays valid.
    expect(itemIn(reply.view!, ids[2]!).revision).toBe(item.revision + 1);
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
