/**
 * My work (the technicians' sidebar): opening it the first time in six hours (nothing remembered: the
 * cards are drawn from the review queue's summaries), opening it again (the cards remembered from the
 * last check), and one step. An opening is the menu item alone: its page carries the cards and makes
 * no call before showing them. Either way the cards come unchecked, and the page reads and checks them
 * with one call after showing them, before any step: that call is measured on rows of its own (after
 * a first opening it reads the orders' rows; after a later one, two columns over them).
 * Measured for the technician with the most open work, the worst case of the generated world.
 */
import type { ExecutionRecord } from '../runtime';
import { registerRows } from './operations';
import type { BenchWorld, Measurement } from './types';
import { expectFirstData } from './first-data';

const OPEN = ['Assigned', 'In Progress', 'On Hold'];

function call(world: BenchWorld, user: string, fn: string, arg: unknown): Promise<ExecutionRecord> {
  return world.rt.run(fn, { user, spreadsheetId: world.ssId, kind: 'script-run', args: [arg] });
}

export async function measureMyWork(world: BenchWorld): Promise<Measurement[]> {
  const { rows } = registerRows(world);
  const load = new Map<string, number>();
  for (const { order } of rows)
    if (OPEN.includes(order.status) && order.assignee)
      load.set(order.assignee, (load.get(order.assignee) ?? 0) + 1);
  const busiest = [...load].sort((a, b) => b[1] - a[1])[0];
  if (!busiest) return [{ operation: 'open My work', records: [], note: 'no open assigned work' }];
  const [tech, count] = busiest;
  const note = `${tech}: ${count} open orders`;
  // The review queue is kept up to date by every writer; bring it up to date first (as the supervisors'
  // sidebar does), so that what is measured is My work's own cost.
  await call(world, world.users.supervisors[0] ?? world.users.admin, 'reviewLoad', {});
  const first = [await world.rt.runMenuItem(world.ssId, tech, 'openMyWork')];
  expectFirstData(world, tech, 'open My work');
  // The page's call after a first opening: the rows read, checked and remembered.
  const firstCheck = [await call(world, tech, 'myWorkLoad', {})];
  const again = [await world.rt.runMenuItem(world.ssId, tech, 'openMyWork')];
  expectFirstData(world, tech, 'open My work');
  // Remembered cards come unchecked: the page draws them, then checks them with this call (steps wait).
  const check = [await call(world, tech, 'myWorkLoad', {})];
  const assigned = rows.find((r) => r.order.status === 'Assigned' && r.order.assignee === tech);
  const step = assigned
    ? [
        await call(world, tech, 'myWorkAct', {
          action: 'start',
          id: assigned.order.id,
          revision: assigned.order.revision,
          rowHint: assigned.row,
        }),
      ]
    : [];
  return [
    { operation: 'open My work (rows not remembered)', records: first, note: `${note}; queue summaries` },
    { operation: 'My work: the check after a first opening', records: firstCheck, note: 'reads the rows' },
    { operation: 'open My work', records: again, note: `${note}; remembered cards, unchecked` },
    { operation: 'My work: the check after showing', records: check, note: 'before any step' },
    { operation: 'a step in My work', records: step, note: assigned ? note : 'no Assigned order' },
  ];
}
