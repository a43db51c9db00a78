/**
 * The day of the month a month-based schedule keeps, pure.
 *
 * "Every 1 month from 31 January" is due 31 January, 28 February, 31 March, 30 April …: each
 * occurrence is N months after the last, on the schedule's day or the last day of a shorter month
 * (core/schedule-plan.ts). Once the hourly job has written 28 February back into Next Due, the cell no
 * longer says "the 31st", so the job keeps that day per schedule in the installation owner's
 * properties, beside its ledger, with the Next Due values it wrote under it (the anchors).
 *
 * Which day a run uses:
 * - Next Due is one the job wrote (or was about to write) under the stored day: that day.
 * - Any other Next Due was typed by an administrator: its own day, from now on (re-anchored).
 * - No day stored (a schedule new to the job, one made before the anchors were kept, lost properties):
 *   Next Due's own day, unless Next Due is the last day of a shorter month and the last occurrence made
 *   was on a later day (31 January made, then 28 February written back): then that later day.
 *
 * Only the day is kept, never a date: the month comes from Next Due, so changing Every or typing a
 * date of another month moves the series without losing its day.
 */
import * as z from './validator';
import { cellText, mapHeaders } from './headers';
import { SCHEDULE_COLUMNS, type Schedule } from './schedules';
import { isoDate, lastDayOfMonth, type LocalDate } from './time';

/** Schedule id → the day (1–31) and the Next Due values the job wrote under it (the last two). */
export const ScheduleAnchorsSchema = z.lazySchema(() =>
  z.record(
    z.string(),
    z.object({
      day: z.int().check(z.gte(1), z.lte(31)),
      dues: z.array(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))),
    }),
  ),
);
export type ScheduleAnchors = z.infer<typeof ScheduleAnchorsSchema>;

/** The stored anchors; none when there are none or they are unreadable (each day is derived again). */
export function parseScheduleAnchors(stored: string | null): ScheduleAnchors {
  if (stored === null || stored === '') return {};
  return z.parseStoredJson(ScheduleAnchorsSchema, stored) ?? {};
}

/** `date` is `day` of its month, or its last day when the month is shorter than `day`. */
export function onDayOfMonth(date: LocalDate, day: number): boolean {
  return Math.min(day, lastDayOfMonth(date)) === date.day;
}

/**
 * The day of the month the schedule's occurrences fall on, from Next Due as read from the tab, its
 * stored anchor and the last occurrence made (the ledger's date; null for none).
 */
export function anchorDay(
  nextDue: LocalDate,
  stored: ScheduleAnchors[string] | undefined,
  lastMade: LocalDate | null,
): number {
  if (stored) return stored.dues.includes(isoDate(nextDue)) ? stored.day : nextDue.day;
  if (lastMade && lastMade.day > nextDue.day && onDayOfMonth(nextDue, lastMade.day)) return lastMade.day;
  return nextDue.day;
}

export interface MonthlyRun {
  day: number;
  /** Next Due as read from the tab this run. */
  read: LocalDate;
  /** Next Due the job writes back this run (the same when it does not move). */
  written: LocalDate;
}

/**
 * The anchors to store before Next Due is written back: each month-based schedule of this run with
 * its day and the two values its cell may hold after the write (the one read, kept should the write
 * not happen; the one written). A schedule the run could not read (a refused row) keeps its anchor
 * while its id is on the tab; the others are dropped. Null when nothing changes.
 */
export function anchorsAfterRun(
  stored: ScheduleAnchors,
  monthly: ReadonlyMap<string, MonthlyRun>,
  /** Ids of the tab's rows that were refused this run (their anchor is kept). */
  refusedIds: ReadonlySet<string>,
): ScheduleAnchors | null {
  const next: ScheduleAnchors = {};
  for (const [id, anchor] of Object.entries(stored)) if (refusedIds.has(id)) next[id] = anchor;
  for (const [id, run] of monthly) {
    const dues = [...new Set([isoDate(run.read), isoDate(run.written)])];
    const kept = stored[id];
    // A run that moves nothing keeps the entry as it is: no write every hour.
    next[id] =
      kept && kept.day === run.day && dues.every((due) => kept.dues.includes(due))
        ? kept
        : { day: run.day, dues };
  }
  return JSON.stringify(next) === JSON.stringify(stored) ? null : next;
}

/** The Schedule IDs on the tab's rows (row 1 the header) that were not read as schedules this run. */
export function unreadScheduleIds(
  values: readonly (readonly unknown[])[],
  schedules: readonly Pick<Schedule, 'id'>[],
): Set<string> {
  const at = mapHeaders(values[0] ?? [], SCHEDULE_COLUMNS).indexOf.id;
  const read = new Set(schedules.map((s) => s.id));
  const out = new Set<string>();
  if (at < 0) return out;
  for (const cells of values.slice(1)) {
    const id = cellText(cells[at]).trim();
    if (id !== '' && !read.has(id)) out.add(id);
  }
  return out;
}
