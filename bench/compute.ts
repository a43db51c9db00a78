/**
 * Local compute time of the report aggregation alone, in Node: computeReports + reportTables over a
 * generated history (every work order, every change-log row, ~10 per order holding ~22 field changes,
 * none thinned). This is the
 * pure part the add-on runs inside Apps Script after its batched reads; its budget is 5 s at
 * 100,000 work orders and a million change-log rows.
 */
import { computeReports, reportTables } from '../src/core/reports';
import type { ChangeLogEntry } from '../src/core/model';
import { logRowCount, type History } from './fixtures/history';

export interface ComputeFigures {
  orders: number;
  changeLogRows: number;
  /** Field changes those rows record (what the aggregation reads back from them). */
  fieldChanges: number;
  /** Median of the runs, ms. */
  computeMs: number;
  /** Fastest run, ms (the least disturbed by other processes). */
  bestMs: number;
  runs: number;
}

export function timeCompute(history: History, runs = 3): ComputeFigures {
  const changes: ChangeLogEntry[] = history.changes.map((e) => ({ ...e, hash: '' }));
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const data = computeReports({
      orders: history.orders,
      changes,
      now: history.now,
      timeZone: history.timeZone,
    });
    reportTables(data);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return {
    orders: history.orders.length,
    changeLogRows: logRowCount(history.changes),
    fieldChanges: changes.length,
    computeMs: times[Math.floor(times.length / 2)] ?? NaN,
    bestMs: times[0] ?? NaN,
    runs,
  };
}
