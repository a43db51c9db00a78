/**
 * The change log's oldest rows follow the work they record to the archive files, so the live
 * spreadsheet frees their cells too: the log was what kept it growing once orders and their work
 * records moved (about 60 cells per order, 2.2 million a year at 100 requests a day).
 *
 * What moves and in what chunks is log-plan.ts's (planned without any lock, from one read of the
 * log's top rows). Each chunk, under both locks:
 *  1. reads the live tab's rows from its top through the chunk's last row (one read) and checks
 *     their MACs from where the archived part ends (a row typed, edited or deleted by hand: nothing
 *     moves, and the summary says to run Verify audit log);
 *  2. writes them to the Change Log tab of the year's archive file, where the checkpoint says that
 *     file's part ends (so a copy an interrupted run left there is written over, never doubled);
 *  3. records the cut in the checkpoint (pending), deletes the rows above the chunk's last row (one
 *     deleteRows: that row stays as the tab's first, the link the next row's MAC follows), and
 *     records the checkpoint settled: where the archived part ends, and each file's part.
 * Stopped between 3's steps, the pending cut is settled by whoever reads the checkpoint next, from
 * what sheet row 2 holds: only the chain's own link row, its MAC checked, says the rows were deleted
 * (change-log-tail.ts readCheckpoint; core/keyed-chain.ts settleCut). Verify audit log reads the
 * archive files' parts, in turns once they are many (audit/archived-rotation.ts), then the live tab,
 * as one chain (audit/archived-log.ts).
 */
import { createdIds, raiseRequestFloor } from './request-floor';
import { completedHeader } from '../../../core/headers';
import { CHANGE_LOG_HEADERS, SHEET_NAMES } from '../../../core/model';
import { LOG_COLUMN } from '../../../core/change-log-row';
import {
  applyCut,
  chainStart,
  linkRows,
  liveLegacyRows,
  parseKeyedCell,
  type ArchivedLog,
  type ArchivedPart,
  type Checkpoint,
} from '../../../core/keyed-chain';
import { LogVerifier } from '../../../core/log-verify';
import type { HmacKey } from '../../../core/sha256';
import { deleteLogTopRows, writeLogPart } from '../../adapters/archive-log-tab';
import { openArchiveRecordTab, type ArchiveRecordTab } from '../../adapters/archive-record-tabs';
import { readChangeLogChunks, readChangeLogRows } from '../../adapters/change-log-read';
import { readCheckpoint, storeSettledCut, writeCheckpoint } from '../../adapters/change-log-tail';
import { LockBusyError, withOwnerAndDocumentLocks } from '../../adapters/document-lock';
import { lastUsedRow } from '../../adapters/tabs';
import { UserFacingError, logSheet } from '../../adapters/workbook';
import { archivedOrders } from './archived-orders';
import { LogCutPlanner, MAX_LOG_CHUNK_ROWS, type LogChunk, type LogStop } from './log-plan';
import { asStoredCell } from './plan';
import type { RecordsRun } from './records';
import type { Sheet } from '../../adapters/apps-script-types';

/** Rows planned at most in one run: about as many as its four minutes can move. */
const PLAN_ROWS_AT_MOST = 40 * MAX_LOG_CHUNK_ROWS;
/** Rows per planning read (six columns). */
const PLAN_READ_ROWS = 20_000;
/** Planning's price: ~10 µs a cell read, ~0.1 s a call. */
const PLAN_CELL_MS = 0.01;
const PLAN_CALL_MS = 100;
/** Opening a year's Change Log tab in its archive file: a few calls under a hold of their own. */
const OPEN_TAB_MS = 1_000;

export interface LogArchiveResult {
  /** Change-log rows moved to archive files by this run. */
  moved: number;
  /** Why the move stopped where it did (log-plan.ts), or null when it was not looked at. */
  stop: LogStop | null;
  /** Rows planned and left for the next run (time ran out, or another change held the lock). */
  remaining: number;
  /** Sheet row where the rows stopped verifying (nothing more moved): Verify audit log names why. */
  damagedAt: number | null;
  /** An archive file that could not be opened (its message), the rows due for it left here. */
  problem: string | null;
}

/** What moving the log works with: what moving work records does (records.ts), and the cutoff. */
export interface LogRun extends RecordsRun {
  /** Rows logged before this instant (the retention cutoff) may move. */
  cutoff: number;
  timeZone: string;
}

export function logNotReached(): LogArchiveResult {
  return { moved: 0, stop: null, remaining: 0, damagedAt: null, problem: null };
}

/** Moves the change log's oldest rows that are due, in the time the run has left. */
export function archiveChangeLog(run: LogRun): LogArchiveResult {
  const result = logNotReached();
  // A move an earlier run left midway is settled for good (readers settle it as they read).
  try {
    withOwnerAndDocumentLocks(storeSettledCut);
  } catch (error) {
    if (error instanceof LockBusyError) return result;
    throw error;
  }
  const checkpoint = readCheckpoint();
  if (!checkpoint || !run.key || checkpoint.seq === 0) return { ...result, stop: { kind: 'none' } };
  let plan: ReturnType<LogCutPlanner['plan']>;
  let archived: ReadonlyMap<string, number>;
  try {
    archived = archivedOrders(run.targets, run.openYear).yearOf;
    const archivedIds = new Set([...archived.keys()].filter((id) => !run.live.has(id)));
    plan = planCut(run, checkpoint, archivedIds);
  } catch (error) {
    if (error instanceof LockBusyError) return result;
    throw error;
  }
  result.stop = plan.stop;
  if (plan.stop.kind === 'order' && archived.has(plan.stop.id))
    result.stop = { ...plan.stop, alsoArchived: true };
  const sheet = logSheet(run.ss);
  const tabs = new Map<number, ArchiveRecordTab>();
  let i = 0;
  try {
    for (; i < plan.chunks.length; i++) {
      const chunk = plan.chunks[i] as LogChunk;
      const tab = tabs.get(chunk.year);
      if (!run.budget.allows(chunk.estimatedMs + (tab ? 0 : OPEN_TAB_MS))) break;
      const target = tab ?? openLogTab(run, chunk.year);
      tabs.set(chunk.year, target);
      const outcome = withOwnerAndDocumentLocks(() => moveLogChunk(sheet, chunk, target, run.key as HmacKey));
      if (outcome !== 'moved') {
        if (typeof outcome === 'number') result.damagedAt = outcome;
        break;
      }
      result.moved += chunk.rows;
      run.budget.spend(chunk.estimatedMs);
    }
  } catch (error) {
    if (!(error instanceof UserFacingError)) throw error;
    // Another change held the lock past its wait: what is left waits for the next run (`remaining`).
    if (!(error instanceof LockBusyError)) result.problem = error.message;
  }
  result.remaining = plan.chunks.slice(i).reduce((n, c) => n + c.rows, 0);
  return result;
}

/** Plans the move from the log's top rows (read without any lock, only as far as planning needs). */
function planCut(run: LogRun, checkpoint: Checkpoint, archivedIds: ReadonlySet<string>) {
  const planner = new LogCutPlanner(checkpoint, {
    cutoff: run.cutoff,
    archivedIds,
    timeZone: run.timeZone,
    maxRows: PLAN_ROWS_AT_MOST,
  });
  const sheet = logSheet(run.ss);
  const through = Math.min(checkpoint.row, lastUsedRow(sheet));
  readChangeLogChunks(sheet, { chunkRows: PLAN_READ_ROWS, through }, (rows) => {
    run.budget.spend(PLAN_CALL_MS + rows.length * CHANGE_LOG_HEADERS.length * PLAN_CELL_MS);
    return planner.feed(rows);
  });
  return planner.plan();
}

/** The year's archive file and its Change Log tab (made on first use), under a hold of its own. */
function openLogTab(run: LogRun, year: number): ArchiveRecordTab {
  run.openYear(year);
  run.budget.spend(OPEN_TAB_MS);
  const book = run.targets.target(year).book;
  return withOwnerAndDocumentLocks(() =>
    openArchiveRecordTab(book, SHEET_NAMES.changeLog, (existing) =>
      completedHeader(existing, CHANGE_LOG_HEADERS),
    ),
  );
}

/** Each file's part once `rows` more rows ending at `seq` went to `year`'s file. */
function withPart(
  parts: readonly ArchivedPart[],
  year: number,
  seq: number,
  mac: string,
  rows: number,
): ArchivedPart[] {
  const last = parts[parts.length - 1];
  if (last && last.year === year) return [...parts.slice(0, -1), { year, seq, mac, rows: last.rows + rows }];
  if (last && last.year > year)
    throw new Error(`The change log's archive part for ${last.year} already follows ${year}.`);
  return [...parts, { year, seq, mac, rows }];
}

/**
 * One chunk, under both locks: 'moved'; 'stale' when the log's top is no longer where the plan left it
 * (another run moved it); or the sheet row where the rows stopped verifying.
 */
function moveLogChunk(
  sheet: Sheet,
  chunk: LogChunk,
  tab: ArchiveRecordTab,
  key: HmacKey,
): 'moved' | 'stale' | number {
  const checkpoint = readCheckpoint();
  if (!checkpoint || chunk.throughSeq > checkpoint.seq) return 'stale';
  const link = linkRows(checkpoint);
  const legacy = liveLegacyRows(checkpoint);
  const from = chainStart(checkpoint);
  const keyed = chunk.throughSeq - from.seq;
  if (keyed < 1 || legacy + keyed !== chunk.rows) return 'stale';
  const read = link + legacy + keyed;
  const rows = readChangeLogRows(sheet, 2, 1 + read);
  const verifier = new LogVerifier(key, checkpoint);
  const failure = verifier.feed(rows, read, 2);
  if (failure) return failure.row;
  const { seq, mac } = verifier.position;
  if (seq !== chunk.throughSeq) return 2 + read;
  const above = keyed >= 2 ? parseKeyedCell(rows[read - 2]?.[LOG_COLUMN.hash])?.mac : undefined;
  const prev = above ?? from.mac;
  const copy = rows.slice(link).map((cells) => cells.map(asStoredCell));
  const parts = checkpoint.archived?.parts ?? [];
  const lastPart = parts[parts.length - 1];
  const start = 2 + (lastPart?.year === chunk.year ? lastPart.rows : 0);
  writeLogPart(tab.sheet, start, copy);
  const archived: ArchivedLog = { seq, mac, prev, parts: withPart(parts, chunk.year, seq, mac, copy.length) };
  const deleted = read - 1;
  if (deleted === 0) {
    writeCheckpoint({ ...checkpoint, archived });
    return 'moved';
  }
  const cut = { deleted, archived };
  // Created rows leave the live tab, or stay as its link, which a rebuild cannot tell genuine (an
  // order archived by an earlier version raised no floor of its own).
  raiseRequestFloor(createdIds(rows));
  writeCheckpoint({ ...checkpoint, cut });
  deleteLogTopRows(sheet, deleted);
  // The chunk's last row is sheet row 2 now, the link.
  writeCheckpoint(applyCut(checkpoint, cut));
  return 'moved';
}
