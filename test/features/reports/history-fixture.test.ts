/**
 * The generated history the report tests and the benchmark share (bench/fixtures/history.ts) is only
 * useful if it is a history the add-on could have written: these checks hold it to that.
 */
import { generateHistory, logRowCount, thinHistory, type History } from '../../../bench/fixtures/history';
import { transitionsFrom } from '../../../src/core/lifecycle-table';
import type { Status } from '../../../src/core/model';

const NOW = new Date('2026-03-04T17:00:00Z');
const options = {
  orders: 2000,
  now: NOW,
  timeZone: 'America/New_York',
  supervisors: ['sam@example.com', 'sue@example.com'],
  technicians: ['t1@example.com', 't2@example.com', 't3@example.com'],
};

let history: History;
beforeAll(() => {
  history = generateHistory(options);
});

test('the same seed gives the same history', () => {
  const again = generateHistory(options);
  expect(again.orders).toEqual(history.orders);
  expect(again.changes).toEqual(history.changes);
});

test('about ten change-log rows per order, in time order, none after now', () => {
  const rowsPerOrder = logRowCount(history.changes) / history.orders.length;
  expect(rowsPerOrder).toBeGreaterThan(9);
  expect(rowsPerOrder).toBeLessThanOrEqual(10);
  const outOfOrder = history.changes.filter((c, i) => i > 0 && c.at < history.changes[i - 1]!.at);
  expect(outOfOrder).toEqual([]);
  expect(history.changes.at(-1)!.at.getTime()).toBeLessThanOrEqual(NOW.getTime());
});

test("every order's status rows follow the lifecycle table and end at its register status", () => {
  const steps = new Map<string, { from: string; to: string }[]>();
  for (const c of history.changes) {
    if (c.field !== 'Status') continue;
    const list = steps.get(c.recordId) ?? [];
    list.push({ from: c.oldValue, to: c.newValue });
    steps.set(c.recordId, list);
  }
  const problems: string[] = [];
  for (const order of history.orders) {
    let status: string = 'Submitted';
    for (const step of steps.get(order.id) ?? []) {
      const allowed = transitionsFrom(status as Status).map((t) => t.to);
      if (step.from !== status || !allowed.includes(step.to as Status)) {
        problems.push(`${order.id}: ${step.from} → ${step.to} while ${status}`);
      }
      status = step.to;
    }
    if (order.status !== status)
      problems.push(`${order.id}: register ${order.status}, log ends at ${status}`);
  }
  expect(problems).toEqual([]);
});

test('a realistic register: mostly closed history, a backlog of open work, unique WO numbers', () => {
  const count = (s: Status) => history.orders.filter((o) => o.status === s).length;
  expect(count('Closed') / history.orders.length).toBeGreaterThan(0.8);
  const open = history.orders.filter((o) =>
    ['Submitted', 'Approved', 'Assigned', 'In Progress', 'On Hold', 'Completed'].includes(o.status),
  );
  expect(open.length).toBeGreaterThan(5);
  expect(count('Rejected')).toBeGreaterThan(0);
  expect(count('Cancelled')).toBeGreaterThan(0);
  const numbers = history.orders.map((o) => o.woNumber).filter((n) => n !== '');
  expect(new Set(numbers).size).toBe(numbers.length);
});

test('thinning to a cap drops only progress-note rows and never exceeds the cap', () => {
  const notes = history.changes.filter((c) => c.field === 'Progress Notes').length;
  const lifecycleRows = logRowCount(history.changes) - notes;
  const cap = lifecycleRows + 1000;
  const thin = thinHistory(history, cap);
  expect(logRowCount(thin.changes)).toBeLessThanOrEqual(cap);
  expect(logRowCount(thin.changes)).toBeGreaterThan(cap - 2);
  expect(thin.changes.filter((c) => c.field !== 'Progress Notes')).toEqual(
    history.changes.filter((c) => c.field !== 'Progress Notes'),
  );
  expect(() => thinHistory(history, lifecycleRows - 1)).toThrow(/exceed/);
});
