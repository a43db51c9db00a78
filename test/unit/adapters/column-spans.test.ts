import { columnSpans } from '../../../src/server/adapters/column-spans';

describe('columnSpans', () => {
  test('adjacent columns are one read, in order, duplicates ignored', () => {
    expect(columnSpans([3, 1, 2, 2], 100_000)).toEqual([{ first: 1, last: 3 }]);
  });

  test('a gap is read through while its cells cost less than a further (cached) read', () => {
    // 2 gap columns × 100 rows × 10 µs = 2 ms < 4 ms: one read.
    expect(columnSpans([0, 3], 100)).toEqual([{ first: 0, last: 3 }]);
    // 2 gap columns × 1,000 rows × 10 µs = 20 ms > 4 ms: two reads, as at any larger size.
    expect(columnSpans([0, 3], 1_000)).toEqual(columnSpans([0, 3], 100_000));
    expect(columnSpans([0, 3], 1_000)).toEqual([
      { first: 0, last: 0 },
      { first: 3, last: 3 },
    ]);
  });

  test('missing columns (-1) are skipped, and nothing wanted means no read', () => {
    expect(columnSpans([-1, 4], 10)).toEqual([{ first: 4, last: 4 }]);
    expect(columnSpans([], 10)).toEqual([]);
  });
});
