/**
 * The work-record mover's planner (pure): which rows of a live tab follow their archived order, and
 * chunks of one archive year each, bottom first, each within the lock budget; and the key that tells a
 * copied row from the live row it came from.
 */
import {
  MAX_RECORD_CHUNK_ROWS,
  RECORD_CHUNK_BUDGET_MS,
  archivedRecordRow,
  planRecordChunks,
  recordChunkCost,
  recordKey,
  recordsToMove,
  type RecordMove,
} from '../../../src/server/features/archive/record-plan';
import { cellsUnderHeader } from '../../../src/core/headers';

const WIDTH = 8;

test('rows of archived orders move, bottom first; rows of orders in the register, unknown or empty ids stay', () => {
  const ids = ['A', 'B', '', 'A', 'C', 'D', ' B '];
  const yearOf = new Map([
    ['A', 2024],
    ['B', 2025],
    ['D', 2025],
  ]);
  // D is in an archive file and back in the register (restored by hand): it stays.
  const moves = recordsToMove(ids, yearOf, new Set(['D']));
  expect(moves).toEqual([
    { row: 8, year: 2025, id: 'B' },
    { row: 5, year: 2024, id: 'A' },
    { row: 3, year: 2025, id: 'B' },
    { row: 2, year: 2024, id: 'A' },
  ]);
});

test('chunks hold one year each, keep the order given, and are priced as recordChunkCost prices them', () => {
  const moves: RecordMove[] = [];
  // 3,000 contiguous rows of 2025 over 9,000 scattered ones (every third row) of 2024.
  for (let row = 12_001; row >= 9_002; row--) moves.push({ row, year: 2025, id: `B${row}` });
  for (let row = 9_000; row >= 2; row -= 3) moves.push({ row, year: 2024, id: `A${row}` });
  const chunks = planRecordChunks(moves, WIDTH);
  expect(chunks.flatMap((c) => c.moves)).toEqual(moves);
  for (const chunk of chunks) {
    expect(new Set(chunk.moves.map((m) => m.year)).size).toBe(1);
    expect(chunk.moves.length).toBeLessThanOrEqual(MAX_RECORD_CHUNK_ROWS);
    expect(chunk.estimatedMs).toBeCloseTo(
      recordChunkCost(
        chunk.moves.map((m) => m.row),
        WIDTH,
      ),
      6,
    );
    expect(chunk.estimatedMs).toBeLessThanOrEqual(RECORD_CHUNK_BUDGET_MS);
  }
  const [contiguous, scattered] = [chunks[0]!, chunks.find((c) => c.year === 2024)!];
  // Contiguous rows fill a chunk to its budget (~1,600 rows of 8 cells); scattered ones are capped by
  // their deleteRows (0.35 s each).
  expect(contiguous.moves.length).toBeGreaterThan(1_000);
  expect(contiguous.estimatedMs).toBeGreaterThan(RECORD_CHUNK_BUDGET_MS - 10);
  expect(scattered.moves.length).toBeLessThan(15);
  expect(scattered.moves.length).toBeGreaterThan(5);
});

test('a row laid out under the archive header, and its key as it will read back there', () => {
  const live = ['Record ID', 'Date', 'Hours', 'Seal'];
  const archive = ['Record ID', 'Hours', 'Date', 'Seal', 'Added By Hand'];
  const cells = ['REQ-000001', '2026-03-06', 1.5, 'abc'];
  expect(cellsUnderHeader(archive, live, cells)).toEqual(['REQ-000001', 1.5, '2026-03-06', 'abc', '']);
  // A date typed as text is written as text (Sheets would parse it); its key is the text itself.
  const written = archivedRecordRow(archive, live, cells);
  expect(written).toEqual(['REQ-000001', 1.5, "'2026-03-06", 'abc', '']);
  expect(recordKey(cellsUnderHeader(archive, live, cells))).toBe(
    recordKey(['REQ-000001', 1.5, '2026-03-06', 'abc', '']),
  );
  const at = new Date('2026-03-06T10:00:00Z');
  expect(recordKey([at])).toBe(recordKey([new Date(at.getTime())]));
  expect(recordKey([at])).not.toBe(recordKey([at.toISOString()]));
});
