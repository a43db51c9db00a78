import {
  CounterCorruptError,
  formatRequestId,
  formatWoNumber,
  highestRequestNumber,
  highestRequestNumberWithin,
  highestWoSequencesWithin,
  highestWoSequence,
  nextInSequence,
  nextRequestNumber,
  parseRequestId,
  parseWoNumber,
} from '../../../src/core/ids';

describe('request ids', () => {
  it('formats with 6 digits and grows beyond', () => {
    expect(formatRequestId(1)).toBe('REQ-000001');
    expect(formatRequestId(123)).toBe('REQ-000123');
    expect(formatRequestId(999_999)).toBe('REQ-999999');
    expect(formatRequestId(1_000_000)).toBe('REQ-1000000');
  });
  it('rejects non-positive or fractional numbers', () => {
    expect(() => formatRequestId(0)).toThrow(RangeError);
    expect(() => formatRequestId(1.5)).toThrow(RangeError);
  });
  it('parses', () => {
    expect(parseRequestId('REQ-000123')).toBe(123);
    expect(parseRequestId(' req-000123 ')).toBe(123);
    expect(parseRequestId('REQ-1000000')).toBe(1_000_000);
    expect(parseRequestId('REQ-123')).toBeNull();
    expect(parseRequestId('WO-2026-00042')).toBeNull();
  });
  it('counts on from the stored value or the register, whichever is higher', () => {
    expect(nextRequestNumber(null)).toEqual({ seq: 1, id: 'REQ-000001', stored: '1' });
    expect(nextRequestNumber('41')).toEqual({ seq: 42, id: 'REQ-000042', stored: '42' });
    expect(nextRequestNumber('41', 99).id).toBe('REQ-000100');
    expect(() => nextRequestNumber('forty')).toThrow(CounterCorruptError);
  });
  it('finds the highest request number', () => {
    expect(highestRequestNumber(['REQ-000003', 'junk', 'REQ-000010', ''])).toBe(10);
    expect(highestRequestNumber([])).toBe(0);
  });
});

describe('work-order numbers', () => {
  it('formats with year and 5 digits', () => {
    expect(formatWoNumber(2026, 42)).toBe('WO-2026-00042');
    expect(formatWoNumber(2026, 100_000)).toBe('WO-2026-100000');
    expect(() => formatWoNumber(26, 1)).toThrow(RangeError);
    expect(() => formatWoNumber(2026, 0)).toThrow(RangeError);
  });
  it('parses', () => {
    expect(parseWoNumber('WO-2026-00042')).toEqual({ year: 2026, seq: 42 });
    expect(parseWoNumber('wo-2026-100000')).toEqual({ year: 2026, seq: 100_000 });
    expect(parseWoNumber('WO-2026-42')).toBeNull();
    expect(parseWoNumber('REQ-000042')).toBeNull();
  });
  it('numbers per year, restarting at 1 in a new year', () => {
    const first = nextInSequence(null, 2026);
    expect(first).toEqual({ seq: 1, woNumber: 'WO-2026-00001', stored: '{"2026":1}' });
    const second = nextInSequence(first.stored, 2026);
    expect(second.woNumber).toBe('WO-2026-00002');
    const newYear = nextInSequence(second.stored, 2027);
    expect(newYear.woNumber).toBe('WO-2027-00001');
    expect(JSON.parse(newYear.stored)).toEqual({ 2026: 2, 2027: 1 });
  });
  it('continues an earlier year rather than reusing its numbers', () => {
    const back = nextInSequence('{"2026":7,"2027":3}', 2026);
    expect(back.woNumber).toBe('WO-2026-00008');
    expect(JSON.parse(back.stored)).toEqual({ 2026: 8, 2027: 3 });
  });
  it('stays ahead of numbers already in the register', () => {
    expect(nextInSequence('{"2026":7}', 2026, 40).woNumber).toBe('WO-2026-00041');
  });
  it('keeps only the last five years', () => {
    const stored = JSON.stringify({ 2020: 1, 2021: 1, 2022: 1, 2023: 1, 2024: 1, 2025: 1 });
    expect(Object.keys(JSON.parse(nextInSequence(stored, 2026).stored))).toEqual([
      '2022',
      '2023',
      '2024',
      '2025',
      '2026',
    ]);
  });
  it('refuses a corrupt counter instead of restarting at 1', () => {
    for (const bad of ['not json', '[1,2]', '{"2026":-1}', '{"26":1}', '{"2026":"x"}', '42']) {
      expect(() => nextInSequence(bad, 2026)).toThrow(CounterCorruptError);
    }
    expect(nextInSequence('  ', 2026).seq).toBe(1);
  });
  it('finds the highest sequence of a year', () => {
    expect(highestWoSequence(['WO-2026-00003', 'WO-2025-00099', '', 'WO-2026-00010'], 2026)).toBe(10);
  });
});

describe('highest numbers among cells, within reach of what is trusted', () => {
  test('a request id far past the trusted number and the count of ids does not count', () => {
    const ids = ['REQ-000001', 'REQ-000002', 'REQ-9999999', 'REQ-000004', 'typed'];
    expect(highestRequestNumberWithin(ids, 3, 1_000)).toBe(4);
    expect(highestRequestNumberWithin(ids, 9_999_000, 1_000)).toBe(9_999_999);
    // Nothing trusted (an empty log): ids run from 1 up, so their count bounds them.
    expect(highestRequestNumberWithin(['REQ-001500', 'REQ-000001'], 0, 1_000)).toBe(1);
    expect(highestRequestNumberWithin(['REQ-000900', 'REQ-000001'], 0, 1_000)).toBe(900);
  });

  test('work-order numbers are bounded per year', () => {
    const numbers = ['WO-2026-00003', 'WO-2026-99999', 'WO-2025-00040', 'wo-2025-00041'];
    expect(highestWoSequencesWithin(numbers, { '2026': 3 }, 1_000)).toEqual({ '2026': 3, '2025': 41 });
    expect(highestWoSequencesWithin(numbers, { '2026': 99_000 }, 1_000)).toEqual({
      '2026': 99_999,
      '2025': 41,
    });
  });
});
