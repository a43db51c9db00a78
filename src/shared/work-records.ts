/**
 * What a technician records on an order besides its status: checklist ticks, time and parts. The
 * rules are plain functions here, so the My work page checks a field as it is typed (without zod,
 * which would triple the page) and the server applies the very same rules through the zod/mini
 * schemas in ./work-records-schema.
 */

export const MAX_HOURS_PER_ENTRY = 24;
export const MAX_QUANTITY = 100_000;
export const MAX_UNIT_COST = 10_000_000;
export const MAX_PART_NAME = 120;
export const MAX_TIME_NOTE = 500;

/** Whole hundredths: hours and money as people write them. */
const round2 = (n: number): number => Math.round(n * 100) / 100;

/** Why `value` is not a number of hours worked in one entry, or null when it is. */
export function hoursProblem(value: number): string | null {
  if (!Number.isFinite(value)) return 'Hours must be a number, e.g. 1.5.';
  if (value <= 0) return 'Hours must be more than 0.';
  if (value > MAX_HOURS_PER_ENTRY) return `Hours must be at most ${MAX_HOURS_PER_ENTRY} in one entry.`;
  if (round2(value) !== value) return 'Hours take at most two decimals, e.g. 1.25.';
  return null;
}

/**
 * Why `adding` hours on `date` would take a person's day past 24 hours, given the hours they already
 * recorded for it (on every order), or null when it fits: each entry is capped, a day must be too, or
 * one day's labour could be recorded any number of times over.
 */
export function dayHoursProblem(recorded: number, adding: number, date: string): string | null {
  const left = round2(MAX_HOURS_PER_ENTRY - recorded);
  if (round2(recorded + adding) <= MAX_HOURS_PER_ENTRY) return null;
  const already = `You have already recorded ${round2(recorded)} h on ${date}: a day has ${MAX_HOURS_PER_ENTRY} hours, so`;
  return left <= 0
    ? `${already} no more can be recorded for it.`
    : `${already} at most ${left} h more can be recorded for it.`;
}

export function quantityProblem(value: number): string | null {
  if (!Number.isFinite(value)) return 'Quantity must be a number, e.g. 2.';
  if (value <= 0) return 'Quantity must be more than 0.';
  if (value > MAX_QUANTITY) return `Quantity must be at most ${MAX_QUANTITY}.`;
  if (round2(value) !== value) return 'Quantity takes at most two decimals.';
  return null;
}

export function unitCostProblem(value: number): string | null {
  if (!Number.isFinite(value)) return 'Unit cost must be a number, e.g. 12.50.';
  if (value < 0) return 'Unit cost cannot be negative.';
  if (value > MAX_UNIT_COST) return `Unit cost must be at most ${MAX_UNIT_COST}.`;
  if (round2(value) !== value) return 'Unit cost takes at most two decimals (cents).';
  return null;
}

/** A work date "2026-03-06": a real calendar day, not after `today` (same form). */
export function workDateProblem(value: string, today: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return 'The date must be written 2026-03-06.';
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d)
    return `${value} is not a calendar date.`;
  if (today !== '' && value > today)
    return `${value} is after today (${today}): give the day the work was done.`;
  return null;
}

/** One checklist item on a card. */
export interface ChecklistEntryView {
  number: number;
  item: string;
  required: boolean;
  done: boolean;
  doneBy: string;
  /** ISO-8601 ('' when not ticked). */
  doneAt: string;
}

export interface TimeEntryView {
  technician: string;
  date: string;
  hours: number;
  note: string;
}

export interface PartEntryView {
  part: string;
  quantity: number;
  unitCost: number;
}

/** What a card shows of an order's checklist, time and parts. */
export interface WorkRecordsView {
  checklist: ChecklistEntryView[];
  time: TimeEntryView[];
  parts: PartEntryView[];
  /** May this person tick and record on the order now (their own assigned order, not closed). */
  canRecord: boolean;
}

/** `myWorkRecord`'s reply: the order's checklist, time and parts as they now are. */
export type MyWorkRecordResponse =
  { ok: true; message: string; records: WorkRecordsView } | { ok: false; message: string };

/**
 * What the page sends `myWorkRecord` (validated again by the server's schema); `rowHint`, the card's
 * row, spares the server a read of the register's id column when it still holds the order.
 */
export type WorkRecordInput = (
  | { kind: 'view'; id: string }
  | { kind: 'tick'; id: string; number: number; item: string; done: boolean }
  | { kind: 'time'; id: string; date: string; hours: number; note?: string }
  | { kind: 'part'; id: string; part: string; quantity: number; unitCost: number }
) & { rowHint?: number };
