/**
 * How a Time or Parts Used entry reads in its change-log line, declared once with the way back: a row
 * deleted or changed by hand is rebuilt from its log line, who wrote the log row and when, and is put
 * back only when the rebuilt row carries the very seal the log recorded (core/labour.ts), so a line
 * that does not give the entry exactly (an older format, say) is never put back approximately. Unit
 * costs are in cents (shared/work-records), so two decimals give them whole.
 *
 *   Time:        "1.5 h on 2026-03-06 by tina@example.org (Traced the fault)"
 *   Parts Used:  "2 × Fuse 10A at 1.25 = 2.50"
 */
import { PARTS_SEAL_FIELD, TIME_SEAL_FIELD } from './covered-rows';
import {
  PARTS_HEADER_ROW,
  PARTS_SHEET,
  TIME_HEADER_ROW,
  TIME_SHEET,
  cents,
  type PartEntry,
  type TimeEntry,
} from './labour';

/** Each tab whose rows' seals the change log records: the log field naming a seal, and the tab's header. */
export const SEALED_WORK_TABS: Readonly<Record<string, { sealField: string; header: readonly string[] }>> = {
  [TIME_SHEET]: { sealField: TIME_SEAL_FIELD, header: TIME_HEADER_ROW },
  [PARTS_SHEET]: { sealField: PARTS_SEAL_FIELD, header: PARTS_HEADER_ROW },
};

/** Log field → the tab whose row's seal it names. */
export const TAB_OF_SEAL_FIELD: ReadonlyMap<string, string> = new Map(
  Object.entries(SEALED_WORK_TABS).map(([tab, { sealField }]) => [sealField, tab]),
);

type TimeLine = Pick<TimeEntry, 'hours' | 'date' | 'technician' | 'note'>;
type PartLine = Pick<PartEntry, 'quantity' | 'part' | 'unitCost'>;

export function timeLine(e: TimeLine): string {
  return `${e.hours} h on ${e.date} by ${e.technician}${e.note ? ` (${e.note})` : ''}`;
}

export function partLine(p: PartLine): string {
  return `${p.quantity} × ${p.part} at ${p.unitCost.toFixed(2)} = ${cents(p.quantity * p.unitCost).toFixed(2)}`;
}

const NUMBER = String.raw`\d+(?:\.\d+)?(?:e-?\d+)?`;
const TIME_LINE = new RegExp(String.raw`^(${NUMBER}) h on (\d{4}-\d{2}-\d{2}) by (\S+?)(?: \(([\s\S]*)\))?$`);
const PART_LINE = new RegExp(String.raw`^(${NUMBER}) × ([\s\S]*) at (${NUMBER}) = (-?\d+\.\d{2})$`);

export function parseTimeLine(line: string): TimeLine | null {
  const m = TIME_LINE.exec(line);
  if (!m) return null;
  return { hours: Number(m[1]), date: m[2] as string, technician: m[3] as string, note: m[4] ?? '' };
}

export function parsePartLine(line: string): PartLine | null {
  const m = PART_LINE.exec(line);
  if (!m) return null;
  return { quantity: Number(m[1]), part: m[2] as string, unitCost: Number(m[3]) };
}

/** Where a logged entry was written: its order, the log row's user and time, its place in the record. */
export interface LoggedAt {
  id: string;
  user: string;
  at: Date;
  /** How many entries of the same tab the same record wrote before it (each got its own instant). */
  index: number;
}

/** What every entry records besides its own line: its order, who entered it and when. */
function entered(where: LoggedAt): Pick<TimeEntry, 'id' | 'enteredBy' | 'enteredAt'> {
  return { id: where.id, enteredBy: where.user, enteredAt: new Date(where.at.getTime() + where.index) };
}

/** The Time entry a record wrote, as its log line and log row give it (its seal is the caller's check). */
export function loggedTimeEntry(line: string, where: LoggedAt): TimeEntry | null {
  const parsed = parseTimeLine(line);
  return parsed && { ...entered(where), ...parsed };
}

export function loggedPartEntry(line: string, where: LoggedAt): PartEntry | null {
  const parsed = parsePartLine(line);
  return parsed && { ...entered(where), ...parsed };
}
