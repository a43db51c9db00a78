/**
 * Planning the change log's move (pure): which of its top rows may leave, why the move stops where it
 * does, and the chunks, one archive year each and priced within the lock budget.
 */
import { keyedCell, type Checkpoint } from '../../../src/core/keyed-chain';
import { formatChanges } from '../../../src/core/change-lines';
import {
  LOG_CHUNK_BUDGET_MS,
  LogCutPlanner,
  MAX_LOG_CHUNK_ROWS,
} from '../../../src/server/features/archive/log-plan';

const MAC = 'a'.repeat(64);
const DAY = 86_400_000;
const CUTOFF = Date.UTC(2026, 9, 1);

interface Row {
  at: Date;
  id: string;
  changes?: string;
}

const status = formatChanges([{ field: 'Status', oldValue: 'Approved', newValue: 'Closed' }]);
const created = formatChanges([
  { field: 'Created', oldValue: '', newValue: 'Submitted (Form Responses 1!A2)' },
]);

/** Sheet rows from row 2: keyed positions 1, 2, … after `legacy` plain rows. */
function sheetRows(rows: readonly Row[], legacy = 0): unknown[][] {
  return rows.map((r, i) => [
    r.at,
    'sam@example.org',
    'sidebar',
    r.id,
    r.changes ?? status,
    i < legacy ? 'b'.repeat(64) : keyedCell(i - legacy + 1, MAC),
  ]);
}

function checkpoint(rows: number, legacy = 0): Checkpoint {
  return { legacyRows: legacy, legacyHead: MAC, seq: rows - legacy, head: MAC, row: rows + 1, maxRows: null };
}

function plan(
  rows: readonly Row[],
  { legacy = 0, archived = ['REQ-000001', 'REQ-000002'], maxRows = 1e6 } = {},
) {
  const planner = new LogCutPlanner(checkpoint(rows.length, legacy), {
    cutoff: CUTOFF,
    archivedIds: new Set(archived),
    timeZone: 'UTC',
    maxRows,
  });
  planner.feed(sheetRows(rows, legacy));
  return planner.plan();
}

const old = (days: number): Date => new Date(CUTOFF - days * DAY);

test('the move stops at the first row of an order that is not archived, and names it', () => {
  const rows: Row[] = [
    { at: old(50), id: 'REQ-000001', changes: created },
    { at: old(49), id: 'Work Orders' },
    { at: old(48), id: 'REQ-000001' },
    { at: old(47), id: 'REQ-000003', changes: created },
    { at: old(46), id: 'REQ-000002' },
  ];
  const { chunks, stop } = plan(rows);
  expect(stop).toEqual({ kind: 'order', id: 'REQ-000003', at: old(47) });
  // The stopping row names a request id: the rows before it all move (the last as the link).
  expect(chunks).toEqual([expect.objectContaining({ year: 2026, throughSeq: 3, rows: 3 })]);
});

test('the move stops at the first row logged after the cutoff', () => {
  const rows: Row[] = [
    { at: old(5), id: 'Work Orders' },
    { at: old(4), id: 'REQ-000001' },
    { at: old(3), id: 'REQ-000002' },
    { at: old(-1), id: 'REQ-000001' },
    { at: old(10), id: 'REQ-000002' },
  ];
  const { chunks, stop } = plan(rows);
  expect(stop).toEqual({ kind: 'young' });
  expect(chunks.map((c) => c.throughSeq)).toEqual([3]);
});

test('the last row naming a new request id stays when nothing after the move is known to name one', () => {
  const rows: Row[] = [
    { at: old(9), id: 'Work Orders' },
    { at: old(8), id: 'REQ-000001', changes: created },
    { at: old(7), id: 'REQ-000001' },
    { at: old(6), id: 'REQ-000002', changes: created },
    { at: old(5), id: 'REQ-000002' },
    { at: old(-1), id: 'REQ-000002' },
  ];
  const { chunks, stop } = plan(rows);
  expect(stop).toEqual({ kind: 'latest-number' });
  // REQ-000002's "Created" (position 4) stays, and is not the link: the move ends at position 3.
  expect(chunks.map((c) => c.throughSeq)).toEqual([3]);
});

test('never keyed row 1 as the link', () => {
  const rows: Row[] = [
    { at: old(9), id: 'Work Orders' },
    { at: old(8), id: 'REQ-000003', changes: created },
  ];
  expect(plan(rows).chunks).toEqual([]);
});

test('one archive year per chunk, years only growing in chain order, each chunk within the lock budget', () => {
  const rows: Row[] = [];
  for (let i = 0; i < 2 * MAX_LOG_CHUNK_ROWS; i++)
    rows.push({ at: new Date(Date.UTC(2025, 11, 1) + i * 1000), id: 'Work Orders' });
  // A row logged a moment late at New Year goes with the year before it in the chain.
  rows.push({ at: new Date(Date.UTC(2026, 0, 1, 0, 0, 5)), id: 'Work Orders' });
  rows.push({ at: new Date(Date.UTC(2025, 11, 31, 23, 59, 59)), id: 'Work Orders' });
  rows.push({ at: new Date(Date.UTC(2026, 0, 2)), id: 'Work Orders' });
  rows.push({ at: old(-1), id: 'Work Orders' });
  const { chunks } = plan(rows);
  expect(chunks.map((c) => c.year)).toEqual([2025, 2025, 2026]);
  expect(chunks.map((c) => c.rows)).toEqual([MAX_LOG_CHUNK_ROWS, MAX_LOG_CHUNK_ROWS, 3]);
  expect(chunks.at(-1)?.throughSeq).toBe(2 * MAX_LOG_CHUNK_ROWS + 3);
  for (const c of chunks) expect(c.estimatedMs).toBeLessThanOrEqual(LOG_CHUNK_BUDGET_MS);
});

test('rows from before the keyed chain go in the first chunk, with the first keyed row', () => {
  const rows: Row[] = [0, 1, 2, 3, 4, 5].map((i) => ({ at: old(20 - i), id: 'Work Orders' }));
  rows.push({ at: old(-1), id: 'Work Orders' });
  const { chunks } = plan(rows, { legacy: 3 });
  expect(chunks).toEqual([expect.objectContaining({ throughSeq: 3, rows: 6 })]);
});

test('too many rows from before the keyed chain to move in one chunk: none move, and the plan says why', () => {
  const legacy = MAX_LOG_CHUNK_ROWS + 5;
  const rows: Row[] = Array.from({ length: legacy + 3 }, (_, i) => ({
    at: new Date(CUTOFF - DAY - (legacy + 3 - i) * 1000),
    id: 'Work Orders',
  }));
  expect(plan(rows, { legacy })).toEqual({ chunks: [], stop: { kind: 'legacy', rows: legacy } });
});

test('a keyed row out of its place ends the plan where it is', () => {
  const rows: Row[] = [0, 1, 2, 3].map((i) => ({ at: old(10 - i), id: 'Work Orders' }));
  const cells = sheetRows(rows);
  cells[2]![5] = keyedCell(7, MAC);
  const planner = new LogCutPlanner(checkpoint(4), {
    cutoff: CUTOFF,
    archivedIds: new Set(),
    timeZone: 'UTC',
    maxRows: 1e6,
  });
  planner.feed(cells);
  expect(planner.plan()).toEqual({
    chunks: [expect.objectContaining({ throughSeq: 2 })],
    stop: { kind: 'damaged', row: 4 },
  });
});

test('rows past the checkpoint (uncommitted) never move', () => {
  const rows: Row[] = [0, 1, 2, 3].map((i) => ({ at: old(10 - i), id: 'Work Orders' }));
  const planner = new LogCutPlanner(
    { ...checkpoint(4), seq: 2, row: 3 },
    { cutoff: CUTOFF, archivedIds: new Set(), timeZone: 'UTC', maxRows: 1e6 },
  );
  planner.feed(sheetRows(rows));
  expect(planner.plan().chunks.map((c) => c.throughSeq)).toEqual([2]);
});

test('keeping the last row naming a number does not hide why the move stopped: damage, or more rows due', () => {
  const rows: Row[] = [
    { at: old(10), id: 'Work Orders' },
    { at: old(9), id: 'REQ-000001', changes: created },
    { at: old(8), id: 'Work Orders' },
    { at: old(7), id: 'Work Orders' },
    { at: old(6), id: 'Work Orders' },
  ];
  const cells = sheetRows(rows);
  cells[3]![5] = keyedCell(9, MAC);
  const planner = new LogCutPlanner(checkpoint(5), {
    cutoff: CUTOFF,
    archivedIds: new Set(['REQ-000001']),
    timeZone: 'UTC',
    maxRows: 1e6,
  });
  planner.feed(cells);
  // REQ-000001's "Created" (position 2) stays, so only position 1 could move, which is never the link.
  expect(planner.plan()).toEqual({ chunks: [], stop: { kind: 'damaged', row: 5 } });
  // A plan cut short by the rows a run has time for still says more are due.
  expect(plan(rows.slice(0, 3), { maxRows: 2 }).stop).toEqual({ kind: 'planned-enough' });
});
