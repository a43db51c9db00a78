/**
 * The supervisor queue index (src/server/adapters/review-queue.ts) within Google's limits: 9 KB per
 * value and the budget of the document's store, a reply under 100 KB however long the previews, and
 * opening the sidebar within its budget of Spreadsheet calls whatever the register's size. How the
 * index stays true to the register is in queue.test.ts.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { REVIEW_PAGE_SIZE } from '../../../src/shared/review';
import { SUPERVISOR, TECH, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { act, load, sheetCalls, target, viewFor } from './helpers';
import { INDEX_KEY, appendDirectly, documentProperties, indexMeta, makeOrder } from './fixtures';
import { forgetRememberedState } from '../../support/caches';
import { REGISTER_WIDTH, loadStats } from './queue-stats';

describe('within the limits of Document Properties', () => {
  test('a long queue is split into chunks under 9 KB each, multi-byte text included', async () => {
    const wb = await setUpWorkbook();
    try {
      const orders = Array.from({ length: 400 }, (_, i) =>
        makeOrder(i + 1, {
          description: `${'😀é'.repeat(50)} ${'x'.repeat(300)} ${i}`,
          requesterName: `Nom ${'ü'.repeat(40)}`,
        }),
      );
      appendDirectly(wb, orders);
      const { view } = await loadStats(wb);
      expect(view.sections.submitted.total).toBe(400);
      const chunks = Object.entries(documentProperties(wb)).filter(
        ([k, v]) => k.startsWith(`${INDEX_KEY}.`) && v !== '',
      );
      expect(chunks.length).toBeGreaterThan(5);
      for (const [, value] of chunks) expect(Buffer.byteLength(value, 'utf8')).toBeLessThanOrEqual(9 * 1024);
      const item = view.sections.submitted.items[0]!;
      expect(item.description.length).toBeLessThanOrEqual(160);
      expect(item.description.startsWith('😀é😀é')).toBe(true);
      expect(item.truncated).toBe(true);
      // Read back from the chunks, the previews are intact (no split surrogate pair).
      const again = await loadStats(wb);
      expect(again.cellsRead).toBe(0);
      expect(again.view.sections.submitted.items[0]).toEqual(item);

      // Fewer entries later: the leftover chunks are emptied in the same write, not left to fill the store.
      const before = chunks.length;
      const wanted = again.view.sections.submitted.items.slice(0, 3);
      for (const it of wanted)
        expect((await act(wb, SUPERVISOR, { action: 'reject', ...target(it), reason: 'x' })).reply.ok).toBe(
          true,
        );
      wb.sheet(SHEET_NAMES.register).deleteRows(5, 300);
      const shrunk = await loadStats(wb);
      expect(shrunk.view.sections.submitted.total).toBe(97);
      const live = Object.entries(documentProperties(wb)).filter(
        ([k, v]) => k.startsWith(`${INDEX_KEY}.`) && v !== '',
      );
      expect(live.length).toBeLessThan(before);
      expect(indexMeta(wb)?.chunks).toBe(live.length);
    } finally {
      await wb.close();
    }
  });

  test('a queue too large for the store is read from the register each time, and the sidebar says so', async () => {
    const wb = await setUpWorkbook();
    try {
      const orders = Array.from({ length: 2500 }, (_, i) =>
        makeOrder(i + 1, {
          requesterName: `${'N'.repeat(90)} ${i}`,
          location: 'L'.repeat(99),
          urgency: 'U'.repeat(99),
        }),
      );
      appendDirectly(wb, orders);
      const first = await loadStats(wb);
      expect(indexMeta(wb)).toMatchObject({ overflow: true });
      expect(first.view.notices[0]).toMatch(/read from the register each time/);
      expect(first.view.sections.submitted.total).toBe(2500);
      const second = await loadStats(wb);
      expect(second.view.sections.submitted.total).toBe(2500);
      expect(second.cellsRead).toBeGreaterThan(2500 * REGISTER_WIDTH);
      // Actions still work (the index is simply not kept).
      const item = second.view.sections.submitted.items[0]!;
      const { reply } = await act(wb, SUPERVISOR, { action: 'reject', ...target(item), reason: 'x' });
      expect(reply.ok).toBe(true);
      const total = Object.entries(documentProperties(wb)).reduce(
        (n, [k, v]) => n + Buffer.byteLength(k + v),
        0,
      );
      expect(total).toBeLessThan(500 * 1024);
      // Once the queue is small enough again, the index is stored and loads are fast again.
      wb.sheet(SHEET_NAMES.register).deleteRows(2, 2400);
      const small = await loadStats(wb);
      expect(small.view.notices).toEqual([]);
      expect(indexMeta(wb)).toMatchObject({ chunks: expect.any(Number) });
      expect((await loadStats(wb)).cellsRead).toBe(0);
    } finally {
      await wb.close();
    }
  });
});

test('the reply stays under 100 KB however long the previews, and paging still covers every order', async () => {
  const wb = await setUpWorkbook();
  try {
    const long = {
      requesterName: 'N'.repeat(120),
      location: 'L'.repeat(120),
      urgency: 'U'.repeat(120),
      description: '"'.repeat(400),
      resources: '\\'.repeat(400),
      reviewFlag: 'F'.repeat(400),
    };
    const done = {
      woNumber: 'WO-2026-00001',
      assignee: TECH,
      results: 'R'.repeat(400),
      actions: 'A'.repeat(400),
      completedAt: new Date('2026-01-02T00:00:00Z'),
    };
    appendDirectly(wb, [
      ...Array.from({ length: 60 }, (_, i) => makeOrder(i + 1, long)),
      ...Array.from({ length: 60 }, (_, i) => makeOrder(i + 61, { ...long, ...done, status: 'Approved' })),
      ...Array.from({ length: 60 }, (_, i) => makeOrder(i + 121, { ...long, ...done, status: 'Completed' })),
    ]);
    const { reply, record } = await load(wb, SUPERVISOR);
    if (!reply.ok) throw new Error(reply.message);
    expect(Buffer.byteLength(JSON.stringify(record.value), 'utf8')).toBeLessThan(100 * 1024);
    const first = reply.view.sections.submitted;
    expect(first.items.length).toBeLessThan(REVIEW_PAGE_SIZE);
    expect(first.pageSize).toBe(first.items.length);
    // Following "Next" (offset + pageSize) visits every request once.
    const seen: string[] = [];
    let offset = 0;
    while (offset < first.total) {
      const page = (await viewFor(wb, SUPERVISOR, { offsets: { submitted: offset } })).sections.submitted;
      expect(page.offset).toBe(offset);
      expect(page.items.length).toBeGreaterThan(0);
      seen.push(...page.items.map((i) => i.id).filter((id) => !seen.includes(id)));
      offset = page.offset + page.pageSize;
    }
    expect(seen).toEqual(Array.from({ length: 60 }, (_, i) => `REQ-${String(i + 1).padStart(6, '0')}`));
  } finally {
    await wb.close();
  }
});

describe('budget', () => {
  let wb: TestWorkbook;
  beforeAll(async () => {
    wb = await setUpWorkbook();
    // A register with history: 5,000 closed orders, then 500 requests awaiting review.
    const closed = Array.from({ length: 5000 }, (_, i) =>
      makeOrder(i + 1, { status: 'Closed', woNumber: `WO-2025-${String(i + 1).padStart(5, '0')}` }),
    );
    const pending = Array.from({ length: 500 }, (_, i) => makeOrder(5001 + i));
    appendDirectly(wb, [...closed, ...pending]);
    await loadStats(wb); // the one rebuild
  });
  afterAll(() => wb.close());

  test('opening: at most 4 Spreadsheet calls, no register data, and under 100 KB for 500 pending requests', async () => {
    const { view, calls, cellsRead, record } = await loadStats(wb);
    expect(calls).toBeLessThanOrEqual(4);
    expect(cellsRead).toBe(0);
    expect(view.sections.submitted.total).toBe(500);
    expect(view.sections.submitted.items).toHaveLength(REVIEW_PAGE_SIZE);
    expect(Buffer.byteLength(JSON.stringify(record.value), 'utf8')).toBeLessThan(100 * 1024);
  });

  test('paging beyond the first page', async () => {
    const page2 = await viewFor(wb, SUPERVISOR, { offsets: { submitted: REVIEW_PAGE_SIZE } });
    expect(page2.sections.submitted).toMatchObject({ total: 500, offset: REVIEW_PAGE_SIZE });
    expect(page2.sections.submitted.items[0]!.id).toBe('REQ-005051');
    const past = await viewFor(wb, SUPERVISOR, { offsets: { submitted: 10_000 } });
    expect(past.sections.submitted.offset).toBe(450);
    expect(past.sections.submitted.items.at(-1)!.id).toBe('REQ-005500');
  });

  test('an action: at most 8 Spreadsheet calls plus its emails', async () => {
    const view = await viewFor(wb, SUPERVISOR);
    const item = view.sections.submitted.items[0]!;
    const { reply, record } = await act(wb, SUPERVISOR, {
      action: 'approveAssign',
      ...target(item),
      category: 'IT',
      priority: 'P3 Routine',
      assignee: TECH,
    });
    expect(reply.ok).toBe(true);
    // 8, and the spreadsheet's time zone checked first (features/errors/zone-guard.ts).
    expect(sheetCalls(record)).toBeLessThanOrEqual(9);
    expect(record.stats.emailsSent).toBe(2);
    // The worst case: the document cache emptied (the change log's tail must be looked up), only
    // Settings/Staff read back by the menu item as the supervisor opens the sidebar again.
    forgetRememberedState(wb.rt.world, wb.ssId);
    await wb.menu(SUPERVISOR, 'openReviewSidebar');
    const next = (await viewFor(wb, SUPERVISOR)).sections.submitted.items[0]!;
    const cold = await act(wb, SUPERVISOR, { action: 'reject', ...target(next), reason: 'Duplicate' });
    expect(cold.reply.ok).toBe(true);
    expect(sheetCalls(cold.record)).toBeLessThanOrEqual(9); // with the time zone
    expect(Buffer.byteLength(JSON.stringify(record.value), 'utf8')).toBeLessThan(100 * 1024);
  });
});
