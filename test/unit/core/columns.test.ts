import {
  REGISTER_HEADER_ROW,
  RowError,
  isBlankRow,
  mapHeaders,
  ownedSpans,
  parseRegisterRow,
  registerLayout,
  registerRowParser,
  rowToWorkOrder,
  workOrderToRow,
} from '../../../src/core/columns';
import { REGISTER_COLUMNS, type WorkOrderField } from '../../../src/core/model';
import { makeOrder } from './fixtures';

describe('mapHeaders', () => {
  it('matches headers ignoring case and spacing, and reports missing, extra and duplicate ones', () => {
    const map = mapHeaders(['  NAME ', 'Notes (ours)', '', 'e-mail', 'Email   address', 'name'], {
      name: 'Name',
      email: 'Email Address',
      phone: 'Phone',
    });
    expect(map.indexOf).toEqual({ name: 0, email: 4, phone: -1 });
    expect(map.missing).toEqual(['phone']);
    expect(map.extra).toEqual(['Notes (ours)', 'e-mail']);
    expect(map.duplicates).toEqual(['name']);
    expect(map.width).toBe(6);
  });
  it('treats non-string header cells as text', () => {
    expect(mapHeaders([2026, null, true], { y: '2026', t: 'TRUE' }).indexOf).toEqual({ y: 0, t: 2 });
  });
});

describe('register rows', () => {
  const layout = registerLayout(['My column', ...REGISTER_HEADER_ROW.slice().reverse()]);
  const index = (f: WorkOrderField): number => layout.indexOf[f];

  it('round-trips a work order through a reordered layout', () => {
    const order = makeOrder({
      woNumber: 'WO-2026-00042',
      status: 'In Progress',
      priority: 'P3 Routine',
      assignee: 'tom@example.com',
      due: new Date('2026-03-09T09:00:00Z'),
      notes: 'Line 1\nLine 2',
      revision: 4,
    });
    const row = workOrderToRow(order, layout, ['kept by the organization']);
    expect(row[0]).toBe('kept by the organization');
    expect(row[index('status')]).toBe('In Progress');
    expect(row[index('due')]).toEqual(order.due);
    expect(row[index('decidedAt')]).toBe('');
    expect(row[index('revision')]).toBe(4);
    expect(rowToWorkOrder(row, layout)).toEqual(order);
  });

  it('neutralizes user text when writing, and reads back the text Sheets keeps', () => {
    const order = makeOrder({ description: '=IMPORTXML("http://evil")', notes: '12' });
    const row = workOrderToRow(order, layout);
    expect(row[index('description')]).toBe(`'=IMPORTXML("http://evil")`);
    expect(row[index('notes')]).toBe("'12");
    // Sheets returns the text without the apostrophe:
    const readBack = row.map((v) => (typeof v === 'string' && v.startsWith("'") ? v.slice(1) : v));
    expect(rowToWorkOrder(readBack, layout)).toEqual(order);
  });

  it('keeps other columns of the existing row, re-neutralizing their text', () => {
    const existing = [
      '=not a formula',
      ...new Array<unknown>(REGISTER_HEADER_ROW.length).fill('old'),
      7,
      new Date(0),
    ];
    const row = workOrderToRow(makeOrder(), layout, existing);
    expect(row.length).toBe(existing.length);
    expect(row[0]).toBe("'=not a formula");
    expect(row[existing.length - 2]).toBe(7);
    expect(row[existing.length - 1]).toEqual(new Date(0));
  });

  it('coerces what Sheets gives back: numbers as text, empty dates as null, ISO strings as dates', () => {
    const row = new Array<unknown>(layout.width).fill('');
    row[index('id')] = ' REQ-000001 ';
    row[index('status')] = 'in progress';
    row[index('notes')] = 42;
    row[index('assignee')] = 'Tom@Example.COM';
    row[index('due')] = '2026-03-09T09:00:00Z';
    row[index('revision')] = '3';
    const order = rowToWorkOrder(row, layout);
    expect(order).toMatchObject({
      id: 'REQ-000001',
      status: 'In Progress',
      notes: '42',
      assignee: 'tom@example.com',
      due: new Date('2026-03-09T09:00:00Z'),
      decidedAt: null,
      revision: 3,
    });
  });

  it('reports an unknown status naming the row and its id', () => {
    const row = workOrderToRow(makeOrder(), layout);
    row[index('status')] = 'Done';
    const parsed = parseRegisterRow(row, layout, 7);
    expect(parsed).toEqual({
      ok: false,
      id: 'REQ-000123',
      error:
        'Row 7 (REQ-000123): Status "Done" is not a known status (expected one of Submitted, Rejected, Approved, ' +
        'Assigned, In Progress, On Hold, Completed, Closed, Cancelled)',
    });
    expect(() => rowToWorkOrder(row, layout)).toThrow(RowError);
    expect(() => rowToWorkOrder(row, layout)).toThrow('(REQ-000123): Status "Done" is not a known status');
  });

  it('reports every bad cell of a row', () => {
    const row = workOrderToRow(makeOrder(), layout);
    row[index('id')] = '';
    row[index('status')] = '';
    row[index('due')] = 'next Tuesday';
    row[index('revision')] = -1;
    const parsed = parseRegisterRow(row, layout);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error).toBe(
        'Row: Request ID is empty; Status is empty; Due is not a date: "next Tuesday"; Revision is not a whole number: "-1"',
      );
    }
  });

  it('reads missing columns as empty', () => {
    const partial = registerLayout(['Request ID', 'Status']);
    expect(rowToWorkOrder(['REQ-000009', 'Approved'], partial)).toMatchObject({
      id: 'REQ-000009',
      status: 'Approved',
      due: null,
      notes: '',
      revision: 0,
    });
    expect(partial.missing).toHaveLength(Object.keys(REGISTER_COLUMNS).length - 2);
  });

  it('recognizes blank rows', () => {
    expect(isBlankRow(['', null, undefined])).toBe(true);
    expect(isBlankRow(['', 0])).toBe(false);
  });

  // Speed is the benchmark's business (npm run bench reads 100k-row registers); here, correctness.
  it('parses the same row identically however many times (no state kept between rows)', () => {
    const row = workOrderToRow(makeOrder({ due: new Date(), status: 'Assigned' }), layout);
    const first = parseRegisterRow(row, layout);
    for (let i = 0; i < 1_000; i++) expect(parseRegisterRow(row, layout)).toEqual(first);
  });
});

describe('registerRowParser (rows read a few columns at a time)', () => {
  const layout = registerLayout(['My column', ...REGISTER_HEADER_ROW.slice().reverse()]);
  const full = workOrderToRow(
    makeOrder({ due: new Date(Date.UTC(2026, 5, 1)), status: 'Assigned', heldHours: 3, revision: 2 }),
    layout,
  );
  /** The row with only `fields`' cells present, as the hourly job's sparse rows hold them. */
  const sparse = (source: readonly unknown[], fields: readonly WorkOrderField[]): unknown[] => {
    const row: unknown[] = [];
    for (const f of fields) row[layout.indexOf[f]] = source[layout.indexOf[f]];
    return row;
  };
  const cases: Array<[string, WorkOrderField[], (row: unknown[]) => void]> = [
    ['id and status', ['id', 'status'], () => undefined],
    ['open work fields', ['id', 'status', 'due', 'priority', 'heldHours', 'revision'], () => undefined],
    ['every field', Object.keys(REGISTER_COLUMNS) as WorkOrderField[], () => undefined],
    ['a bad date', ['id', 'status', 'due'], (row) => (row[layout.indexOf.due] = 'next week')],
    ['an unknown status', ['id', 'status'], (row) => (row[layout.indexOf.status] = 'Done')],
    ['an empty id', ['id', 'status'], (row) => (row[layout.indexOf.id] = ' ')],
    ['status not read', ['id', 'due'], () => undefined],
    ['negative hours', ['id', 'status', 'heldHours'], (row) => (row[layout.indexOf.heldHours] = -1)],
  ];
  it.each(cases)('gives what the whole-row parse gives: %s', (_name, fields, spoil) => {
    const row = sparse(full, fields);
    spoil(row);
    const parsed = registerRowParser(layout, fields)(row, 9);
    expect(parsed).toEqual(parseRegisterRow(row, layout, 9));
  });
  it('gives every row an object of its own', () => {
    const row = sparse(full, ['id', 'status']);
    const parse = registerRowParser(layout, ['id', 'status']);
    const a = parse(row);
    const b = parse(row);
    expect(a.ok && b.ok && a.order !== b.order).toBe(true);
  });
});

describe('ownedSpans', () => {
  it('groups owned columns into contiguous runs', () => {
    const layout = registerLayout(['Request ID', 'Status', 'Mine', 'Due', '', 'Notes?', 'Revision']);
    expect(ownedSpans(layout)).toEqual([
      [0, 1],
      [3, 3],
      [6, 6],
    ]);
  });
});
