import { formatChanges, formatFieldLine, parseChanges, parseFieldLine } from '../../../src/core/change-lines';

describe('the Changes cell', () => {
  it('writes plain values bare and everything ambiguous as a JSON string', () => {
    expect(formatFieldLine({ field: 'Status', oldValue: 'Assigned', newValue: 'In Progress' })).toBe(
      'Status: Assigned → In Progress',
    );
    expect(formatFieldLine({ field: 'Priority', oldValue: '', newValue: 'P1 Emergency' })).toBe(
      'Priority: "" → P1 Emergency',
    );
    expect(formatFieldLine({ field: 'Results', oldValue: 'a → b', newValue: 'Fixed: washer' })).toBe(
      'Results: "a → b" → "Fixed: washer"',
    );
    expect(formatFieldLine({ field: 'Notes', oldValue: 'two\nlines', newValue: ' padded' })).toBe(
      'Notes: "two\\nlines" → " padded"',
    );
    expect(formatFieldLine({ field: 'Report: Summary!A1', oldValue: '"x"', newValue: 'y' })).toBe(
      '"Report: Summary!A1": "\\"x\\"" → y',
    );
  });

  it('reads every line back to the strings logged', () => {
    const lines = [
      { field: 'Status', oldValue: 'Submitted', newValue: 'Approved' },
      { field: 'Due', oldValue: '', newValue: '2026-03-10T17:00:00.000Z' },
      { field: 'Report: Summary!A1', oldValue: '→', newValue: 'ends with →' },
      { field: 'Results', oldValue: 'tab\there', newValue: 'line\r\nbreaks and "quotes"' },
    ];
    expect(parseChanges(formatChanges(lines))).toEqual(lines);
  });

  it('skips lines that are not in the format (typed over by hand, or cut at the cell limit)', () => {
    expect(parseFieldLine('no separator here')).toBeNull();
    expect(parseFieldLine('Status: Assigned')).toBeNull();
    expect(parseFieldLine('Results: "unterminated → x')).toBeNull();
    expect(parseFieldLine('Results: "a"b → x')).toBeNull();
    expect(parseChanges('Status: Assigned → In Progress\ngarbage\nResults: "" → "cut at the li')).toEqual([
      { field: 'Status', oldValue: 'Assigned', newValue: 'In Progress' },
    ]);
    expect(parseChanges('')).toEqual([]);
  });
});
