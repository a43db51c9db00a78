/**
 * The supervisor queue index (src/server/adapters/review-queue.ts). The sidebar opens from
 * Document Properties instead of the register; these tests show it stays true to the register
 * (intake, actions, rows appended by executions without document properties, deletions, sorting,
 * damage) and within Google's limits (9 KB per value, the budget of the document's store), and that
 * opening the sidebar stays within its budget of Spreadsheet calls whatever the register's size.
 */
import { REGISTER_HEADER_ROW } from '../../../src/core/register-row';
import { SHEET_NAMES } from '../../../src/core/model';
import { REVIEW_PAGE_SIZE } from '../../../src/shared/review';
import { SUPERVISOR, TECH, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { act, idsIn, itemIn, load, sheetCalls, submitRequests, target, viewFor } from './helpers';
import { INDEX_KEY, appendDirectly, documentProperties, dropIndex, indexMeta, makeOrder } from './fixtures';
import { forgetRememberedState } from '../../support/caches';

// The register's columns plus the hidden Last Known State column.
const REGISTER_WIDTH = REGISTER_HEADER_ROW.length + 1;

async function loadStats(wb: TestWorkbook) {
  const { reply, record } = await load(wb, SUPERVISOR);
  if (!reply.ok) throw new Error(reply.message);
  return { view: reply.view, calls: sheetCalls(record), cellsRead: record.stats.cellsRead, record };
}

describe('kept up to date by its writers', () => {
  let wb: TestWorkbook;
  beforeEach(async () => {
    wb = await setUpWorkbook();
  });
  afterEach(() => wb.close());

  test('intake adds each new request: the next load reads no register data', async () => {
    await submitRequests(wb, [{ description: 'First' }]);
    await loadStats(wb); // builds the index once
    const [second] = await submitRequests(wb, [{ description: 'Second' }]);
    const { view, calls, cellsRead } = await loadStats(wb);
    expect(itemIn(view, second!)).toMatchObject({ description: 'Second', status: 'Submitted' });
    expect(calls).toBe(2); // the register sheet and its last row
    expect(cellsRead).toBe(0);
  });

  test('rows appended where there are no document properties (the hourly job) are caught up from the tail', async () => {
    await submitRequests(wb, [{ description: 'Via the form' }]);
    await loadStats(wb);
    appendDirectly(wb, [
      makeOrder(2, { description: 'Reconciled A' }),
      makeOrder(3, { description: 'Reconciled B' }),
    ]);
    const caught = await loadStats(wb);
    expect(idsIn(caught.view, 'submitted')).toEqual(['REQ-000002', 'REQ-000003', 'REQ-000001']);
    expect(caught.calls).toBe(4);
    // The header and the two new rows, not the register.
    expect(caught.cellsRead).toBeLessThanOrEqual(3 * (REGISTER_WIDTH + 2));
    const after = await loadStats(wb);
    expect(after.calls).toBe(2);
    expect(idsIn(after.view, 'submitted')).toEqual(idsIn(caught.view, 'submitted'));
  });

  test('a missing index is rebuilt from one read of the register, then stored', async () => {
    appendDirectly(wb, [
      makeOrder(1),
      makeOrder(2, { status: 'Closed' }),
      makeOrder(3, {
        status: 'Approved',
        woNumber: 'WO-2026-00001',
        priority: 'P2 Urgent',
        due: new Date('2026-01-06T09:00:00Z'),
      }),
      makeOrder(4, { status: 'In Progress', assignee: TECH }),
    ]);
    dropIndex(wb);
    // The poll (which checks the caller's role) warms the Settings/Staff cache, as the menu item does.
    await wb.call(SUPERVISOR, 'reviewPoll', { marker: '' });
    const rebuilt = await loadStats(wb);
    expect(rebuilt.cellsRead).toBeGreaterThanOrEqual(4 * REGISTER_WIDTH);
    expect(rebuilt.calls).toBe(4);
    expect(idsIn(rebuilt.view, 'submitted')).toEqual(['REQ-000001']);
    expect(idsIn(rebuilt.view, 'approved')).toEqual(['REQ-000003']);
    expect(rebuilt.view.technicians.find((t) => t.email === TECH)?.openLoad).toBe(1);
    expect(indexMeta(wb)).toMatchObject({ chunks: 1 });
    expect((await loadStats(wb)).calls).toBe(2);
  });

  test.each([
    ['meta is not JSON', (p: Record<string, string>) => ({ [INDEX_KEY]: `${p[INDEX_KEY]}garbage` })],
    [
      'a chunk of another generation',
      (p: Record<string, string>) => ({ [`${INDEX_KEY}.0`]: `zzz|${p[`${INDEX_KEY}.0`]?.split('|')[1]}` }),
    ],
    [
      'a chunk cut short',
      (p: Record<string, string>) => ({ [`${INDEX_KEY}.0`]: p[`${INDEX_KEY}.0`]!.slice(0, -5) }),
    ],
    [
      'valid JSON of the wrong shape',
      (p: Record<string, string>) => {
        const gen = (JSON.parse(p[INDEX_KEY]!) as { gen: string }).gen;
        const json = '{"v":1,"lastRow":"x"}';
        return {
          [INDEX_KEY]: JSON.stringify({ gen, chunks: 1, length: json.length }),
          [`${INDEX_KEY}.0`]: `${gen}|${json}`,
        };
      },
    ],
  ])('a damaged index (%s) is rebuilt, never trusted', async (_name, damage) => {
    const ids = await submitRequests(wb, [{ description: 'One' }, { description: 'Two' }]);
    await loadStats(wb);
    const store = wb.rt.world.properties.document(wb.ssId);
    store.setAll(damage(store.entries()));
    const { view, cellsRead } = await loadStats(wb);
    expect(idsIn(view, 'submitted')).toEqual(ids);
    expect(cellsRead).toBeGreaterThanOrEqual(2 * REGISTER_WIDTH); // read from the register
    expect((await loadStats(wb)).cellsRead).toBe(0);
  });

  test('rows deleted behind its back (the register shrank) trigger a rebuild', async () => {
    const ids = await submitRequests(wb, [
      { description: 'Keep' },
      { description: 'Delete me' },
      { description: 'Keep too' },
    ]);
    await loadStats(wb);
    wb.sheet(SHEET_NAMES.register).deleteRows(3, 1);
    const { view } = await loadStats(wb);
    expect(idsIn(view, 'submitted')).toEqual([ids[0], ids[2]]);
  });

  test('rows deleted and as many more appended unseen: the gap in request ids triggers a rebuild', async () => {
    await submitRequests(wb, [{ description: 'A' }, { description: 'B' }, { description: 'C' }]);
    await loadStats(wb);
    // Two rows deleted, three appended: the register's last row moved by one only.
    wb.sheet(SHEET_NAMES.register).deleteRows(2, 2);
    appendDirectly(wb, [makeOrder(4), makeOrder(5), makeOrder(6)]);
    const { view } = await loadStats(wb);
    expect(idsIn(view, 'submitted')).toEqual(['REQ-000004', 'REQ-000005', 'REQ-000006', 'REQ-000003']);
  });

  test('after users sort the register, actions still find rows by id and the hints heal', async () => {
    const ids = await submitRequests(wb, [
      { description: 'A' },
      { description: 'B' },
      { description: 'C' },
      { description: 'D' },
    ]);
    const view = await viewFor(wb, SUPERVISOR);
    // Someone sorts the data rows Z→A.
    const sheet = wb.sheet(SHEET_NAMES.register);
    const rows = wb.values(SHEET_NAMES.register).slice(1);
    sheet.writeValues(2, 1, [...rows].reverse() as Parameters<typeof sheet.writeValues>[2]);
    const first = await act(wb, SUPERVISOR, {
      action: 'reject',
      ...target(itemIn(view, ids[0]!)),
      reason: 'No',
    });
    expect(first.reply.ok).toBe(true);
    expect(wb.order(ids[0]!).status).toBe('Rejected');
    expect(wb.order(ids[3]!).status).toBe('Submitted');
    if (!first.reply.ok) return;
    // The id column read after the missed hint fixed every hint in the queue...
    expect(itemIn(first.reply.view!, ids[1]!).rowHint).toBe(4);
    // ...so the next action finds its row at once: the stale hint had cost three calls more (the
    // missed row, the last row, the id column).
    const second = await act(wb, SUPERVISOR, {
      action: 'reject',
      ...target(itemIn(first.reply.view!, ids[1]!)),
      reason: 'No',
    });
    expect(second.reply.ok).toBe(true);
    expect(sheetCalls(first.record)).toBe(sheetCalls(second.record) + 3);
    expect(sheetCalls(second.record)).toBeLessThanOrEqual(8);
    expect(wb.order(ids[1]!).status).toBe('Rejected');
  });
});

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
    expect(sheetCalls(record)).toBeLessThanOrEqual(8);
    expect(record.stats.emailsSent).toBe(2);
    // The worst case: the document cache emptied (the change log's tail must be looked up), only
    // Settings/Staff read back by the menu item as the supervisor opens the sidebar again.
    forgetRememberedState(wb.rt.world, wb.ssId);
    await wb.menu(SUPERVISOR, 'openReviewSidebar');
    const next = (await viewFor(wb, SUPERVISOR)).sections.submitted.items[0]!;
    const cold = await act(wb, SUPERVISOR, { action: 'reject', ...target(next), reason: 'Duplicate' });
    expect(cold.reply.ok).toBe(true);
    expect(sheetCalls(cold.record)).toBeLessThanOrEqual(8);
    expect(Buffer.byteLength(JSON.stringify(record.value), 'utf8')).toBeLessThan(100 * 1024);
  });
});
