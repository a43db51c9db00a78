/**
 * A move of the log's top rows stopped midway is settled from sheet row 2: only the chain's own row at
 * the cut's position, its MAC verifying under the add-on's key, says the rows were deleted. A Hash cell
 * copied onto another row (anyone who edits the sheet can see and copy it) does not.
 */
import { hmacKey, keyedRows, settleCut, type Checkpoint } from '../../../src/core/keyed-chain';
import type { UnhashedEntry } from '../../../src/core/audit';

const key = hmacKey('s'.repeat(64));
const GENESIS = '0'.repeat(64);

const entries: UnhashedEntry[] = [1, 2, 3, 4].map((i) => ({
  at: new Date(Date.UTC(2026, 0, i)),
  user: 'sam@example.org',
  source: 'sidebar',
  recordId: `REQ-00000${i}`,
  field: 'Status',
  oldValue: 'Approved',
  newValue: 'Closed',
}));
// The cells as they read back: the apostrophe neutralizing a cell is not part of its value.
const rows = keyedRows(key, 0, GENESIS, entries).rows.map((r) =>
  r.map((v) => (typeof v === 'string' ? v.replace(/^'/, '') : v)),
);
const macOf = (row: readonly unknown[]): string => String(row[5]).split('.')[1] as string;

// Rows 1 and 2 move; row 3 becomes the link; rows 2 (sheet rows 2..3) deleted.
const pending: Checkpoint = {
  legacyRows: 0,
  legacyHead: GENESIS,
  seq: 4,
  head: macOf(rows[3]!),
  row: 5,
  maxRows: 1000,
  cut: {
    deleted: 2,
    archived: {
      seq: 3,
      mac: macOf(rows[2]!),
      prev: macOf(rows[1]!),
      parts: [{ year: 2026, seq: 3, mac: macOf(rows[2]!), rows: 3 }],
    },
  },
};

test('the link at sheet row 2: the rows were deleted, and the checkpoint is archived through it', () => {
  const settled = settleCut(pending, rows[2], key);
  expect(settled).toEqual({
    legacyRows: 0,
    legacyHead: GENESIS,
    seq: 4,
    head: pending.head,
    row: 3,
    maxRows: 998,
    archived: pending.cut!.archived,
  });
});

test('the first row still there: nothing was deleted, and the checkpoint stands as it was', () => {
  const { cut: _cut, ...before } = pending;
  expect(settleCut(pending, rows[0], key)).toEqual(before);
});

test('the link’s Hash cell copied onto the first row is not the link', () => {
  const forged = [...rows[0]!];
  forged[5] = rows[2]![5];
  expect(settleCut(pending, forged, key).archived).toBeUndefined();
  // Nor is the link read without the add-on's key.
  expect(settleCut(pending, rows[2], null).archived).toBeUndefined();
});
