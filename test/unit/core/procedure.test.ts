import { LIFECYCLE } from '../../../src/core/lifecycle';
import {
  PROCEDURE_WIDTH,
  REVISION_HEADERS,
  findRevisionTable,
  nextRevision,
  procedureSheetRows,
  statusRuleRows,
} from '../../../src/core/procedure';

const params = {
  organizationName: 'Acme Facilities',
  retentionDays: 365,
  revisions: [
    { version: '1.0', date: '2026-03-06', description: 'Initial procedure', author: 'ada@example.com' },
  ],
};

describe('procedureSheetRows', () => {
  const rows = procedureSheetRows(params);
  const text = rows.map((r) => r.join(' | ')).join('\n');
  it('is a rectangle of PROCEDURE_WIDTH columns', () => {
    expect(rows.every((r) => r.length === PROCEDURE_WIDTH)).toBe(true);
  });
  it('covers every section of the SOP, for this organization', () => {
    for (const heading of [
      '1. Purpose',
      '2. Scope',
      '3. Responsibilities',
      'Status rules',
      'Revision history',
    ]) {
      expect(text).toContain(heading);
    }
    for (const step of [
      '4.1 Work order creation',
      '4.2 Review and approval',
      '4.3 Assignment',
      '5.2 Review and closure',
    ]) {
      expect(text).toContain(step);
    }
    expect(text).toContain('Acme Facilities');
    expect(text).toContain('for 365 days');
  });
  it('lists the lifecycle rules from the table itself', () => {
    expect(statusRuleRows()).toHaveLength(LIFECYCLE.length);
    expect(statusRuleRows()[0]).toEqual([
      'Submitted → Approved (approve)',
      'supervisor',
      'Category, Priority',
      'requestor',
    ]);
    expect(statusRuleRows().find((r) => r[0]?.includes('(cancel)'))?.[0]).toBe(
      'Any open status → Cancelled (cancel)',
    );
  });
  it('ends with the revision table, version kept as text', () => {
    expect(rows[rows.length - 2]).toEqual([...REVISION_HEADERS]);
    expect(rows[rows.length - 1]).toEqual(["'1.0", "'2026-03-06", 'Initial procedure', 'ada@example.com']);
  });
});

describe('findRevisionTable / nextRevision', () => {
  it('finds the table and its rows up to the first blank row', () => {
    const values = [
      ['Title', '', '', ''],
      ['version', 'DATE', 'Description', 'Author'],
      ['1.0', '2026-01-01', 'Initial', 'a'],
      [1.1, '2026-02-01', 'Tweak', 'b'],
      ['', '', '', ''],
      ['9.9', 'not part of the table', '', ''],
    ];
    const table = findRevisionTable(values);
    expect(table?.headerIndex).toBe(1);
    expect(table?.rows).toHaveLength(2);
    expect(nextRevision(table?.rows ?? [])).toBe('1.2');
    expect(nextRevision(table?.rows ?? [], 'major')).toBe('2.0');
    expect(findRevisionTable([['nothing']])).toBeNull();
  });
  it('reads versions as typed and skips unreadable ones', () => {
    expect(nextRevision([])).toBe('1.0');
    expect(nextRevision([[1]])).toBe('1.1');
    expect(nextRevision([['1.9'], ['1.10'], ['v2'], ['Version'], ['draft']])).toBe('2.1');
    expect(nextRevision([['1.9'], ['1.10']])).toBe('1.11');
  });
});
