/**
 * Quick local performance check (not a jest test: timings on shared CI are noise).
 * 100,000 work orders and 1,000,000 change-log rows must compute in well under 5 s.
 * Run: npx tsx test/unit/reports/perf-check.ts
 */
import type { ChangeLogEntry, Status, WorkOrder } from '../../../src/core/model';
import { computeReports, reportTables } from '../../../src/core/reports';
import { order } from './fixtures';

const ORDERS = 100_000;
const ROWS_PER_ORDER = 10;
const HOUR = 3_600_000;
const now = Date.parse('2026-03-04T12:00:00Z');
const PATH: Status[] = [
  'Submitted',
  'Approved',
  'Assigned',
  'In Progress',
  'On Hold',
  'In Progress',
  'Completed',
  'In Progress',
  'Completed',
  'Closed',
  'Closed',
];

let seed = 42;
const rand = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;

const orders: WorkOrder[] = [];
const changes: ChangeLogEntry[] = [];
for (let i = 0; i < ORDERS; i++) {
  const id = `REQ-${i}`;
  const requested = now - rand() * 400 * 24 * HOUR;
  const steps = Math.floor(rand() * (ROWS_PER_ORDER + 1));
  let t = requested;
  const times: number[] = [];
  for (let k = 0; k < steps; k++) {
    t += rand() * 48 * HOUR;
    times.push(t);
    changes.push({
      at: new Date(t),
      user: 'u@example.com',
      source: 'sidebar',
      recordId: id,
      field: 'Status',
      oldValue: PATH[k] ?? 'Closed',
      newValue: PATH[k + 1] ?? 'Closed',
      hash: '',
    });
  }
  // Pad with non-status rows so the log has ~ROWS_PER_ORDER rows per order.
  for (let k = steps; k < ROWS_PER_ORDER; k++) {
    changes.push({
      at: new Date(t),
      user: 'u',
      source: 'sheet edit',
      recordId: id,
      field: 'Progress Notes',
      oldValue: '',
      newValue: 'x',
      hash: '',
    });
  }
  const at = (k: number) => (times[k] === undefined ? null : new Date(times[k] as number));
  orders.push(
    order(id, {
      status: PATH[steps] ?? 'Closed',
      category: `Cat ${i % 12}`,
      priority: `P${1 + (i % 4)}`,
      location: `Bldg ${i % 40}`,
      assignee: steps >= 2 ? `tech${i % 60}@example.com` : '',
      requestedAt: new Date(requested),
      decidedAt: at(0),
      assignedAt: at(1),
      startedAt: at(2),
      completedAt: steps >= 6 ? at(steps >= 8 ? 7 : 5) : null,
      closedAt: steps >= 9 ? at(8) : null,
      due: steps >= 1 ? new Date(requested + 5 * 24 * HOUR) : null,
    }),
  );
}
// Shuffle a slice of the log so per-record sorting is exercised too.
for (let i = 0; i < 50_000; i++) {
  const a = Math.floor(rand() * changes.length);
  const b = Math.floor(rand() * changes.length);
  [changes[a], changes[b]] = [changes[b] as ChangeLogEntry, changes[a] as ChangeLogEntry];
}

const t0 = performance.now();
const data = computeReports({ orders, changes, now: new Date(now), timeZone: 'Europe/Paris' });
const t1 = performance.now();
const tabs = reportTables(data);
const t2 = performance.now();
const cells = tabs.reduce((n, tab) => n + tab.values.length * (tab.values[0]?.length ?? 0), 0);
console.log(`${orders.length} orders, ${changes.length} change rows`);
console.log(
  `computeReports: ${(t1 - t0).toFixed(0)} ms; reportTables: ${(t2 - t1).toFixed(0)} ms; ${cells} cells`,
);
console.log(`notes: ${JSON.stringify(data.notes)}`);
if (t2 - t0 > 5000) {
  console.error('FAIL: over 5 s');
  process.exitCode = 1;
}
