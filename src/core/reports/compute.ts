/**
 * computeReports: every figure of the three report tabs from the register and the change log.
 * Pure and deterministic for a given `now` and time zone. Cost: one pass to group the change log,
 * one pass to derive per-order facts, then sorts and binary searches — O(n log n) overall.
 */
import { buildFacts, type OrderFacts } from './facts';
import { buildStatusHistory, type StatusHistory } from './history';
import { SkipNotes } from './notes';
import { monthlyGrid, weeklyGrid } from './periods';
import { computeSummary } from './summary';
import { ZonedCalendar } from '../time';
import { computeTimeInStatus } from './time-in-status';
import { computeSeries, trendGroups } from './trends';
import type { ReportData, ReportInput } from './types';
import { computeAging, computeOverdue, computeTechnicians } from './workload';

export const DEFAULT_WEEKS = 26;
export const DEFAULT_MONTHS = 12;

export function computeReports(input: ReportInput): ReportData {
  const notes = new SkipNotes();
  const now = input.now.getTime();
  if (Number.isNaN(now)) throw new Error('computeReports: now is not a valid date');
  const timeZone = resolveTimeZone(input.timeZone, notes);
  const cal = new ZonedCalendar(timeZone);
  const { history, facts } = factsOf(input, notes);

  let earliest = NaN;
  for (const f of facts) if (f.requested <= now && !(f.requested >= earliest)) earliest = f.requested;
  const data = dataSpan(facts, now);
  const weekCount = clampCount(input.weeks, DEFAULT_WEEKS, 520);
  const weekly = weeklyGrid(cal, { ...data, max: weekCount });
  const monthly = monthlyGrid(cal, { ...data, max: clampCount(input.months, DEFAULT_MONTHS, 240) });
  // Completions per technician are counted over the last weeks up to now, whatever the data's range.
  const technicianWindow = weeklyGrid(cal, { first: 0, last: now, max: weekCount });

  const summary = computeSummary(facts, notes);
  // Grouped and sorted once for both grids.
  const groups = trendGroups(facts);
  const trends = {
    weekly: computeSeries(weekly, facts, now, groups),
    monthly: computeSeries(monthly, facts, now, groups),
  };
  const times = computeTimeInStatus(facts, history, now, notes);
  const bottlenecks = {
    ...times,
    ...computeAging(facts, now, notes),
    ...computeOverdue(facts, now),
    technicians: computeTechnicians(facts, technicianWindow.bounds[0] ?? now, now, input.staff ?? []),
  };
  return {
    technicianWeeks: weekCount,
    builtAt: new Date(now),
    timeZone,
    range: { start: Number.isNaN(earliest) ? null : new Date(earliest), end: new Date(now) },
    changeLogRange: {
      start: Number.isNaN(history.first) ? null : new Date(history.first),
      end: Number.isNaN(history.last) ? null : new Date(history.last),
    },
    summary,
    trends,
    bottlenecks,
    notes: notes.render(),
  };
}

/** The change log grouped by order and each order's facts: what every figure is computed from. */
export function factsOf(
  input: Pick<ReportInput, 'orders' | 'changes' | 'now'>,
  notes: SkipNotes,
): { history: StatusHistory; facts: OrderFacts[] } {
  const orderIndex = new Map<string, number>();
  input.orders.forEach((o, i) => {
    // With duplicated ids the first row keeps the history; duplicates are reported, not merged.
    if (!orderIndex.has(String(o.id))) orderIndex.set(String(o.id), i);
  });
  const duplicates = input.orders.length - orderIndex.size;
  if (duplicates > 0) {
    notes.add(
      `${duplicates} row(s) repeat a Request ID; the change log was matched to the first row of each id.`,
    );
  }
  const history = buildStatusHistory(input.changes, orderIndex, input.orders.length, notes);
  return { history, facts: buildFacts(input.orders, history, input.now.getTime(), notes) };
}

/** First and last event the trends count (requested, completed, left the backlog), up to now. */
function dataSpan(facts: readonly OrderFacts[], now: number): { first: number; last: number } {
  let first = Infinity;
  let last = -Infinity;
  const see = (t: number) => {
    if (!(t <= now)) return; // NaN and the future are not in any period
    if (t < first) first = t;
    if (t > last) last = t;
  };
  for (const f of facts) {
    see(f.requested);
    if (f.done) see(f.completed);
    see(f.exit);
  }
  return first === Infinity ? { first: now, last: now } : { first, last };
}

function resolveTimeZone(timeZone: string, notes: SkipNotes): string {
  if (timeZone && ZonedCalendar.isValid(timeZone)) return timeZone;
  notes.add(`Unknown time zone "${timeZone}": dates are shown in UTC.`);
  return 'UTC';
}

function clampCount(value: number | undefined, fallback: number, max: number): number {
  if (value === undefined || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(1, Math.floor(value)));
}
