/**
 * Report: Cost — what the work cost (hours × the technician's rate + parts), grouped by work order,
 * category, location and technician, and the backlog in labour hours against the crew's capacity.
 * Pure: the Time and Parts Used rows (only those the add-on sealed), the register's orders and the
 * rates come in; a tab comes out.
 */
import { cents, type PartEntry, type TimeEntry } from '../labour';
import { rateOf, type Rates } from '../labour-rates';
import type { Status, WorkOrder } from '../model';
import { TabBuilder, column } from './tables/tab-builder';
import type { Cell, ReportTab } from './types';

export const COST_TAB = 'Report: Cost';

/** One time entry or one part line, with the order it was recorded on (null: not in the register). */
export interface CostPiece {
  order: WorkOrder | null;
  id: string;
  technician: string;
  hours: number;
  labour: number;
  parts: number;
}

const UNKNOWN = '(not in the register: archived or deleted)';

/**
 * The groupings of the cost tables, each a label and the key of a piece. Reporting by another field of
 * the work order (an asset, say) is one more line here.
 */
export const COST_GROUPINGS: ReadonlyArray<readonly [string, (p: CostPiece) => string]> = [
  ['Work order', (p) => (p.order ? p.order.woNumber || p.order.id : p.id)],
  ['Category', (p) => (p.order ? p.order.category || '(none)' : UNKNOWN)],
  ['Location', (p) => (p.order ? p.order.location || '(none)' : UNKNOWN)],
  ['Asset', (p) => (p.order ? p.order.asset || '(none)' : UNKNOWN)],
  ['Technician', (p) => p.technician || '(unknown)'],
];

export function costPieces(
  orders: readonly WorkOrder[],
  time: readonly TimeEntry[],
  parts: readonly PartEntry[],
  rates: Rates,
): CostPiece[] {
  const byId = new Map(orders.map((o) => [o.id, o]));
  return [
    ...time.map((e) => ({
      order: byId.get(e.id) ?? null,
      id: e.id,
      technician: e.technician,
      hours: e.hours,
      labour: e.hours * rateOf(rates, e.technician),
      parts: 0,
    })),
    ...parts.map((e) => ({
      order: byId.get(e.id) ?? null,
      id: e.id,
      technician: e.enteredBy.toLowerCase(),
      hours: 0,
      labour: 0,
      parts: e.quantity * e.unitCost,
    })),
  ];
}

export interface CostRow {
  key: string;
  hours: number;
  labour: number;
  parts: number;
  total: number;
}

/** Totals per key, largest total first (then by key). */
export function groupCost(pieces: readonly CostPiece[], keyOf: (p: CostPiece) => string): CostRow[] {
  const rows = new Map<string, CostRow>();
  for (const p of pieces) {
    const key = keyOf(p);
    const row = rows.get(key) ?? { key, hours: 0, labour: 0, parts: 0, total: 0 };
    row.hours += p.hours;
    row.labour += p.labour;
    row.parts += p.parts;
    row.total = row.labour + row.parts;
    rows.set(key, row);
  }
  return [...rows.values()]
    .map((r) => ({
      ...r,
      hours: cents(r.hours),
      labour: cents(r.labour),
      parts: cents(r.parts),
      total: cents(r.total),
    }))
    .sort((a, b) => b.total - a.total || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Statuses whose work is still to do: the backlog. */
export const BACKLOG_STATUSES: readonly Status[] = ['Approved', 'Assigned', 'In Progress', 'On Hold'];

export interface Backlog {
  orders: number;
  /** Σ over open orders of max(estimate − hours already logged, 0). */
  hours: number;
  capacityPerWeek: number;
  /** hours ÷ capacity; null when there is no capacity. */
  weeks: number | null;
}

export function backlogHours(
  orders: readonly WorkOrder[],
  time: readonly TimeEntry[],
  estimatePerOrder: number,
  capacityPerWeek: number,
): Backlog {
  const logged = new Map<string, number>();
  for (const e of time) logged.set(e.id, (logged.get(e.id) ?? 0) + e.hours);
  const open = orders.filter((o) => BACKLOG_STATUSES.includes(o.status));
  const hours = cents(
    open.reduce((sum, o) => sum + Math.max(estimatePerOrder - (logged.get(o.id) ?? 0), 0), 0),
  );
  return {
    orders: open.length,
    hours,
    capacityPerWeek,
    weeks: capacityPerWeek > 0 ? cents(hours / capacityPerWeek) : null,
  };
}

export interface CostInput {
  orders: readonly WorkOrder[];
  time: readonly TimeEntry[];
  parts: readonly PartEntry[];
  rates: Rates;
  estimatePerOrder: number;
  capacityPerWeek: number;
  builtAt: string;
  /** Staff names by lower-cased email: a technician is shown by name, as on the other report tabs. */
  names?: ReadonlyMap<string, string>;
  /** Rows left out because their seal does not verify, and rate problems: said on the tab. */
  notes: string[];
}

const counted = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/**
 * What the tab covers: its entries and the orders they were recorded on, out of the register's (the
 * register's count alone read as if every order had entries), and those on orders no longer in it.
 */
function coversLine(input: CostInput, pieces: readonly CostPiece[]): string {
  const inRegister = new Set(pieces.filter((p) => p.order).map((p) => p.id));
  const gone = new Set(pieces.filter((p) => !p.order).map((p) => p.id));
  const entries = `${counted(input.time.length, 'time entry', 'time entries')} and ${counted(input.parts.length, 'part line', 'part lines')}`;
  const where = `recorded on ${inRegister.size} of the ${counted(input.orders.length, 'work order', 'work orders')} in the register`;
  const elsewhere = gone.size > 0 ? `, and on ${counted(gone.size, 'order', 'orders')} no longer in it` : '';
  return `${entries}, ${where}${elsewhere}`;
}

export function costTab(input: CostInput): ReportTab {
  const pieces = costPieces(input.orders, input.time, input.parts, input.rates);
  const total = groupCost(pieces, () => 'all')[0];
  const tab = new TabBuilder(COST_TAB).opening(input.builtAt, coversLine(input, pieces));
  tab.blank().heading('How cost is counted');
  tab.line(
    'Cost = hours × the technician’s Hourly Rate (Staff tab; else Settings defaultHourlyRate) + quantity × unit cost of parts.',
  );
  tab.line('Total labour hours', total?.hours ?? 0, 'Total cost', total?.total ?? 0);
  const header = ['Hours', 'Labour cost', 'Parts cost', 'Total cost'];
  for (const [label, keyOf] of COST_GROUPINGS) {
    tab.blank().heading(`Cost by ${label.toLowerCase()}`);
    const shown = (key: string): string =>
      label === 'Technician' ? input.names?.get(key.trim().toLowerCase()) || key : key;
    const rows: Cell[][] = groupCost(pieces, keyOf).map((r) => [
      shown(r.key),
      r.hours,
      r.labour,
      r.parts,
      r.total,
    ]);
    const range = tab.table([label, ...header], rows);
    if (label !== 'Work order')
      tab.chart('bar', `Total cost by ${label.toLowerCase()}`, [column(range, 1), column(range, 5)]);
  }
  const backlog = backlogHours(input.orders, input.time, input.estimatePerOrder, input.capacityPerWeek);
  tab.blank().heading('Backlog in labour hours');
  tab.table(
    ['Open work orders', 'Estimated hours left', 'Crew hours per week', 'Weeks of work'],
    [[backlog.orders, backlog.hours, backlog.capacityPerWeek, backlog.weeks ?? 'no crew capacity set']],
  );
  tab.line(
    `Hours left per open order = Settings estimatedHoursPerOrder (${input.estimatePerOrder}) less the hours already logged on it, never below 0; capacity = Settings crewHoursPerWeek.`,
  );
  if (input.notes.length > 0) {
    tab.blank().heading('Notes');
    for (const note of input.notes) tab.line(note);
  }
  return tab.build();
}
