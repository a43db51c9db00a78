/**
 * The supervisor's cockpit through dist/Code.js: the sidebar's queues (emergencies first, overdue
 * work, work in hand by technician, completed work with its notes), free-text search and the cheap
 * refresh poll. The actions that keep the status are in cockpit-changes.test.ts.
 */
import {
  ReviewPollResponseSchema,
  ReviewSearchResponseSchema,
  type ReviewPollResponse,
  type ReviewSearchResponse,
} from '../../../src/shared/review';
import { SUPERVISOR, TECH, TECH2, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { idsIn, itemIn, sheetCalls, submitRequests, viewFor } from './helpers';
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
