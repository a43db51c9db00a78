/**
 * The archive planner (pure): chunks of one archive year, bottom of the sheet first, each within the
 * cost budget; and where a planned row is after rows above it were deleted.
 */
import {
  CHUNK_BUDGET_MS,
  CHUNK_COST,
  MAX_CHUNK_ROWS,
  chunkCost,
  planChunks,
  shiftedRow,
  type Eligible,
} from '../../../src/server/features/archive/plan';

const item = (row: number, year = 2025): Eligible => ({
  id: `REQ-${String(row).padStart(6, '0')}`,
  row,
  year,
});

test('contiguous rows: chunks up to the budget (the first opens the file) and the row cap, bottom first', () => {
  const rows = Array.from({ length: 1_500 }, (_, i) => item(i + 2));
  const chunks = planChunks(rows);
  const first = Math.floor(
    (CHUNK_BUDGET_MS - CHUNK_COST.fixedMs - CHUNK_COST.openFileMs - CHUNK_COST.perRunMs) /
      CHUNK_COST.perRowMs,
  );
  expect(chunks.map((c) => c.items.length)).toEqual([first, MAX_CHUNK_ROWS, 1_500 - first - MAX_CHUNK_ROWS]);
  expect(chunks[0]!.items[0]!.row).toBe(1_501);
  expect(chunks[0]!.items.at(-1)!.row).toBe(1_502 - first);
  for (const c of chunks) expect(c.estimatedMs).toBeLessThanOrEqual(CHUNK_BUDGET_MS);
});

test('scattered rows: as many runs as the budget allows, the first chunk paying for opening the file', () => {
  const rows = Array.from({ length: 100 }, (_, i) => item(10 * i + 5));
  const chunks = planChunks(rows);
  for (const c of chunks) expect(c.estimatedMs).toBeLessThanOrEqual(CHUNK_BUDGET_MS);
  const perRun = CHUNK_COST.perRunMs + CHUNK_COST.perRowMs;
  expect(chunks[0]!.items).toHaveLength(
    Math.floor((CHUNK_BUDGET_MS - CHUNK_COST.fixedMs - CHUNK_COST.openFileMs) / perRun),
  );
  expect(chunks[1]!.items).toHaveLength(Math.floor((CHUNK_BUDGET_MS - CHUNK_COST.fixedMs) / perRun));
  expect(chunks.flatMap((c) => c.items.map((i) => i.row)).sort((a, b) => a - b)).toEqual(
    rows.map((r) => r.row),
  );
  expect(chunkCost([5, 6, 7, 20], false)).toBe(
    CHUNK_COST.fixedMs + 2 * CHUNK_COST.perRunMs + 4 * CHUNK_COST.perRowMs,
  );
});

test('one archive year per chunk, oldest year first', () => {
  const chunks = planChunks([item(2, 2026), item(3, 2025), item(4, 2026), item(5, 2025)]);
  expect(chunks.map((c) => [c.year, c.items.map((i) => i.row)])).toEqual([
    [2025, [5, 3]],
    [2026, [4, 2]],
  ]);
});

test('a planned row moves up by the deleted rows above it', () => {
  expect(shiftedRow(10, [])).toBe(10);
  expect(shiftedRow(10, [2, 3, 9, 10, 11])).toBe(7);
  expect(shiftedRow(2, [5])).toBe(2);
});
