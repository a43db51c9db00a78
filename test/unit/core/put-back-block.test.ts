import { cellA1 } from '../../../src/core/a1';
import { changedCells, putBackBlock } from '../../../src/core/settings-edit';

describe('putBackBlock', () => {
  const before = [
    ['Email', 'Role'],
    ['a@x.com', 'Technician'],
    ['b@x.com', 'Supervisor'],
  ];

  it('covers the bounding box of the changed cells: changed ones from before with the note, the rest as they are', () => {
    const current = [
      ['Email', 'Role'],
      ['a@x.com', 'Boss'],
      ['typed@x.com', 'Supervisor'],
    ];
    const block = putBackBlock(before, current, changedCells(before, current), 'refused');
    expect(block).toEqual({
      row: 2,
      column: 1,
      values: [
        ['a@x.com', 'Technician'],
        ['b@x.com', 'Supervisor'],
      ],
      notes: [
        ['', 'refused'],
        ['refused', ''],
      ],
    });
  });

  it('writes text back as literal text, so an old value never becomes a formula', () => {
    const was = [['=1+1', 5]];
    const now = [['x', 6]];
    const block = putBackBlock(was, now, changedCells(was, now), 'n');
    expect(block.values).toEqual([["'=1+1", 5]]);
  });
});

describe('cellA1', () => {
  it('names a cell by its column letters and row', () => {
    expect(cellA1(7, 2)).toBe('B7');
    expect(cellA1(1, 28)).toBe('AB1');
  });
});
