/**
 * The supervisor's cockpit through dist/Code.js: the sidebar's queues (emergencies first, overdue
 * work, work in hand by technician, completed work with its notes), free-text search, the cheap
 * refresh poll, and the actions that keep the status (re-prioritize, re-date, reassign started work).
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { endOfLocalDay } from '../../../src/core/time';
import {
  ReviewPollResponseSchema,
  ReviewSearchResponseSchema,
  type ReviewPollResponse,
  type ReviewSearchResponse,
} from '../../../src/shared/review';
import {
  REQUESTOR,
  SUPERVISOR,
  TECH,
  TECH2,
  expectOk,
  setUpWorkbook,
  type TestWorkbook,
} from '../../support/workbook';
import { act, find, idsIn, itemIn, mailLog, sheetCalls, submitRequests, target, viewFor } from './helpers';
import { appendDirectly, makeOrder } from './fixtures';

const DAY = 86_400_000;

async function search(wb: TestWorkbook, query: string): Promise<ReviewSearchResponse> {
  return ReviewSearchResponseSchema.parse(
    expectOk(await wb.call(SUPERVISOR, 'reviewSearch', { query })).value,
  );
}

async function poll(wb: TestWorkbook, marker: string) {
  const record = expectOk(await wb.call(SUPERVISOR, 'reviewPoll', { marker }));
  return { reply: ReviewPollResponseSchema.parse(record.value) as ReviewPollResponse, record };
}

function sidebarLog(wb: TestWorkbook, id: string): string[][] {
  return wb
    .changeLogEntries()
    .filter((e) => e.source === 'sidebar' && e.recordId === id)
    .map((e) => [e.field, e.oldValue, e.newValue]);
}

describe('the queues', () => {
  let wb: TestWorkbook;
  beforeAll(async () => {
    wb = await setUpWorkbook();
    const now = Date.now();
    appendDirectly(wb, [
      makeOrder(1, { description: 'Oldest routine request' }),
      makeOrder(2, { description: 'Flagged request', reviewFlag: 'Location "Roof" is not on the list' }),
      makeOrder(3, { description: 'Water pouring from the ceiling', urgency: 'Emergency (safety risk)' }),
      makeOrder(4, {
        status: 'In Progress',
        woNumber: 'WO-2026-00004',
        assignee: TECH,
        priority: 'P3 Routine',
        due: new Date(now - DAY),
        startedAt: new Date(now - 2 * DAY),
        notes: 'Parts ordered',
      }),
      makeOrder(5, {
        status: 'On Hold',
        woNumber: 'WO-2026-00005',
        assignee: TECH2,
        priority: 'P3 Routine',
        due: new Date(now + 2 * 3_600_000),
        reason: 'Waiting for the glazier',
        startedAt: new Date(now - DAY),
      }),
      makeOrder(6, {
        status: 'Assigned',
        woNumber: 'WO-2026-00006',
        assignee: TECH,
        priority: 'P4 Scheduled',
        due: new Date(now + 20 * DAY),
      }),
      makeOrder(7, {
        status: 'Completed',
        woNumber: 'WO-2026-00007',
        assignee: TECH2,
        startedAt: new Date(now - 3 * DAY),
        completedAt: new Date(now - DAY),
        notes: 'Day 1: drained the system. Day 2: new valve.',
        reason: 'Held for the valve delivery',
        results: 'Radiator warm again',
        actions: 'Replaced the valve',
      }),
    ]);
  });
  afterAll(() => wb.close());

  test('Needs review lists emergencies first, then flagged requests, then the oldest', async () => {
    const view = await viewFor(wb, SUPERVISOR);
    expect(idsIn(view, 'submitted')).toEqual(['REQ-000003', 'REQ-000002', 'REQ-000001']);
    expect(itemIn(view, 'REQ-000003').emergency).toBe(true);
    expect(itemIn(view, 'REQ-000001').emergency).toBe(false);
  });

  test('overdue and due-soon work, work in hand by technician with their load, completed work in full', async () => {
    const view = await viewFor(wb, SUPERVISOR);
    // REQ-000005 is due within hours but On Hold: its SLA clock is stopped, so it is not "due soon".
    expect(idsIn(view, 'overdue')).toEqual(['REQ-000004']);
    expect(idsIn(view, 'working')).toEqual(['REQ-000005', 'REQ-000004', 'REQ-000006']);
    expect(view.sections.working.items.map((i) => [i.assignee, i.status])).toEqual([
      [TECH2, 'On Hold'],
      [TECH, 'In Progress'],
      [TECH, 'Assigned'],
    ]);
    expect(view.technicians.map((t) => [t.email, t.openLoad])).toEqual([
      [TECH2, 1],
      [TECH, 2],
    ]);
    expect(itemIn(view, 'REQ-000005')).toMatchObject({ reason: 'Waiting for the glazier' });
    const completed = view.sections.completed.items[0]!;
    expect(completed).toMatchObject({
      id: 'REQ-000007',
      notes: 'Day 1: drained the system. Day 2: new valve.',
      reason: 'Held for the valve delivery',
      results: 'Radiator warm again',
    });
    expect(completed.startedAt).not.toBeNull();
  });

  test('search finds words and numbers in descriptions, locations, requesters and ids', async () => {
    const radiator = await search(wb, 'radiator');
    if (!radiator.ok) throw new Error(radiator.message);
    // Every fixture's description mentions the radiator of its room; the completed one too.
    expect(radiator.items.map((i) => i.id)).toContain('REQ-000007');
    const room = await search(wb, 'ceiling');
    if (!room.ok) throw new Error(room.message);
    expect(room.items.map((i) => i.id)).toEqual(['REQ-000003']);
    const number = await search(wb, '5');
    if (!number.ok) throw new Error(number.message);
    expect(number.items.map((i) => i.id)).toContain('REQ-000005');
    const wo = await search(wb, 'wo-2026-00005');
    if (!wo.ok) throw new Error(wo.message);
    expect(wo.items.map((i) => i.id)).toEqual(['REQ-000005']);
    const none = await search(wb, 'xylophone');
    expect(none).toEqual({ ok: true, items: [], total: 0 });
  });
});

describe('search at scale and by number', () => {
  test('"66" finds room 66 and REQ-000066; an exact closed id is found in the register', async () => {
    const wb = await setUpWorkbook();
    try {
      appendDirectly(
        wb,
        Array.from({ length: 120 }, (_, i) =>
          makeOrder(i + 1, i === 9 ? { status: 'Closed', woNumber: 'WO-2026-00010' } : {}),
        ),
      );
      const found = await search(wb, '66');
      if (!found.ok) throw new Error(found.message);
      expect(found.items.map((i) => i.id)).toEqual(['REQ-000066']);
      const closed = await search(wb, 'req-000010');
      if (!closed.ok) throw new Error(closed.message);
      expect(closed.items.map((i) => [i.id, i.status])).toEqual([['REQ-000010', 'Closed']]);
      const empty = await wb.call(SUPERVISOR, 'reviewSearch', { query: '   ' });
      expect(empty.value).toEqual({ ok: false, message: 'Type something to search for.' });
    } finally {
      await wb.close();
    }
  });
});

describe('the refresh poll', () => {
  test('says nothing changed without reading the register, and notices a new emergency', async () => {
    const wb = await setUpWorkbook();
    try {
      await submitRequests(wb, [{ description: 'First' }]);
      const view = await viewFor(wb, SUPERVISOR);
      expect(view.marker).not.toBe('');
      const quiet = await poll(wb, view.marker);
      expect(quiet.reply).toEqual({ ok: true, changed: false, marker: view.marker });
      expect(sheetCalls(quiet.record)).toBe(0);
      const [emergency] = await submitRequests(wb, [
        { description: 'Gas smell in the boiler room', urgency: 'Emergency (safety risk)' },
      ]);
      const moved = await poll(wb, view.marker);
      expect(moved.reply).toMatchObject({ ok: true, changed: true });
      const fresh = await viewFor(wb, SUPERVISOR);
      expect(idsIn(fresh, 'submitted')[0]).toBe(emergency);
      expect(fresh.marker).toBe(moved.reply.ok ? moved.reply.marker : '');
    } finally {
      await wb.close();
    }
  });
});

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
    expect(mail.map((m) => m.to)).toEqual([[REQUESTOR, TECH]]);
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
    expect(mail.map((m) => m.to)).toEqual([[REQUESTOR, TECH]]);
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
