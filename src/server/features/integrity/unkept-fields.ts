/**
 * A paste refused in a cell whose earlier value the row's record keeps only as a keyed print (a long
 * or never-edited text: Description, Requester, Results…, see core/row-state-codec.ts): the earlier
 * value is found and put back when it matches the print. Where it is looked for, cheapest first:
 *
 *  1. the request's answers (a field nobody changed since intake holds what the form gave): the
 *     response row the record names (or the row's Response cell, when it matches its own print);
 *  2. the change log, read from the bottom up in growing chunks (change-log-read.ts), at most
 *     SCAN_ROWS rows: the latest change of the field whose new value matches the print is the value;
 *     a record's "Created" row ends its search there and names its response row, read as in 1;
 *  3. what the scan leaves open, the whole log replayed (./log-history, ./rebuild), from a reading
 *     made without the document lock (./log-snapshot): the section stops before writing anything,
 *     the log is read with the lock free, and the section runs again, reading under the lock only
 *     the log rows appended since, and going to that reading straight. Only rows the add-on wrote
 *     count there, and the print still decides; the scan runs again only for what that leaves open
 *     when the log holds rows about these orders that the add-on's MACs do not vouch for.
 *
 * Why 1 and 2 need not check the log's MAC chain (3 does, as it reads the whole log anyway): the
 * print is keyed with the add-on's secret, which no editor holds, so a text typed into a forged log
 * row or response row passes only if it is the text the record printed. A forged candidate that does
 * not match is skipped and the search goes on upward. Prints are 18 bits, so a forger's random text
 * matches one time in 262,144: the search tries at most MAX_TRIES texts per field (./unkept-wants),
 * which bounds that chance to 1 in 16,000 per field and makes burying the true value under forged
 * rows (or a forged "Created" row, which ends that record's search) cost only the put back (the cell
 * is left for Undo), never a wrong text.
 *
 * Progress Notes last changed by a requestor's reply (the add-on appends it with its local time, a
 * column the scan does not read) are not found by the scan, and a text the log had to cut is not
 * rebuilt at all.
 *
 * When nothing matches, or the log cannot be read outside the lock (no secret, a log changed under
 * every reading, a section that already held the lock), the refusal stays as it was: the cell keeps
 * the pasted text with a note saying to use Undo (judge.ts NOT_KEPT). Nothing stored is lost: the log
 * still holds the earlier text, and Undo or a person reading the log can put it back.
 */
import { parseChanges } from '../../../core/change-lines';
import { LOG_COLUMN } from '../../../core/change-log-row';
import { cellText } from '../../../core/columns';
import { REGISTER_COLUMNS, type WorkOrder, type WorkOrderField } from '../../../core/model';
import { CREATED_FIELD, createdRef } from '../../../core/replay';
import { addonKey } from '../../adapters/addon-secret';
import { readChangeLogBackward } from '../../adapters/change-log-read';
import { readCheckpoint } from '../../adapters/change-log-tail';
import type { ReferenceData } from '../../adapters/reference-data';
import { logSheet } from '../../adapters/workbook';
import { NOT_KEPT, type RowVerdict } from '../edits/judge';
import { WHOLE_LOG_READING, type LogReading } from './log-snapshot';
import type { PastedRows } from './paste';
import { rebuildOrders } from './rebuild';
import { ANSWERED, idsOf, offer, open, tryResponses, unkept, wantedCells, type Wanted } from './unkept-wants';
import type { Spreadsheet } from '../../adapters/apps-script-types';

/**
 * Rows of the log read at most, from the bottom. Price under bench/cost-model.ts (100 ms a read,
 * 10 µs a cell): two columns of 100,000 rows are 200,000 cells, 2.0 s, in six reads (chunks below),
 * 0.6 s (later reads of the same sheet are answered by the read cache: less): about 2.6 s plus the
 * scan's JavaScript, so with the rest of a 50-row paste (about 1.7 s) the document lock is held about
 * 5 s at worst, under the 10 s allowed, whatever the log's length (measured at 100,000 orders, 150
 * refused cells, the scan to its bound: 3.96 s held; bench/edits-focus.ts). At the benchmark's pace
 * (about 10 log rows per order) it reaches back over the last 10,000 orders' history; what it leaves
 * open costs a reading of the whole log outside the lock and a second, short hold (see above).
 */
export const SCAN_ROWS = 100_000;
/** Chunk sizes, bottom up: a change made lately is found in the first, small read. */
const SCAN_CHUNKS = [500, 2_000, 8_000, 32_000] as const;

const FIELD_OF_HEADER = new Map<string, WorkOrderField>(
  (Object.entries(REGISTER_COLUMNS) as [WorkOrderField, string][]).map(([field, header]) => [header, field]),
);

/** Searches the log's last rows for what is still open (see the file comment). */
function scanLog(
  ss: Spreadsheet,
  wants: readonly Wanted[],
  refsOf: ReadonlyMap<Wanted, string>,
  reference: ReferenceData,
): void {
  const byId = new Map<string, Wanted[]>();
  for (const want of open(wants)) {
    const id = want.state.order.id;
    byId.set(id, [...(byId.get(id) ?? []), want]);
  }
  if (byId.size === 0) return;
  const created = new Map<Wanted, string>();
  const first = Math.min(LOG_COLUMN.recordId, LOG_COLUMN.changes);
  const columns = Math.abs(LOG_COLUMN.changes - LOG_COLUMN.recordId) + 1;
  const idAt = LOG_COLUMN.recordId - first;
  const changesAt = LOG_COLUMN.changes - first;
  // From the last row the add-on committed (the checkpoint, in the properties this execution has read
  // already) rather than the sheet's last row: no getLastRow call, and no row typed below it is taken
  // for history.
  const committed = readCheckpoint()?.row;
  const scan = {
    firstColumn: first,
    columns,
    chunks: SCAN_CHUNKS,
    maxRows: SCAN_ROWS,
    ...(committed === undefined ? {} : { bottom: committed }),
  };
  readChangeLogBackward(logSheet(ss), scan, (rows) => {
    for (let r = rows.length - 1; r >= 0; r--) {
      const row = rows[r] as unknown[];
      const id = cellText(row[idAt]).trim();
      const pending = byId.get(id);
      if (!pending) continue;
      // Lines of one row in reverse too: the latest change of a field comes first.
      const lines = parseChanges(cellText(row[changesAt])).reverse();
      for (const line of lines) {
        if (line.field === CREATED_FIELD) {
          // Older rows belong to an earlier life of the id: what is still open came from the answers.
          const ref = createdRef(line.newValue);
          for (const want of pending) if (want.field === 'responseRef') offer(want, ref);
          for (const want of open(pending))
            if (ref !== '' && ANSWERED.has(want.field) && refsOf.get(want) !== ref) created.set(want, ref);
          byId.delete(id);
          break;
        }
        const field = FIELD_OF_HEADER.get(line.field);
        if (field) for (const want of pending) if (want.field === field) offer(want, line.newValue);
      }
      if (byId.has(id) && open(pending).length === 0) byId.delete(id);
      if (byId.size === 0) return true;
    }
    return false;
  });
  if (created.size > 0) tryResponses(ss, created, reference);
}

/**
 * The orders whose refused texts this paste may look for in the log, for a reading of it made
 * before the lock for another put-back (./paste) to gather their lines too.
 */
export function unkeptRecordIds(rows: PastedRows, verdicts: readonly RowVerdict[]): Set<string> {
  return idsOf(wantedCells(rows, verdicts).wants);
}

/**
 * Offers each cell still open its value as the genuine log rows replay it (./log-history,
 * ./rebuild), from a reading made without the lock. Returns how many rows about the orders the
 * reading could not vouch for (skipped), or null when it cannot tell.
 */
function replayReading(
  ss: Spreadsheet,
  wants: readonly Wanted[],
  reference: ReferenceData,
  log: LogReading,
): number | null {
  const key = addonKey(ss.getId());
  const knowledge = key ? log.knowledge(ss, idsOf(open(wants))) : null;
  if (!key || !knowledge) return null;
  const histories = [...idsOf(open(wants))].flatMap((id) => {
    const history = knowledge.live.has(id) ? knowledge.histories.get(id) : undefined;
    return history ? [history] : [];
  });
  if (histories.length === 0) return knowledge.skipped;
  const context = { key, settings: reference.settings, timeZone: reference.timeZone, staff: reference.staff };
  const orders = rebuildOrders(ss, histories, context);
  for (const want of open(wants)) {
    const value = orders.get(want.state.order.id)?.[want.field];
    if (typeof value === 'string') offer(want, value);
  }
  return knowledge.skipped;
}

/**
 * Looks in the log for the cells still open. With a reading made outside the lock in hand (this
 * section runs again after one), the replay of the whole log, and the scan only for what it leaves
 * open when the log holds rows it could not vouch for (the scan takes a text from any row, the print
 * deciding). Otherwise the scan, and when that leaves cells open, the section stops before writing
 * anything (LogReadNeeded) so that the whole log is read with the lock free, for the orders of every
 * cell the answers left open.
 */
function findInLog(
  ss: Spreadsheet,
  wants: readonly Wanted[],
  refsOf: ReadonlyMap<Wanted, string>,
  reference: ReferenceData,
  log: LogReading,
): void {
  const ids = idsOf(open(wants));
  if (ids.size === 0) return;
  if (log.hasReading) {
    const unvouched = replayReading(ss, wants, reference, log);
    if (open(wants).length === 0 || unvouched === 0) return;
  }
  scanLog(ss, wants, refsOf, reference);
  if (open(wants).length > 0) log.ensureRead(() => ids);
}

/**
 * The verdicts with each refused cell whose earlier value is found (see the file comment) put back
 * as before, and its note without the advice to use Undo.
 */
export function putBackUnkeptFields(
  ss: Spreadsheet,
  rows: PastedRows,
  verdicts: RowVerdict[],
  reference: ReferenceData,
): RowVerdict[] {
  if (rows.stateIndex < 0 || !verdicts.some((v) => unkept(v).length > 0)) return verdicts;
  if (!addonKey(ss.getId())) return verdicts;
  const { wants, refsOf } = wantedCells(rows, verdicts);
  if (wants.length === 0) return verdicts;
  tryResponses(ss, refsOf, reference);
  findInLog(ss, wants, refsOf, reference, rows.log ?? WHOLE_LOG_READING);
  const found = new Map<string, string>();
  for (const want of wants)
    if (want.value !== undefined) found.set(`${want.row}\u0000${want.field}`, want.value);
  if (found.size === 0) return verdicts;
  return verdicts.map((verdict, i) => {
    if (verdict.kind !== 'judged') return verdict;
    const before = { ...verdict.before } as Record<WorkOrderField, unknown>;
    const next = { ...verdict.next } as Record<WorkOrderField, unknown>;
    const unknownOld = new Set(verdict.unknownOld);
    const notes = new Map(verdict.notes);
    let changed = false;
    const refused = verdict.refused.map((r) => {
      const value = r.field === 'state' || r.restored ? undefined : found.get(`${i}\u0000${r.field}`);
      if (value === undefined || r.field === 'state') return r;
      changed = true;
      before[r.field] = value;
      next[r.field] = value;
      unknownOld.delete(r.field);
      if (notes.get(r.field) === `${r.reason}. ${NOT_KEPT}`) notes.set(r.field, r.reason);
      return { ...r, restored: true };
    });
    if (!changed) return verdict;
    return {
      ...verdict,
      before: before as unknown as WorkOrder,
      next: next as unknown as WorkOrder,
      refused,
      unknownOld,
      notes,
    };
  });
}
