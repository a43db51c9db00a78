/**
 * How change-log entries become rows and rows become entries again.
 *
 * Writers log field-level entries (at, user, source, record, field, old, new). Consecutive entries of
 * one action — same second, user, source and record — share a row, their field changes as lines of
 * the row's Changes cell (change-lines.ts). Readers get the field-level entries back from the sheet
 * with `entriesOfRow`, so reports and tests never depend on how entries were packed.
 */
import { formatFieldLine, parseChanges, type FieldLine } from './change-lines';
import { asText } from './headers';
import { CHANGE_LOG_HEADERS, SOURCES, type ChangeLogEntry, type ChangeSource } from './model';
import { asCellText, CELL_CHAR_LIMIT, truncationMarker } from './sanitize';
import { isValidDate, parseIso, wholeSeconds } from './time';

export type UnhashedEntry = Omit<ChangeLogEntry, 'hash'>;

/** One change-log row before hashing, as its cells will read back. */
export interface LogAction {
  /** Cut to whole seconds: a cell may not give back milliseconds. */
  at: Date;
  user: string;
  source: ChangeSource;
  recordId: string;
  /** The Changes cell's text. */
  changes: string;
}

export const LOG_COLUMN = {
  at: CHANGE_LOG_HEADERS.indexOf('Timestamp'),
  user: CHANGE_LOG_HEADERS.indexOf('User'),
  source: CHANGE_LOG_HEADERS.indexOf('Source'),
  recordId: CHANGE_LOG_HEADERS.indexOf('Record ID'),
  changes: CHANGE_LOG_HEADERS.indexOf('Changes'),
  hash: CHANGE_LOG_HEADERS.indexOf('Hash'),
} as const;

/** Room in a Changes cell, keeping one character for the apostrophe asCellText may put in front. */
const CHANGES_LIMIT = CELL_CHAR_LIMIT - 1;

/** True when two entries belong to one action, and so to one row: same second, user, source and record. */
export function sameAction(a: UnhashedEntry, b: UnhashedEntry): boolean {
  return (
    Math.floor(a.at.getTime() / 1000) === Math.floor(b.at.getTime() / 1000) &&
    a.user === b.user &&
    a.source === b.source &&
    a.recordId === b.recordId
  );
}

/** `value` cut to at most `max` characters, ending with the truncation marker (its whole length). */
function cutTo(value: string, max: number): string {
  const marker = truncationMarker(value.length);
  if (max <= marker.length) return marker;
  return value.slice(0, max - marker.length) + marker;
}

/**
 * A line that fits one cell. Only a change of a huge text can be too long (old and new together up to
 * twice a cell): the old value is cut first, since the row that set it holds it whole already.
 */
function fitLine(line: FieldLine): FieldLine {
  let fitted = line;
  for (const part of ['oldValue', 'newValue', 'field'] as const) {
    for (let i = 0; i < 4; i++) {
      const excess = formatFieldLine(fitted).length - CHANGES_LIMIT;
      if (excess <= 0) return fitted;
      const value = fitted[part];
      // JSON escapes may lengthen what is cut, hence the loop; the slack keeps it short. Cut from the
      // whole value again, so the marker says its length, not the length of an earlier cut.
      fitted = { ...fitted, [part]: cutTo(line[part], Math.max(0, value.length - excess - 64)) };
    }
  }
  return fitted;
}

/** The lines of one action split into cells of at most CHANGES_LIMIT characters. */
function changeCells(lines: readonly FieldLine[]): string[] {
  const cells: string[] = [];
  let current: string[] = [];
  let length = 0;
  for (const line of lines) {
    const text = formatFieldLine(fitLine(line));
    if (current.length > 0 && length + 1 + text.length > CHANGES_LIMIT) {
      cells.push(current.join('\n'));
      current = [];
      length = 0;
    }
    length += (current.length > 0 ? 1 : 0) + text.length;
    current.push(text);
  }
  if (current.length > 0) cells.push(current.join('\n'));
  return cells;
}

/**
 * The rows `entries` make: consecutive entries of one action share a row. Text is cleaned as the
 * cells will hold it, so what is hashed is exactly what reads back.
 */
export function toActions(entries: readonly UnhashedEntry[]): LogAction[] {
  const actions: LogAction[] = [];
  for (let i = 0; i < entries.length;) {
    const first = entries[i] as UnhashedEntry;
    let end = i + 1;
    while (end < entries.length && sameAction(first, entries[end] as UnhashedEntry)) end++;
    const lines = entries
      .slice(i, end)
      .map((e) => ({ field: e.field, oldValue: e.oldValue, newValue: e.newValue }));
    const base = {
      at: wholeSeconds(first.at),
      user: asCellText(first.user).text,
      source: first.source,
      recordId: asCellText(first.recordId).text,
    };
    for (const changes of changeCells(lines)) actions.push({ ...base, changes: asCellText(changes).text });
    i = end;
  }
  return actions;
}

/** The cells to write for an action and its hash (text neutralized so Sheets stores it verbatim). */
export function actionCells(action: LogAction, hash: string): unknown[] {
  const row = new Array<unknown>(CHANGE_LOG_HEADERS.length);
  row[LOG_COLUMN.at] = action.at;
  row[LOG_COLUMN.user] = asCellText(action.user).cell;
  row[LOG_COLUMN.source] = action.source;
  row[LOG_COLUMN.recordId] = asCellText(action.recordId).cell;
  row[LOG_COLUMN.changes] = asCellText(action.changes).cell;
  // The hash too: a hex string of only digits (and an 'e') would otherwise become a number.
  row[LOG_COLUMN.hash] = asCellText(hash).cell;
  return row;
}

/** A timestamp cell: a Date as Sheets returns it, or ISO text pasted by someone; null otherwise. */
export function timestampOf(value: unknown): Date | null {
  if (isValidDate(value)) return value;
  return typeof value === 'string' ? parseIso(value.trim()) : null;
}

/**
 * The field-level entries one row holds, as read back from the sheet. A row whose timestamp or source
 * is not readable gives an Invalid Date or 'system'; Verify audit log reports such rows.
 */
export function entriesOfRow(row: readonly unknown[]): ChangeLogEntry[] {
  const source = asText(row[LOG_COLUMN.source]);
  const base = {
    at: timestampOf(row[LOG_COLUMN.at]) ?? new Date(NaN),
    user: asText(row[LOG_COLUMN.user]),
    source: ((SOURCES as readonly string[]).includes(source) ? source : 'system') as ChangeSource,
    recordId: asText(row[LOG_COLUMN.recordId]).trim(),
    hash: asText(row[LOG_COLUMN.hash]),
  };
  return parseChanges(asText(row[LOG_COLUMN.changes])).map((line) => ({ ...base, ...line }));
}

/** Every entry of these rows, in order. */
export function entriesOfRows(rows: readonly (readonly unknown[])[]): ChangeLogEntry[] {
  const entries: ChangeLogEntry[] = [];
  for (const row of rows) for (const entry of entriesOfRow(row)) entries.push(entry);
  return entries;
}
