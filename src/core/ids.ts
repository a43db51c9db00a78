/**
 * Identifiers. A request id (REQ-000123) is given at intake; the work-order number (WO-2026-00042) at
 * approval, numbered per calendar year of approval in the spreadsheet's time zone. Counters live in
 * Document Properties (per spreadsheet); the adapter holds the document lock around read–compute–write,
 * the core only computes the next value and the string to store back.
 */
import * as z from './validator';

const REQUEST_ID = /^REQ-(\d{6,})$/;
const WO_NUMBER = /^WO-(\d{4})-(\d{5,})$/;

/** 123 → "REQ-000123"; grows past 6 digits instead of wrapping (REQ-1000000). */
export function formatRequestId(n: number): string {
  assertPositiveInteger(n, 'request number');
  return `REQ-${String(n).padStart(6, '0')}`;
}

/** "REQ-000123" → 123; null for anything else (case and surrounding spaces tolerated). */
export function parseRequestId(id: string): number | null {
  const m = REQUEST_ID.exec(id.trim().toUpperCase());
  return m ? Number(m[1]) : null;
}

/** (2026, 42) → "WO-2026-00042"; grows past 5 digits (WO-2026-100000). */
export function formatWoNumber(year: number, seq: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999)
    throw new RangeError(`Invalid year for a work-order number: ${year}`);
  assertPositiveInteger(seq, 'work-order sequence');
  return `WO-${year}-${String(seq).padStart(5, '0')}`;
}

/** "WO-2026-00042" → { year: 2026, seq: 42 }; null for anything else. */
export function parseWoNumber(text: string): { year: number; seq: number } | null {
  const m = WO_NUMBER.exec(text.trim().toUpperCase());
  return m ? { year: Number(m[1]), seq: Number(m[2]) } : null;
}

function assertPositiveInteger(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`Invalid ${what}: ${n}`);
}

/** Thrown when a stored counter cannot be read: restarting at 1 would hand out duplicate numbers. */
export class CounterCorruptError extends Error {
  constructor(stored: string) {
    super(
      `The stored counter "${stored.slice(0, 80)}" is not readable; run Extensions › Work Orders › Repair work orders to rebuild it from the register and the change log.`,
    );
    this.name = 'CounterCorruptError';
  }
}

function parseCounter(stored: string | null): number {
  if (stored === null || stored.trim() === '') return 0;
  const text = stored.trim();
  if (!/^\d+$/.test(text)) throw new CounterCorruptError(stored);
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new CounterCorruptError(stored);
  return n;
}

/**
 * The next request number. `stored` is the last number handed out ("123"; null before the first);
 * `highestExisting` (the largest number seen in the register) keeps the counter ahead of the data if the
 * property was lost or restored from an old copy.
 */
export function nextRequestNumber(
  stored: string | null,
  highestExisting = 0,
): { seq: number; id: string; stored: string } {
  const seq = Math.max(parseCounter(stored), highestExisting) + 1;
  return { seq, id: formatRequestId(seq), stored: String(seq) };
}

/**
 * Per-year sequence for work-order numbers. Stored as JSON `{"2026":42}`, one entry per year, so a
 * clock or time-zone change that moves back to an earlier year still continues that year's numbering
 * rather than reusing numbers. Keeps only the last few years to stay small.
 */
export function nextInSequence(
  stored: string | null,
  year: number,
  highestExisting = 0,
): { seq: number; woNumber: string; stored: string } {
  const counters = parseYearCounters(stored);
  const seq = Math.max(counters[String(year)] ?? 0, highestExisting) + 1;
  const woNumber = formatWoNumber(year, seq);
  counters[String(year)] = seq;
  const kept = Object.keys(counters)
    .sort()
    .slice(-5)
    .reduce<Record<string, number>>((acc, y) => ({ ...acc, [y]: counters[y] ?? 0 }), {});
  return { seq, woNumber, stored: JSON.stringify(kept) };
}

function parseYearCounters(stored: string | null): Record<string, number> {
  if (stored === null || stored.trim() === '') return {};
  const counters = z.parseStoredJson(YearCountersSchema, stored);
  if (!counters) throw new CounterCorruptError(stored);
  return { ...counters };
}

/** The stored per-year counters: {"2026": 42}. */
export const YearCountersSchema = z.lazySchema(() =>
  z.record(
    z.string().check(z.regex(/^\d{4}$/)),
    z.int().check(z.nonnegative(), z.lte(Number.MAX_SAFE_INTEGER)),
  ),
);

/** The stored request counter as a number; null when missing or unreadable (then rebuilt, never restarted). */
export function readRequestCounter(stored: string | null): number | null {
  if (stored === null || stored.trim() === '') return null;
  try {
    return parseCounter(stored);
  } catch {
    return null;
  }
}

/** The stored per-year counters; null when missing or unreadable. */
export function readYearCounters(stored: string | null): Record<string, number> | null {
  if (stored === null || stored.trim() === '') return null;
  try {
    return parseYearCounters(stored);
  } catch {
    return null;
  }
}

/** Highest sequence per year among work-order numbers (text anywhere: a log's Changes cell too). */
export function highestWoSequences(texts: Iterable<string>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const text of texts) {
    for (const m of text.toUpperCase().matchAll(/WO-(\d{4})-(\d{5,})/g)) {
      const year = m[1] as string;
      const seq = Number(m[2]);
      if (seq > (out[year] ?? 0)) out[year] = seq;
    }
  }
  return out;
}

/**
 * The highest request number among ids typed in cells, counting only those within `slack` of what is
 * trusted (`trusted`: what the add-on's own records say) or of the number of ids there are (where the
 * records say nothing, ids run from 1 up). A cell's REQ-9999999 is then no reason to number on from it.
 */
export function highestRequestNumberWithin(ids: readonly string[], trusted: number, slack: number): number {
  const bound = Math.max(trusted, ids.length) + slack;
  let max = 0;
  for (const id of ids) {
    const n = parseRequestId(id);
    if (n !== null && n <= bound && n > max) max = n;
  }
  return max;
}

/** highestWoSequences, each year's numbers counted only within `slack` of `trusted[year]` or of their count. */
export function highestWoSequencesWithin(
  texts: Iterable<string>,
  trusted: Readonly<Record<string, number>>,
  slack: number,
): Record<string, number> {
  const byYear = new Map<string, number[]>();
  for (const text of texts) {
    for (const m of text.toUpperCase().matchAll(/WO-(\d{4})-(\d{5,})/g)) {
      const year = m[1] as string;
      byYear.set(year, [...(byYear.get(year) ?? []), Number(m[2])]);
    }
  }
  const out: Record<string, number> = {};
  for (const [year, seqs] of byYear) {
    const bound = Math.max(trusted[year] ?? 0, seqs.length) + slack;
    const within = seqs.filter((seq) => seq <= bound);
    if (within.length > 0) out[year] = Math.max(...within);
  }
  return out;
}

/** Largest request number among ids (for `highestExisting`); 0 when none parse. O(n), one pass. */
export function highestRequestNumber(ids: Iterable<string>): number {
  let max = 0;
  for (const id of ids) {
    const n = parseRequestId(id);
    if (n !== null && n > max) max = n;
  }
  return max;
}

/** Largest sequence of `year` among work-order numbers; 0 when none. */
export function highestWoSequence(numbers: Iterable<string>, year: number): number {
  let max = 0;
  for (const text of numbers) {
    const p = parseWoNumber(text);
    if (p && p.year === year && p.seq > max) max = p.seq;
  }
  return max;
}
