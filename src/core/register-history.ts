/**
 * What an order's logged history says about writes the add-on never saw, judged line by line as the
 * change log is folded (./register-audit).
 *
 * Comparing each field's LAST logged value with its cell misses a value written outside the add-on
 * (another project's Apps Script, the Sheets API) and then changed again through the add-on: the
 * cell ends as the log says. But every writer logs a field's old value as the register held it, so a
 * line whose old value is not what the log last gave that field shows that the field was changed
 * between those two rows where nothing logged it (a Closed order "In Progress → Completed").
 *
 * Likewise a technician's step (start, hold, resume, complete: the lifecycle rows an assignee may do)
 * written by someone who was not the order's assignee as the log stands at that row is a step no
 * honest run writes, unless its author supervises (the caller knows the Staff tab): the Assignee cell
 * was swapped outside the add-on for the step and swapped back.
 *
 * Pure: values compared as the log writes them; the caller tells values that only look different
 * (a date to the second, a text the sheet neutralized) with the register's own rules.
 */
import { parseChanges, type FieldLine } from './change-lines';
import { parseRequestId } from './ids';
import { parseResponseRef } from './intake';
import { findTransition } from './lifecycle-table';
import { REGISTER_COLUMNS, STATUSES, type Status, type WorkOrderField } from './model';
import { parseScheduleRef } from './schedule-plan';

/** The old value a register edit logs for a long text whose earlier value no record kept. */
export const UNKNOWN_OLD_TEXT = '(earlier text not kept: too long)';

/** Breaks and foreign steps kept per order: enough to say what happened, bounded whatever the log. */
export const KEPT_PER_ORDER = 3;

/** A field's logged line whose old value is not the value the log last gave that field. */
export interface HistoryBreak {
  field: WorkOrderField;
  /** What the log last gave the field (as logged), and the row saying so (or creating the order). */
  last: string;
  lastRow: number;
  /** The old value the later line logs, and its row. */
  old: string;
  logRow: number;
}

/**
 * A technician's step, or a Time or Parts Used row recorded, logged by someone the log did not have as
 * the order's assignee then.
 */
export interface ForeignStep {
  logRow: number;
  user: string;
  /** The status line of the step, as logged ('' for a row recorded). */
  from: string;
  to: string;
  /** The tab of the row recorded (Time, Parts Used), or '' for a step. */
  recorded: string;
  /** The log's Assignee at that row ('' for none), and the row that gave it. */
  assignee: string;
  assigneeRow: number;
}

/** The status line of a step only the assignee (or a supervisor) may take, or false. */
export function isAssigneeStep(line: FieldLine): boolean {
  const { oldValue, newValue } = line;
  if (!isStatus(oldValue) || !isStatus(newValue)) return false;
  return findTransition(oldValue, newValue)?.actors.includes('assignee') ?? false;
}

function isStatus(text: string): text is Status {
  return (STATUSES as readonly string[]).includes(text);
}

export const sameEmail = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The columns only a supervisor's step stamps, with the account that took it. */
const STAMPED_BY: readonly string[] = [REGISTER_COLUMNS.decidedBy, REGISTER_COLUMNS.closedBy];

/**
 * Whether a log row's Changes (`text`) show `user` deciding or closing an order as themselves: a step
 * only a supervisor may take, so `user` supervised when they wrote it. The Staff tab says who
 * supervises now; a supervisor who worked a technician's order from My work may since have left or
 * changed role, and their step is still theirs to take. Cheap on the rows that cannot say so.
 */
export function stampsOwnSupervisorStep(user: string, text: string): boolean {
  if (!STAMPED_BY.some((header) => text.includes(header))) return false;
  return parseChanges(text).some((line) => STAMPED_BY.includes(line.field) && sameEmail(line.newValue, user));
}

/** The end of a value the log cut to fit its cell (sanitize.ts truncationMarker), with the length it had. */
const CUT = /… \[truncated: ([\d,]+) characters received\]$/;

/** `text` as logged: its whole length, and what is left of it (all of it when not cut). */
function loggedText(text: string): { length: number; kept: string } {
  const cut = CUT.exec(text);
  if (!cut) return { length: text.length, kept: text };
  return { length: Number(cut[1]!.replace(/,/g, '')), kept: text.slice(0, cut.index) };
}

/**
 * Whether a line's old value is what the log last gave the field. A change of a long text (Progress
 * Notes of 30,000 characters, a note added) is too long for one log cell with both values whole, so
 * its old value is cut (change-log-row.ts fitLine: the row that set it holds it whole): the same text
 * when what is left begins the last value and the length it had is the last value's.
 */
export function sameOldValue(last: string, old: string): boolean {
  if (last === old) return true;
  const a = loggedText(last);
  const b = loggedText(old);
  if (a.length !== b.length || (a.kept === last && b.kept === old)) return false;
  return a.kept.length <= b.kept.length ? b.kept.startsWith(a.kept) : a.kept.startsWith(b.kept);
}

/**
 * Whether `user` logged work on an order whose assignee the log had as someone else (`assignee`, or one
 * of the values unconfirmed lines gave it): My work and the update form refuse a step or a Time or
 * Parts Used row from anyone but the assignee (or a supervisor, whom the caller leaves out), so such a
 * row was made with the Assignee cell swapped outside the add-on.
 */
export function notTheAssignee(user: string, assignee: string | null, pending: readonly string[]): boolean {
  if (user === '' || assignee === null || sameEmail(user, assignee)) return false;
  return !pending.some((a) => sameEmail(a, user));
}

/**
 * Whether a line's old value can be judged against the log's last value: not when the writer said it
 * did not know it (a long text no record kept).
 */
export function oldValueKnown(line: FieldLine): boolean {
  return line.oldValue !== UNKNOWN_OLD_TEXT;
}

/**
 * Whether a register row's order is one the log should hold a line of and holds none: ids are handed
 * out in increasing order, and an order's whole history stays in the live tab while it is in the
 * register (archiving moves the log's rows only up to the first row of an order still there). So an
 * id above the lowest the live tab created (`lowestCreated`) that no line names was never created by
 * the add-on. Lower ids (orders from before the log began, or whose history was archived) and ids of
 * another form are not judged: nothing tells them from honest rows. Nor is an order a schedule made
 * (its Response Row, `responseRef`, names the schedule): the hourly job runs with no document, so its
 * log rows wait for the owner's next execution in the document (a form submission, an edit) while
 * the order is already in the register.
 */
export function neverCreated(
  id: string,
  mentioned: boolean,
  lowestCreated: number | null,
  responseRef: string,
): boolean {
  if (mentioned || lowestCreated === null || parseScheduleRef(responseRef.trim()) !== null) return false;
  const n = parseRequestId(id);
  return n !== null && n > lowestCreated;
}

/**
 * Whether a register row no log line names may be a form request the hourly job took in (its trigger
 * missed the response), whose log rows wait in the job's hand-off like a schedule's (see neverCreated):
 * newer than every order the log created (any execution of the owner's in the document appends the
 * hand-off, and a form submission or an edit numbering an order is one), made from a form response,
 * and recorded as itself in its Last Known State (`recordedId`; a copied or made-up row is not).
 */
export function awaitingLog(
  id: string,
  highestCreated: number | null,
  responseRef: string,
  recordedId: string | null,
): boolean {
  const n = parseRequestId(id);
  if (n === null || recordedId !== id || parseResponseRef(responseRef.trim()) === null) return false;
  // The job numbers what it takes in from the counter, so the orders waiting follow the highest the
  // log created: an id far above it (a row made up with a record to match) is not one of them.
  return highestCreated === null || (n > highestCreated && n - highestCreated <= MAX_AWAITING_LOG);
}

/**
 * Orders the hourly job may have taken in whose log rows still wait for the owner's next execution in
 * the document (any edit or submission appends them): far more than the responses a run takes in
 * (bench: 200 missed responses in one run) and than a day's requests at 100 a day.
 */
export const MAX_AWAITING_LOG = 1_000;
