/**
 * The supervisor queue index (src/server/adapters/review-queue.ts). The sidebar opens from
 * Document Properties instead of the register; these tests show it stays true to the register
 * (intake, actions, rows appended by executions without document properties, deletions, sorting,
 * damage). Its limits (9 KB per value, the store's budget, the reply's size, Spreadsheet calls
 * whatever the register's size) are in queue-limits.test.ts.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { SUPERVISOR, TECH, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { act, idsIn, itemIn, sheetCalls, submitRequests, target, viewFor } from './helpers';
import { INDEX_KEY, appendDirectly, dropIndex, indexMeta, makeOrder } from './fixtures';
import { REGISTER_WIDTH, loadStats } from './queue-stats';

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
    // The register's last row (the sheet itself through a local accessor), and the spreadsheet's time zone
    // checked first (features/errors/zone-guard.ts).
    expect(calls).toBe(2);
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
    expect(caught.calls).toBe(4); // with the time zone checked first (features/errors/zone-guard.ts)
    // The header and the two new rows, not the register.
    expect(caught.cellsRead).toBeLessThanOrEqual(3 * (REGISTER_WIDTH + 2));
    const after = await loadStats(wb);
    expect(after.calls).toBe(2); // the last row and the time zone
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
    expect(rebuilt.calls).toBe(4); // with the time zone checked first (features/errors/zone-guard.ts)
    expect(idsIn(rebuilt.view, 'submitted')).toEqual(['REQ-000001']);
    expect(idsIn(rebuilt.view, 'approved')).toEqual(['REQ-000003']);
    expect(rebuilt.view.technicians.find((t) => t.email === TECH)?.openLoad).toBe(1);
    expect(indexMeta(wb)).toMatchObject({ chunks: 1 });
    expect((await loadStats(wb)).calls).toBe(2); // the last row and the time zone
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
    expect(sheetCalls(second.record)).toBeLessThanOrEqual(9); // 8, and the time zone (errors/zone-guard.ts)
    expect(wb.order(ids[1]!).status).toBe('Rejected');
  });
});
