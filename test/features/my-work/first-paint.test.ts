/**
 * Which card the menu item draws for each order before reading the register: the remembered one while
 * the review queue still summarizes it the same way (its previews possibly shortened when the queue is
 * large), else the queue's summary; nothing at all when the queue lacks an entry (the register is read).
 */
import { emptyWorkOrder, type WorkOrder } from '../../../src/core/model';
import { entryFor, type QueueEntry } from '../../../src/server/adapters/review-queue-entries';
import type { Remembered } from '../../../src/server/features/my-work/card-cache';
import { firstPaintOrders, orderFromEntry } from '../../../src/server/features/my-work/first-paint';

const LONG = 'Replace the cracked tile by the north door. '.repeat(10);

function order(over: Partial<WorkOrder>): WorkOrder & { status: 'Assigned' } {
  return {
    ...emptyWorkOrder(),
    id: 'REQ-000001',
    woNumber: 'WO-2026-00001',
    status: 'Assigned',
    priority: 'P2 Urgent',
    assignee: 'tina.tech@example.com',
    due: new Date('2026-03-06T17:05:00Z'),
    description: LONG,
    notes: 'Bring the wet saw',
    revision: 7,
    ...over,
  } as WorkOrder & { status: 'Assigned' };
}

const remembered = (o: WorkOrder, row = 5): Map<string, Remembered> =>
  new Map([[o.id, { row, revision: o.revision, order: o }]]);

describe('firstPaintOrders', () => {
  test('a remembered order the queue still summarizes alike is drawn whole, at its remembered row', () => {
    const kept = order({});
    const entries = new Map([[kept.id, entryFor(kept, 9)]]);
    expect(firstPaintOrders([kept.id], entries, remembered(kept))).toEqual([
      { row: 5, order: kept, summary: false },
    ]);
  });

  test('a queue whose previews were shortened to fit still agrees with the remembered order', () => {
    const kept = order({});
    const entry = entryFor(kept, 9);
    const shortened: QueueEntry = { ...entry, description: `${LONG.slice(0, 39).trimEnd()}…` };
    const nothing: QueueEntry = { ...entry, description: '' };
    expect(firstPaintOrders([kept.id], new Map([[kept.id, shortened]]), remembered(kept))?.[0]?.summary).toBe(
      false,
    );
    expect(firstPaintOrders([kept.id], new Map([[kept.id, nothing]]), remembered(kept))?.[0]?.summary).toBe(
      false,
    );
  });

  test('a change the queue knows of and the remembered card does not: the summary is drawn', () => {
    const kept = order({});
    for (const now of [
      order({ status: 'In Progress' as never }),
      order({ priority: 'P1 Emergency' }),
      order({ due: new Date('2026-03-07T09:00:00Z') }),
      order({ assignee: 'theo.tech@example.com' }),
      order({ description: 'Something else entirely' }),
    ]) {
      const entry = entryFor(now, 9);
      const [drawn] = firstPaintOrders([kept.id], new Map([[kept.id, entry]]), remembered(kept)) ?? [];
      expect(drawn).toEqual({ row: 9, order: orderFromEntry(entry), summary: true });
      // Work in hand: no notes and no revision in a summary (a step needs the checked card's).
      expect(drawn?.order).toMatchObject({ notes: '', revision: 0 });
    }
  });

  test('nothing remembered: every order from its summary; an order the queue lacks: none at all', () => {
    const a = order({});
    const b = order({ id: 'REQ-000002', woNumber: 'WO-2026-00002' });
    const entries = new Map([
      [a.id, entryFor(a, 3)],
      [b.id, entryFor(b, 4)],
    ]);
    expect(
      firstPaintOrders([a.id, b.id], entries, new Map())?.map((o) => [o.order.id, o.row, o.summary]),
    ).toEqual([
      [a.id, 3, true],
      [b.id, 4, true],
    ]);
    expect(firstPaintOrders([a.id, 'REQ-000009'], entries, new Map())).toBeNull();
  });
});
