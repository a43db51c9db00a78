/**
 * When a preventive-maintenance schedule's work orders are made, pure.
 *
 * Exactly once: each occurrence is known by its schedule id and due date. The hourly job keeps, per
 * schedule, the due date of the last occurrence it created (the ledger, in the installation owner's
 * properties: nobody who edits the sheet can change it) and the register's Response Row of every order
 * it made names the occurrence ("Schedule PM-001 2026-03-10"). An occurrence is created only when it
 * is later than the ledger's date and no register row the job wrote names it (believedRefs), so a late, repeated or concurrent run,
 * or a Next Due typed back to an earlier date, never makes a second order for it.
 *
 * Missed occurrences (the job did not run, or the schedule was added with a Next Due in the past): the
 * most recent one that is already due is created late, flagged for review, with the earlier ones it
 * replaces named; then every occurrence whose lead time has begun is created.
 */
import * as z from './validator';
import type { Schedule } from './schedules';
import {
  addCalendarDays,
  addCalendarMonths,
  compareLocalDates,
  isoDate,
  isoWeekday,
  parseIsoDate,
  type LocalDate,
} from './time';

/** Occurrences created for one schedule in one run at most (a lead time longer than the interval). */
export const MAX_OCCURRENCES_PER_RUN = 10;
/** Missed dates named in the flag at most (the count is always given). */
const NAMED_MISSED = 5;

/**
 * The occurrence after `date` by the schedule's rule. Months count from `date`'s month onto
 * `dayOfMonth` (core/schedule-anchors.ts), clamped to a shorter month's last day, never onto `date`'s
 * own day: from 28 February a schedule on the 31st comes due on 31 March, not the 28th.
 */
export function nextOccurrence(
  schedule: Pick<Schedule, 'every' | 'unit' | 'weekdays'>,
  date: LocalDate,
  dayOfMonth: number,
): LocalDate {
  switch (schedule.unit) {
    case 'days':
      return addCalendarDays(date, schedule.every);
    case 'weeks':
      return addCalendarDays(date, 7 * schedule.every);
    case 'months':
      return addCalendarMonths(date, schedule.every, dayOfMonth);
    case 'weekdays': {
      for (let d = 1; d <= 7; d++) {
        const candidate = addCalendarDays(date, d);
        if (schedule.weekdays.includes(isoWeekday(candidate))) return candidate;
      }
      return addCalendarDays(date, 7);
    }
  }
}

export interface Occurrence {
  scheduleId: string;
  due: LocalDate;
  /** Created after its due date. */
  late: boolean;
  /** Earlier missed occurrences this late one stands for (not created). */
  missed: LocalDate[];
}

export interface SchedulePlan {
  occurrences: Occurrence[];
  /** The first occurrence not created: what Next Due should say after this run. */
  nextDue: LocalDate;
}

/**
 * What to create for one schedule on `today` (the spreadsheet's local date), given the due date of the
 * last occurrence created (`createdThrough`, from the ledger and the register; null for none) and the
 * day of the month its month-based occurrences fall on (core/schedule-anchors anchorDay).
 */
export function planSchedule(
  schedule: Schedule,
  createdThrough: LocalDate | null,
  today: LocalDate,
  dayOfMonth: number = schedule.nextDue.day,
): SchedulePlan {
  const step = (date: LocalDate): LocalDate => nextOccurrence(schedule, date, dayOfMonth);
  let due = schedule.nextDue;
  if (createdThrough) {
    let guard = 0;
    while (compareLocalDates(due, createdThrough) <= 0 && guard++ < 100_000) due = step(due);
  }
  const occurrences: Occurrence[] = [];
  if (!schedule.active) return { occurrences, nextDue: due };
  if (compareLocalDates(due, today) < 0) {
    const missed: LocalDate[] = [];
    let guard = 0;
    for (let next = step(due); compareLocalDates(next, today) < 0 && guard++ < 100_000;) {
      missed.push(due);
      due = next;
      next = step(due);
    }
    occurrences.push({ scheduleId: schedule.id, due, late: true, missed });
    due = step(due);
  }
  while (
    occurrences.length < MAX_OCCURRENCES_PER_RUN &&
    compareLocalDates(addCalendarDays(due, -schedule.leadDays), today) <= 0
  ) {
    occurrences.push({ scheduleId: schedule.id, due, late: false, missed: [] });
    due = step(due);
  }
  return { occurrences, nextDue: due };
}

/** The register's Response Row of a scheduled order: where it came from, like a form response's. */
export function scheduleRef(scheduleId: string, due: LocalDate): string {
  return `Schedule ${scheduleId} ${isoDate(due)}`;
}

export function parseScheduleRef(ref: string): { scheduleId: string; due: LocalDate } | null {
  const m = /^Schedule (\S+) (\d{4}-\d{2}-\d{2})$/.exec(ref.trim());
  const due = m ? parseIsoDate(m[2] as string) : null;
  return m && due ? { scheduleId: m[1] as string, due } : null;
}

/** Why an order made late is flagged for review. */
export function lateFlag(occurrence: Occurrence, createdOn: LocalDate): string {
  const named = occurrence.missed.slice(-NAMED_MISSED).map(isoDate).join(', ');
  const more =
    occurrence.missed.length > NAMED_MISSED ? ` and ${occurrence.missed.length - NAMED_MISSED} earlier` : '';
  const missed =
    occurrence.missed.length === 0
      ? ''
      : ` It replaces ${occurrence.missed.length} earlier missed occurrence(s), not created: ${named}${more}.`;
  return (
    `Preventive maintenance created late: schedule ${occurrence.scheduleId} was due ${isoDate(occurrence.due)}, ` +
    `created ${isoDate(createdOn)} (the hourly job had not run, or Next Due was in the past).${missed}`
  );
}

/** The ledger: schedule id → ISO due date of the last occurrence created. */
export const ScheduleLedgerSchema = z.lazySchema(() =>
  z.record(z.string(), z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))),
);
export type ScheduleLedger = z.infer<typeof ScheduleLedgerSchema>;

/** Null when stored but unreadable: the caller rebuilds it from the register's Response Rows. */
export function parseScheduleLedger(stored: string | null): ScheduleLedger | null {
  if (stored === null || stored === '') return {};
  return z.parseStoredJson(ScheduleLedgerSchema, stored);
}

/**
 * The batch the job was writing when it last wrote the register: each occurrence's Response Row → the
 * request id it was given. Kept in the installation owner's properties before the register write, so
 * a run stopped before its ledger moved is read back from it, never from whatever the cells say.
 */
export const ScheduleBatchSchema = z.lazySchema(() => z.record(z.string(), z.string()));
export type ScheduleBatch = z.infer<typeof ScheduleBatchSchema>;

/** The stored batch; none (or unreadable: a gap in the ledger then leaves a second order, never none). */
export function parseScheduleBatch(stored: string | null): ScheduleBatch {
  if (stored === null || stored === '') return {};
  return z.parseStoredJson(ScheduleBatchSchema, stored) ?? {};
}

/**
 * The register's Response Rows the job takes as occurrences already made. Every editor of the register
 * can write those cells where no edit trigger sees them (a script of their own), so a cell alone proves
 * nothing: one naming a date years ahead would move the ledger past every occurrence until then.
 * - With its ledger kept, the job believes only the rows of the batch it last wrote (each under the
 *   request id the batch gave it): the orders a run stopped before moving the ledger had made.
 * - With no readable ledger (lost properties, a new installation owner) the register is all there is,
 *   so a row counts when its occurrence could have been made by now: due no later than today plus its
 *   schedule's lead time (a schedule no longer on the tab counts for nothing).
 */
export function believedRefs(
  rows: ReadonlyArray<{ id: string; responseRef: string }>,
  evidence: {
    ledgerKept: boolean;
    batch: ScheduleBatch;
    /** The latest due date an occurrence of the schedule could have been made for, by today. */
    horizon: (scheduleId: string) => LocalDate | null;
  },
): Set<string> {
  const out = new Set<string>();
  for (const { id, responseRef } of rows) {
    const parsed = parseScheduleRef(responseRef);
    if (!parsed) continue;
    const ref = scheduleRef(parsed.scheduleId, parsed.due);
    if (evidence.ledgerKept) {
      if (evidence.batch[ref] === id) out.add(ref);
      continue;
    }
    const horizon = evidence.horizon(parsed.scheduleId);
    if (horizon && compareLocalDates(parsed.due, horizon) <= 0) out.add(ref);
  }
  return out;
}

/** The later of the ledger's date and every register row naming an occurrence of the schedule. */
export function createdThrough(
  ledger: ScheduleLedger,
  registerRefs: ReadonlyMap<string, LocalDate>,
  scheduleId: string,
): LocalDate | null {
  const stored = ledger[scheduleId] ? parseIsoDate(ledger[scheduleId]) : null;
  const seen = registerRefs.get(scheduleId) ?? null;
  if (!stored) return seen;
  if (!seen) return stored;
  return compareLocalDates(stored, seen) >= 0 ? stored : seen;
}

/** Schedule id → latest occurrence due date named by register rows (their Response Row). */
export function latestRefs(refs: Iterable<string>): Map<string, LocalDate> {
  const out = new Map<string, LocalDate>();
  for (const ref of refs) {
    const parsed = parseScheduleRef(ref);
    if (!parsed) continue;
    const known = out.get(parsed.scheduleId);
    if (!known || compareLocalDates(parsed.due, known) > 0) out.set(parsed.scheduleId, parsed.due);
  }
  return out;
}

/** The ledger with every later date the register shows added; null when it already had them all. */
export function ledgerWithRefs(
  ledger: ScheduleLedger,
  registerRefs: ReadonlyMap<string, LocalDate>,
): ScheduleLedger | null {
  const merged: ScheduleLedger = { ...ledger };
  let changed = false;
  for (const [id, due] of registerRefs) {
    const iso = isoDate(due);
    if ((merged[id] ?? '') < iso) {
      merged[id] = iso;
      changed = true;
    }
  }
  return changed ? merged : null;
}
