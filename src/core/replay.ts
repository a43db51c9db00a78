/**
 * Rebuilding a work order from the change log alone. The log is the add-on's trusted record (every
 * row keyed with a secret no editor holds): when a register row is deleted by hand, or a paste
 * overwrites a row together with its hidden Last Known State, the register itself no longer says what
 * the order held, and the log is where it is read back from.
 *
 * What the log holds of an order: a "Created" row (with the form response it came from), every field
 * change as "<Header>: old → new" with the new value as written (ISO-8601 for dates), requestor
 * replies appended to the Progress Notes, and "Archived" when it left the register by design. The
 * request's answers themselves are in the form-responses tab (vouched for by the logged digest):
 * the caller turns them into the starting order (`newWorkOrder`), and `replayOrder` applies the rest.
 *
 * Pure: no Apps Script service.
 */
import { formatFieldLine } from './change-lines';
import { isDateField } from './field-changes';
import { parseRequestId } from './ids';
import {
  REGISTER_COLUMNS,
  STATUSES,
  emptyWorkOrder,
  type Status,
  type WorkOrder,
  type WorkOrderField,
} from './model';
import { notesWithReply } from './reply-form';
import { formatLocal, parseIso } from './time';

/** The log's field names that are not register columns but still shape the order. */
export const CREATED_FIELD = 'Created';
export const ARCHIVED_FIELD = 'Archived';
export const REPLY_FIELD = 'Requestor Reply';
/** The row the add-on logs when it puts a deleted order back. */
export const RESTORED_FIELD = 'Restored';

/** One field-level log entry, as `entriesOfRow` reads it back. */
export interface LoggedLine {
  at: Date;
  recordId: string;
  field: string;
  oldValue: string;
  newValue: string;
}

/** What the log says of one record, in log order. */
export interface RecordHistory {
  id: string;
  /** The "Created" row: when, and the form response it came from ('' when not recorded). */
  created: { at: Date; ref: string } | null;
  /** Moved to the Archive tab by design (an "Archived" row after the last "Created"). */
  archived: boolean;
  lines: LoggedLine[];
}

const FIELD_OF_HEADER = new Map<string, WorkOrderField>(
  (Object.entries(REGISTER_COLUMNS) as [WorkOrderField, string][]).map(([field, header]) => [header, field]),
);

/** The form response named by a "Created" row's new value, "Submitted (Form Responses 1!A7)". */
export function createdRef(newValue: string): string {
  const m = /\(([^()]*![A-Z]+\d+)\)\s*$/.exec(newValue);
  return m ? (m[1] as string) : '';
}

/** Adds log lines to the histories of the records they name (all records, or only `wanted`). */
export function collectHistories(
  lines: Iterable<LoggedLine>,
  into: Map<string, RecordHistory>,
  wanted: ReadonlySet<string> | null = null,
): void {
  for (const line of lines) {
    const id = line.recordId.trim();
    if (id === '' || (wanted && !wanted.has(id))) continue;
    let history = into.get(id);
    if (!history) {
      history = { id, created: null, archived: false, lines: [] };
      into.set(id, history);
    }
    if (line.field === CREATED_FIELD) {
      history.created = { at: line.at, ref: createdRef(line.newValue) };
      history.archived = false;
    } else if (line.field === ARCHIVED_FIELD) history.archived = true;
    history.lines.push(line);
  }
}

/** Request ids the log knows as live orders: created, and not archived since. */
export function liveIds(histories: ReadonlyMap<string, RecordHistory>): string[] {
  const ids: string[] = [];
  for (const h of histories.values()) if (h.created && !h.archived) ids.push(h.id);
  return ids.sort(compareIds);
}

/** Request ids in number order (REQ-000002 before REQ-000010); others after, alphabetically. */
export function compareIds(a: string, b: string): number {
  const x = parseRequestId(a);
  const y = parseRequestId(b);
  if (x !== null && y !== null) return x - y;
  if (x !== null) return -1;
  if (y !== null) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function fieldValue(field: WorkOrderField, text: string): WorkOrder[WorkOrderField] | undefined {
  if (isDateField(field)) return text.trim() === '' ? null : (parseIso(text.trim()) ?? undefined);
  if (field === 'status')
    return (STATUSES as readonly string[]).includes(text) ? (text as Status) : undefined;
  if (field === 'revision') return undefined;
  return text;
}

export interface ReplayOptions {
  /** The spreadsheet's time zone: replies are stamped in the notes in local time. */
  timeZone: string;
}

export interface Replayed {
  order: WorkOrder;
  /** Logged values that could not be read back (a date that is not ISO-8601…), as log lines. */
  unreadable: string[];
}

/**
 * The order the log describes: `start` (the request as the form answered it, or an empty order) with
 * every logged change applied in order. Revision counts the log rows that changed the order.
 */
export function replayOrder(
  history: RecordHistory,
  start: WorkOrder | null,
  options: ReplayOptions,
): Replayed {
  const base = start ?? emptyWorkOrder();
  let order: WorkOrder = {
    ...base,
    id: history.id,
    status: 'Submitted',
    requestedAt: history.created?.at ?? base.requestedAt,
    // A Created line names a form's response row; a schedule's occurrence comes with its start.
    responseRef: history.created?.ref || base.responseRef,
    // The intake's problems are logged as a "Needs Review" change when there were any.
    reviewFlag: '',
    revision: 1,
  };
  const unreadable: string[] = [];
  const changedAt = new Set<number>();
  const bump = (at: Date): void => {
    if (at.getTime() !== history.created?.at.getTime()) changedAt.add(at.getTime());
  };
  for (const line of history.lines) {
    if (line.field === CREATED_FIELD || line.field === ARCHIVED_FIELD) continue;
    if (line.field === REPLY_FIELD) {
      order = {
        ...order,
        notes: notesWithReply(order.notes, formatLocal(line.at, options.timeZone), line.newValue),
      };
      bump(line.at);
      continue;
    }
    const field = FIELD_OF_HEADER.get(line.field);
    if (!field || field === 'id' || field === 'revision') continue;
    const value = fieldValue(field, line.newValue);
    if (value === undefined) {
      unreadable.push(formatFieldLine(line));
      continue;
    }
    order = { ...order, [field]: value };
    bump(line.at);
  }
  return { order: { ...order, revision: 1 + changedAt.size }, unreadable };
}
