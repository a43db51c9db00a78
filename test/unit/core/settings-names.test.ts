/**
 * Which Settings names an edit took off the lists, and which open orders still carry them: matched as
 * the register's checks and the SLA match names (trimmed, any case), so a rename in case only or a
 * name moved to another row is no name gone; closed, rejected and cancelled orders are not counted.
 */
import { defaultSettings } from '../../../src/core/settings-model';
import { droppedNames, inUseToast, namesInUse } from '../../../src/core/settings-names';

test('a rename in case only, or a reordered list, drops no name', () => {
  const before = defaultSettings();
  const after = defaultSettings();
  after.categories = after.categories.map((c) => (c === 'Plumbing' ? 'PLUMBING ' : c)).reverse();
  after.priorities = after.priorities.map((p) => (p.name === 'P2 Urgent' ? { ...p, name: 'P2 High' } : p));
  expect(droppedNames(before, after, 'category')).toEqual([]);
  expect(droppedNames(before, after, 'priority')).toEqual(['P2 Urgent']);
});

test('only open orders count, named by WO number (request id before one), the first five then a count', () => {
  const rows = 8;
  const cells = {
    id: Array.from({ length: rows }, (_, i) => `REQ-00000${i + 1}`),
    woNumber: ['', ...Array.from({ length: rows - 1 }, (_, i) => `WO-2026-0000${i + 2}`)],
    status: [
      'Submitted',
      'Approved',
      'Closed',
      'Cancelled',
      ' on hold ',
      'Assigned',
      'In Progress',
      'Rejected',
    ],
    category: Array.from({ length: rows }, () => ' plumbing'),
    priority: Array.from({ length: rows }, () => 'P3 Routine'),
  };
  const uses = namesInUse({ category: ['Plumbing'], priority: ['P2 Urgent'] }, cells);
  expect(uses).toEqual([
    {
      list: 'category',
      name: 'Plumbing',
      orders: ['REQ-000001', 'WO-2026-00002', 'WO-2026-00005', 'WO-2026-00006', 'WO-2026-00007'],
    },
  ]);
  cells.status[2] = 'Completed';
  const toast = inUseToast(namesInUse({ category: ['Plumbing'], priority: [] }, cells)) ?? '';
  expect(toast).toContain(
    '6 open work orders still have it (REQ-000001, WO-2026-00002, WO-2026-00003, WO-2026-00005, WO-2026-00006 and 1 more)',
  );
  expect(inUseToast(namesInUse({ category: ['HVAC'], priority: [] }, cells))).toBeNull();
});
