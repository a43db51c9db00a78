/** The pure parts of checklists and labour: parsing the Checklists tab, the seals, cost and backlog. */
import {
  copyRows,
  itemRow,
  parseChecklistItems,
  ticked,
  untickedRequired,
  CHECKLIST_ITEMS_HEADER_ROW,
} from '../../../src/core/checklist-items';
import { CHECKLIST_HEADER_ROW, judgeChecklistsEdit, parseChecklists } from '../../../src/core/checklists';
import { parseTimeRows, timeRow, type TimeEntry } from '../../../src/core/labour';
import { ratesFrom } from '../../../src/core/labour-rates';
import { emptyWorkOrder, type WorkOrder } from '../../../src/core/model';
import { COST_GROUPINGS, backlogHours, costPieces, groupCost } from '../../../src/core/reports/cost';
import { hmacKey } from '../../../src/core/sha256';

const key = hmacKey('a'.repeat(64));
const other = hmacKey('b'.repeat(64));

test('Checklists rows: ordered per category, bad rows reported by row, duplicates refused', () => {
  const { items, problems } = parseChecklists(
    [
      [...CHECKLIST_HEADER_ROW],
      ['Electrical', 'Second', 'no', 2],
      ['Electrical', 'First', '', 1],
      ['electrical', 'first', 'yes', ''],
      ['Nowhere', 'X', 'maybe', -1],
    ],
    ['Electrical'],
  );
  expect(items.map((i) => [i.item, i.required])).toEqual([
    ['First', true],
    ['Second', false],
  ]);
  expect(problems).toEqual([
    'Checklists row 4: "first" is already an item of Electrical',
    'Checklists row 5: Category "Nowhere" is not a category on the Settings tab; Required is not Yes or No; Order is not a number of 0 or more',
  ]);
  const before = [[...CHECKLIST_HEADER_ROW]];
  const after = [[...CHECKLIST_HEADER_ROW], ['Electrical', 'Ok', 'Yes', 1]];
  expect(
    judgeChecklistsEdit({ before, after, categories: ['Electrical'], editorIsAdministrator: true }).ok,
  ).toBe(true);
  expect(
    judgeChecklistsEdit({ before, after, categories: ['Electrical'], editorIsAdministrator: false }),
  ).toMatchObject({
    ok: false,
    reasons: ['only an administrator may change the Checklists tab'],
  });
});

test('checklist copies: a tick counts only with a valid seal; a deleted row is named', () => {
  const rows = copyRows(key, 'REQ-1', [
    { category: 'E', item: 'Isolate', required: true, order: 1 },
    { category: 'E', item: 'Photo', required: false, order: 2 },
    { category: 'E', item: 'Test', required: true, order: 3 },
  ]);
  const grid = [[...CHECKLIST_ITEMS_HEADER_ROW], ...rows];
  let items = parseChecklistItems(grid, key).get('REQ-1')!;
  expect(untickedRequired(items)).toEqual(['Isolate', 'Test']);
  // Forged: Done set by hand.
  const forged = grid.map((r) => [...r]);
  forged[1]![4] = true;
  expect(untickedRequired(parseChecklistItems(forged, key).get('REQ-1')!)).toEqual(['Isolate', 'Test']);
  // Sealed by another spreadsheet's key: not ours either.
  expect(
    parseChecklistItems(grid, other)
      .get('REQ-1')!
      .every((i) => !i.sealed),
  ).toBe(true);
  const at = new Date('2026-03-06T10:00:00Z');
  const done = { ...ticked(items[0]!, true, 'tina@example.com', at) };
  const updated = [grid[0]!, itemRow(key, done), ...rows.slice(1)];
  items = parseChecklistItems(updated, key).get('REQ-1')!;
  expect(untickedRequired(items)).toEqual(['Test']);
  // Row 3 of 3 deleted by hand.
  expect(untickedRequired(parseChecklistItems(updated.slice(0, 3), key).get('REQ-1')!)).toEqual([
    expect.stringMatching(/^item 3 \(its row was deleted.*; put back only this row, not a whole version, /),
  ]);
});

test('cost by every grouping, rates from Staff, forged rows left out, backlog against capacity', () => {
  const order = (id: string, category: string, status: WorkOrder['status']): WorkOrder => ({
    ...emptyWorkOrder(),
    id,
    woNumber: `WO-${id}`,
    category,
    location: 'Annex',
    status,
  });
  const orders = [
    { ...order('1', 'Electrical', 'Closed'), asset: 'GEN-CP' },
    order('2', 'Plumbing', 'In Progress'),
    order('3', 'HVAC', 'Assigned'),
  ];
  const entry = (id: string, technician: string, hours: number): TimeEntry => ({
    id,
    technician,
    date: '2026-03-06',
    hours,
    note: '',
    enteredBy: technician,
    enteredAt: new Date('2026-03-06T10:00:00Z'),
  });
  const time = parseTimeRows(
    [
      ['Record ID', 'Technician', 'Date', 'Hours', 'Note', 'Entered By', 'Entered At', 'Seal'],
      timeRow(key, entry('1', 'a@x.com', 2)).map((c) => (typeof c === 'string' ? c.replace(/^'/, '') : c)),
      timeRow(key, entry('2', 'b@x.com', 1.5)).map((c) => (typeof c === 'string' ? c.replace(/^'/, '') : c)),
      ['2', 'b@x.com', '2026-03-06', 99, '', 'b@x.com', new Date(), 'forged'],
    ],
    key,
  );
  expect(time.unsealed).toBe(1);
  const rates = ratesFrom(
    [
      ['Email', 'Name', 'Role', 'Active', 'Hourly Rate'],
      ['a@x.com', 'A', 'Technician', true, 50],
      ['b@x.com', 'B', 'Technician', true, 'lots'],
    ],
    40,
  );
  expect(rates.problems).toEqual([
    'Staff row 3: Hourly Rate "lots" is not a number of 0 or more; the default rate is used',
  ]);
  const parts = [
    { id: '2', part: 'Washer', quantity: 4, unitCost: 0.25, enteredBy: 'b@x.com', enteredAt: new Date() },
  ];
  const pieces = costPieces(orders, time.entries, parts, rates);
  const by = Object.fromEntries(COST_GROUPINGS.map(([label, keyOf]) => [label, groupCost(pieces, keyOf)]));
  expect(by['Work order']).toEqual([
    { key: 'WO-1', hours: 2, labour: 100, parts: 0, total: 100 },
    { key: 'WO-2', hours: 1.5, labour: 60, parts: 1, total: 61 },
  ]);
  expect(by['Location']).toEqual([{ key: 'Annex', hours: 3.5, labour: 160, parts: 1, total: 161 }]);
  expect(by['Asset']!.map((r) => [r.key, r.total])).toEqual([
    ['GEN-CP', 100],
    ['(none)', 61],
  ]);
  expect(by['Technician']!.map((r) => [r.key, r.total])).toEqual([
    ['a@x.com', 100],
    ['b@x.com', 61],
  ]);
  // Open: orders 2 and 3; 2 h each estimated, 1.5 already logged on order 2.
  expect(backlogHours(orders, time.entries, 2, 10)).toEqual({
    orders: 2,
    hours: 2.5,
    capacityPerWeek: 10,
    weeks: 0.25,
  });
  expect(backlogHours(orders, time.entries, 2, 0).weeks).toBeNull();
});
