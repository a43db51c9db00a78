/**
 * The archive planner (pure): chunks of one archive year, bottom of the sheet first, each within the
 * cost budget; and where a planned row is after rows above it were deleted.
 */
import {
  CHUNK_BUDGET_MS,
  CHUNK_COST,
  MAX_CHUNK_ROWS,
  chunkCost,
  perRowCostMs,
  planChunks,
  shiftedRow,
  type Eligible,
} from '../../../src/server/features/archive/plan';

const item = (row: number, year = 2025): Eligible => ({
  id: `REQ-${String(row).padStart(6, '0')}`,
  row,
  year,
});

/** The register's width in these plans (the add-on's 32 columns). */
const WIDTH = 32;
const perRow = perRowCostMs(WIDTH);

test('a row is priced from the register width: its cells read, written, deleted and grown into, and its JavaScript', () => {
  // 32 cells read; 34 archive + 12 log cells written; those 46 grown into and 32 deleted; 3 ms of JavaScript.
  expect(perRow).toBeCloseTo(32 * 0.01 + 46 * 0.05 + (46 + 32) * 0.05 + 3, 6);
  expect(perRowCostMs(40)).toBeGreaterThan(perRow);
});

test('contiguous rows: chunks up to the budget and the row cap, bottom first', () => {
  const rows = Array.from({ length: 1_500 }, (_, i) => item(i + 2));
  const chunks = planChunks(rows, WIDTH);
  const full = Math.floor((CHUNK_BUDGET_MS - CHUNK_COST.fixedMs - CHUNK_COST.perRunMs) / perRow);
  expect(full).toBeLessThan(MAX_CHUNK_ROWS);
  const sizes = chunks.map((c) => c.items.length);
  expect(sizes.slice(0, -1).every((n) => n === full)).toBe(true);
  expect(sizes.reduce((a, b) => a + b, 0)).toBe(1_500);
  expect(chunks[0]!.items[0]!.row).toBe(1_501);
  expect(chunks[0]!.items.at(-1)!.row).toBe(1_502 - full);
  for (const c of chunks) expect(c.estimatedMs).toBeLessThanOrEqual(CHUNK_BUDGET_MS);
});

test('a narrow register: the row cap still bounds a chunk', () => {
  const rows = Array.from({ length: 2_500 }, (_, i) => item(i + 2));
  const cheap = planChunks(rows, 1);
  for (const c of cheap) expect(c.items.length).toBeLessThanOrEqual(MAX_CHUNK_ROWS);
});

test('scattered rows: as many runs as the budget allows', () => {
  const rows = Array.from({ length: 100 }, (_, i) => item(10 * i + 5));
  const chunks = planChunks(rows, WIDTH);
  for (const c of chunks) expect(c.estimatedMs).toBeLessThanOrEqual(CHUNK_BUDGET_MS);
  const perRun = CHUNK_COST.perRunMs + perRow;
  expect(chunks[0]!.items).toHaveLength(Math.floor((CHUNK_BUDGET_MS - CHUNK_COST.fixedMs) / perRun));
  expect(chunks.flatMap((c) => c.items.map((i) => i.row)).sort((a, b) => a - b)).toEqual(
    rows.map((r) => r.row),
  );
  expect(chunkCost([5, 6, 7, 20], WIDTH)).toBeCloseTo(
    CHUNK_COST.fixedMs + 2 * CHUNK_COST.perRunMs + 4 * perRow,
    6,
  );
});

test('one archive year per chunk, oldest year first', () => {
  const chunks = planChunks([item(2, 2026), item(3, 2025), item(4, 2026), item(5, 2025)], WIDTH);
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
