/** Where My work looks for rows: spans worth one read each, and rows guessed from request numbers. */
import { predictRows, spansOf } from '../../../src/server/features/my-work/rows';

describe('spansOf', () => {
  test('rows closer than a call’s worth of cells share a read; far ones get their own', () => {
    // 30 columns: a call is worth 333 rows.
    expect(spansOf([900, 10, 300, 10, 2000], 30)).toEqual([
      [10, 300],
      [900, 900],
      [2000, 2000],
    ]);
    expect(spansOf([], 30)).toEqual([]);
  });
});

describe('predictRows', () => {
  test('an id sits as far from the nearest known pair as their numbers are apart', () => {
    const anchors = [
      { seq: 100, row: 90 },
      { seq: 500, row: 480 },
      { seq: 0, row: 1 },
    ];
    expect(predictRows(['REQ-000110', 'REQ-000470', 'REQ-000600', 'bad id'], anchors)).toEqual(
      new Map([
        ['REQ-000110', 100],
        ['REQ-000470', 450],
        ['REQ-000600', 580],
      ]),
    );
    expect(predictRows(['REQ-000005'], [{ seq: 100, row: 90 }])).toEqual(new Map());
    expect(predictRows(['REQ-000005'], [])).toEqual(new Map());
  });
});
