/** Small numeric helpers. Durations are collected in milliseconds and reported in hours. */
import type { DurationStat } from './types';

export const HOUR_MS = 3_600_000;

/** Mean, median and total of durations given in ms, reported in hours. */
export function durationStat(durationsMs: readonly number[]): DurationStat {
  const n = durationsMs.length;
  if (n === 0) return { count: 0, meanHours: null, medianHours: null, totalHours: 0 };
  const sorted = Float64Array.from(durationsMs).sort();
  let total = 0;
  for (const v of sorted) total += v;
  return {
    count: n,
    meanHours: total / n / HOUR_MS,
    medianHours: median(sorted) / HOUR_MS,
    totalHours: total / HOUR_MS,
  };
}

/** Median of an ascending array (mean of the two middle values when the length is even). */
export function median(sorted: Float64Array): number {
  const n = sorted.length;
  const mid = n >> 1;
  return n % 2 === 1 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}

/** Number of values < t in an ascending array (lower bound). */
export function countBelow(sorted: Float64Array, t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] ?? 0) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}
