/**
 * Work records follow their order to the archive: once an order is in an archive file and gone from the
 * register, its rows on the Checklist Items, Time and Parts Used tabs move to the same-named tabs of
 * that file, so the live spreadsheet frees their cells too (and My work's and the cost report's whole-tab
 * reads stop growing with history). Orders archived by earlier versions, which left their rows behind,
 * are caught up the same way.
 *
 * Each tab is planned without any lock (Checklist Items from its Record ID column; Time and Parts Used
 * read whole, so rows whose seal does not verify are left before any lock), then moved in chunks of
 * one archive year, each under both locks and priced to hold them a few seconds (record-plan.ts):
 *  1. the chunk's span of live rows is read again and every planned row must still hold its id
 *     (a row inserted or deleted by hand since: the tab is planned again);
 *  2. a progress marker names where in the archive tab the copy will go (progress.ts);
 *  3. the rows are appended to the archive tab (one write), laid out by header;
 *  4. the live rows are deleted, one deleteRows per contiguous run, bottom-up;
 *  5. the marker is removed.
 * A run stopped after 3 leaves live rows that are already copied: the next run reads the rows the
 * marker names back from the archive and deletes the live rows equal to them (by key, each copy
 * used once) instead of copying them again. Stopped before 3, the marker names rows that hold nothing
 * and the live rows are simply moved again. A row's seal is kept as it is, so Verify audit log finds
 * it in the archive file (audit/work-records.ts).
 */
import { hasEntrySeals, rowsAsWritten } from '../../../core/labour';
import type { HmacKey } from '../../../core/sha256';
import { completedHeader } from '../../../core/headers';
import { appendArchiveRows } from '../../adapters/archive-tab';
import {
  openArchiveRecordTab,
  readPlannedRows,
  readRecordIds,
  readRecordRows,
  type ArchiveRecordTab,
} from '../../adapters/archive-record-tabs';
import { finishInterrupted } from './records-resume';
import { LockBusyError, withOwnerAndDocumentLocks } from '../../adapters/document-lock';
import { findTab } from '../../adapters/workbook';
import { deleteRowRunsOf, gridRows, lastUsedRow } from '../../adapters/tabs';
import { RECORD_TABS } from '../checklists/tabs';
import type { ArchiveTargets } from './files';
import { archivedOrders } from './archived-orders';
import { descendingBlocks } from './plan';
import { recordMarker } from './progress';
import {
  RECORD_ID,
  archivedRecordRow,
  planRecordChunks,
  recordsToMove,
  type RecordChunk,
  type RunBudget,
} from './record-plan';
import type { Sheet, Spreadsheet } from '../../adapters/apps-script-types';

/** A tab planned again this many times at most in one run when hand edits keep moving its rows. */
const PLAN_ATTEMPTS = 3;
/** Planning a tab: its header, last row and id column (~0.1 s a call), ~10 µs a cell read. */
const PLAN_TAB_MS = 300;
const PLAN_CELL_MS = 0.01;

export interface RecordsResult {
  /** Work-record rows moved to archive files by this run. */
  moved: number;
  /** Rows found due and left for the next run (time ran out, or hand edits kept moving them). */
  remaining: number;
  /** Tabs not looked at because the run's time ran out. */
  notReached: string[];
  /** Whether a move an earlier run left unfinished was finished first. */
  resumed: boolean;
  /**
   * Time and Parts Used rows of archived orders left where they are: typed or changed by hand (their
   * seal does not verify), so Verify audit log can still report them there and put back what it can.
   */
  leftAsTyped: number;
  /** Archive files that could not be opened (their orders' rows stay until they can). */
  unreadable: string[];
}

/** What a run that moved no work record reports (`reached`: whether it looked at the tabs). */
export function noRecordsMoved(reached: boolean): RecordsResult {
  const notReached = reached ? [] : RECORD_TABS.map(([name]) => name);
  return { moved: 0, remaining: 0, notReached, resumed: false, leftAsTyped: 0, unreadable: [] };
}

/** What moving work records works with: this run's archive files, key and time. */
export interface RecordsRun {
  ss: Spreadsheet;
  /**
   * The register's ids once this run's orders left it: a row of one of them stays (an order both
   * archived and back in the register was restored by hand).
   */
  live: ReadonlySet<string>;
  targets: ArchiveTargets;
  /** The add-on's key (seals are checked with it); null before setup made one. */
  key: HmacKey | null;
  /** Opens a year's archive file under a hold of its own (reading its ids), once per run. */
  openYear: (year: number) => void;
  budget: RunBudget;
}

/** Moves the work records of archived orders, in the time the run has left. */
export function archiveWorkRecords(run: RecordsRun): RecordsResult {
  const result = noRecordsMoved(true);
  const finished = new Set<string>();
  try {
    moveAll(run, result, finished);
  } catch (error) {
    // Someone else's change held the lock past its wait: the orders' own moves stand, and what is
    // left of their records waits for the next run rather than failing this one.
    if (!(error instanceof LockBusyError)) throw error;
    const left = RECORD_TABS.map(([name]) => name).filter((name) => !finished.has(name));
    result.notReached = [...result.notReached, ...left];
  }
  return result;
}

function moveAll(
  { ss, live, targets, key, openYear, budget }: RecordsRun,
  result: RecordsResult,
  /** The tabs this run is done with (moved, left for the next run, or not looked at). */
  finished: Set<string>,
): void {
  const { yearOf, unreadable } = archivedOrders(targets, openYear);
  result.unreadable.push(...unreadable);
  if (yearOf.size === 0) return;
  const tabs = new Map<string, ArchiveRecordTab>();
  const tabOf = (year: number, name: string, liveHeader: readonly string[]): ArchiveRecordTab => {
    const key = `${year}\n${name}\n${liveHeader.join('\t')}`;
    let tab = tabs.get(key);
    if (!tab) {
      const book = targets.target(year).book;
      tab = withOwnerAndDocumentLocks(() =>
        openArchiveRecordTab(book, name, (existing) => completedHeader(existing, liveHeader)),
      );
      tabs.set(key, tab);
    }
    return tab;
  };
  const unfinished = recordMarker.load();
  if (unfinished) {
    if (!finishInterrupted(ss, targets, unfinished, yearOf, budget)) {
      result.notReached = RECORD_TABS.map(([name]) => name);
      return;
    }
    result.resumed = true;
  }
  for (const [name] of RECORD_TABS) {
    if (!budget.allows(PLAN_TAB_MS)) {
      result.notReached.push(name);
      finished.add(name);
      continue;
    }
    for (let attempt = 1; attempt <= PLAN_ATTEMPTS; attempt++) {
      const sheet = findTab(ss, name);
      if (!sheet) break;
      const { header, ids, asWritten, cells } = planTab(sheet, name, key);
      budget.spend(PLAN_TAB_MS + cells * PLAN_CELL_MS);
      const due = recordsToMove(ids, yearOf, live);
      // A Time or Parts Used row typed or changed by hand is left at planning, so no run spends its
      // locks on it again; one changed since is left under the lock (moveChunk).
      const sealed = asWritten ? due.filter((m) => asWritten[m.row - 2]) : due;
      const chunks = planRecordChunks(sealed, header.length);
      let i = 0;
      let stale = false;
      // Counted for the last plan only: a tab planned again meets the rows it left once more.
      let leftAsTyped = due.length - sealed.length;
      for (; i < chunks.length; i++) {
        const chunk = chunks[i] as RecordChunk;
        if (!budget.allows(chunk.estimatedMs)) break;
        const tab = tabOf(chunk.year, name, header);
        const done = withOwnerAndDocumentLocks(() => moveChunk(sheet, name, header, chunk, tab, key));
        if (!done) {
          stale = true;
          break;
        }
        result.moved += done.moved;
        leftAsTyped += done.leftAsTyped;
        budget.spend(chunk.estimatedMs);
      }
      if (stale && attempt < PLAN_ATTEMPTS) continue;
      result.leftAsTyped += leftAsTyped;
      result.remaining += chunks.slice(i).reduce((n, c) => n + c.moves.length, 0);
      break;
    }
    finished.add(name);
  }
}

/**
 * What planning a tab reads: Time and Parts Used whole (one read), so that rows whose seal does not
 * verify are known before any lock is taken; Checklist Items (no seal check) only its Record ID column.
 */
function planTab(
  sheet: Sheet,
  name: string,
  key: HmacKey | null,
): { header: string[]; ids: string[]; asWritten: boolean[] | null; cells: number } {
  if (key && hasEntrySeals(name)) {
    const { header, ids, values } = readRecordRows(sheet, RECORD_ID);
    const asWritten = rowsAsWritten(name, values, key);
    return { header, ids, asWritten, cells: values.length * header.length };
  }
  const { header, ids } = readRecordIds(sheet, RECORD_ID);
  return { header, ids, asWritten: null, cells: ids.length };
}

/**
 * One chunk under the locks (see the file comment): how many rows it moved, and how many it left as
 * typed by hand; null when its rows moved since planning.
 */
function moveChunk(
  sheet: Sheet,
  name: string,
  plannedHeader: readonly string[],
  chunk: RecordChunk,
  tab: ArchiveRecordTab,
  key: HmacKey | null,
): { moved: number; leftAsTyped: number } | null {
  // Another run's unfinished move, or a header or rows changed by hand: plan again.
  if (recordMarker.load()) return null;
  const header = plannedHeader;
  const cells = readPlannedRows(sheet, header, RECORD_ID, chunk.moves);
  if (!cells) return null;
  // Only what the add-on wrote: a row whose seal does not verify stays where Verify reports it.
  const asWritten = key ? rowsAsWritten(name, [header, ...cells], key) : null;
  const moving = chunk.moves.filter((_, k) => asWritten?.[k] ?? true);
  const leftAsTyped = chunk.moves.length - moving.length;
  if (moving.length === 0) return { moved: 0, leftAsTyped };
  // Top to bottom in the archive, as they stood in the live tab.
  const copies = cells
    .filter((_, k) => asWritten?.[k] ?? true)
    .map((c) => archivedRecordRow(tab.header, header, c))
    .reverse();
  // Where the archive tab ends now (another run may have appended since this one opened it).
  const start = Math.max(1, lastUsedRow(tab.sheet)) + 1;
  recordMarker.save({ tab: name, year: chunk.year, start, count: copies.length });
  appendArchiveRows(tab.sheet, start, copies, gridRows(tab.sheet));
  deleteRowRunsOf(sheet, descendingBlocks(moving.map((m) => m.row)));
  recordMarker.forget();
  return { moved: moving.length, leftAsTyped };
}
