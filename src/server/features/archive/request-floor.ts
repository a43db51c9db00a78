/**
 * The document's request floor (the highest request id issued, as setup's counters keep it: a number
 * in document properties) raised to the ids an archive run moves out. Take over installation and
 * Repair work orders rebuild the request counter from the register and the live Change Log, which
 * after archiving no longer hold an archived order's id: its register row is gone, and its Created row
 * is in an archive file or is the live tab's first row, the link, which cannot be told genuine without
 * the row before it. Left at what setup last wrote, the floor let the next request after a take-over
 * be given an archived order's id. Raised under the chunk's locks, before the rows are deleted, so a
 * run stopped in between has raised it already; never lowered.
 */
import { entriesOfRow } from '../../../core/change-log-row';
import { parseRequestId, readRequestCounter } from '../../../core/ids';
import { CREATED_FIELD } from '../../../core/replay';
import { PROPERTY_KEYS, documentProperties } from '../../adapters/document-properties';

/** Raises the floor to the highest of `ids` (request ids; others are ignored): one read, a write if higher. */
export function raiseRequestFloor(ids: Iterable<string>): void {
  let highest = 0;
  for (const id of ids) highest = Math.max(highest, parseRequestId(id) ?? 0);
  if (highest === 0) return;
  const props = documentProperties();
  const floor = readRequestCounter(props.getProperty(PROPERTY_KEYS.requestCounter)) ?? 0;
  if (highest > floor) props.setProperty(PROPERTY_KEYS.requestCounter, String(highest));
}

/** The request ids the Created lines of change-log `rows` name (rows the log's move verified). */
export function createdIds(rows: readonly (readonly unknown[])[]): string[] {
  return rows.flatMap((row) =>
    entriesOfRow(row)
      .filter((line) => line.field === CREATED_FIELD)
      .map((line) => line.recordId),
  );
}
