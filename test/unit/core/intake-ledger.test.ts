import {
  isIngested,
  markIngested,
  missingRows,
  parseLedger,
  serializeLedger,
} from '../../../src/core/intake-ledger';

describe('intake ledger', () => {
  it('starts empty and records rows, compacting contiguous ones', () => {
    let ledger = parseLedger(null);
    expect(isIngested(ledger, 'Form Responses 1', 2)).toBe(false);
    ledger = markIngested(ledger, 'Form Responses 1', 3); // out of order
    expect(ledger).toEqual({ 'Form Responses 1': { upTo: 1, rows: [3] } });
    ledger = markIngested(ledger, 'Form Responses 1', 2);
    expect(ledger).toEqual({ 'Form Responses 1': { upTo: 3, rows: [] } });
    expect(isIngested(ledger, 'Form Responses 1', 3)).toBe(true);
    expect(markIngested(ledger, 'Form Responses 1', 2)).toBe(ledger); // replay: unchanged
  });
  it('lists rows never ingested, oldest first', () => {
    const ledger = markIngested(markIngested(parseLedger(''), 'R', 2), 'R', 5);
    expect(missingRows(ledger, 'R', 6)).toEqual([3, 4, 6]);
    expect(missingRows(ledger, 'Other', 3)).toEqual([2, 3]);
  });
  it('round-trips through its stored form and refuses a corrupt one', () => {
    const ledger = markIngested(parseLedger(null), 'R', 4);
    expect(parseLedger(serializeLedger(ledger))).toEqual(ledger);
    expect(() => parseLedger('{oops')).toThrow('The intake ledger is unreadable');
    expect(() => parseLedger('{"R":{"upTo":0,"rows":[]}}')).toThrow('The intake ledger is unreadable');
  });
});
