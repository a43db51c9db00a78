/**
 * Archive closed work orders: closed, rejected and cancelled work past the retention period moves to
 * an archive spreadsheet per year of closure (files.ts), and its register rows are deleted, so the live
 * spreadsheet shrinks.
 *
 * A run plans without any lock (one read of the register, and of the change log's recent entries),
 * then works in chunks (chunk.ts), each under both locks and planned to cost at most a few seconds on
 * Google's side (plan.ts), releasing them in between so that sidebars, edits and submissions go on.
 * It stops starting chunks well before the 6-minute limit and says what is left for the next run. An
 * unfinished chunk (progress.ts) is finished first.
 */
import { parseRegisterRow, registerLayout } from '../../../core/columns';
import { isValidDate, localParts } from '../../../core/time';
import type { WorkOrder } from '../../../core/model';
import { requireChangeLog } from '../../adapters/change-log';
import { readLogTimesAndRecordsBackward } from '../../adapters/change-log-read';
import { Register } from '../../adapters/register';
import { documentKey } from '../../adapters/addon-secret';
import { withOwnerAndDocumentLocks } from '../../adapters/document-lock';
import { settleArchiveSharing } from './file-sharing';
import { ArchiveTargets, listArchiveFiles, showOnSettings, type ArchiveSharing } from './files';
import { runChunk, type ChunkContext, type ChunkOutcome } from './chunk';
import { readProgress, type ChunkProgress } from './progress';
import { archiveWorkRecords, noRecordsMoved, type RecordsResult } from './records';
import { archiveChangeLog, logNotReached, type LogArchiveResult } from './log';
import type { RunBudget } from './record-plan';
import { changedOutside, type KeptChangedOutside } from './agreement';
import {
  finalStamp,
  isArchiveCandidate,
  lastDateOnRow,
  needsLogCheck,
  planChunks,
  retentionCutoff,
  shiftedRow,
  CHUNK_BUDGET_MS,
  type Eligible,
  type PlannedChunk,
} from './plan';
import type { Spreadsheet } from '../../adapters/apps-script-types';

/**
 * Estimated Google time a run may spend before it stops starting chunks: 4 minutes, so the planning
 * read, one chunk over its estimate and the summary stay inside the 6-minute limit. The script's own
 * clock is checked too (wall time is what Google enforces).
 */
export const RUN_BUDGET_MS = 240_000;
/** Change-log rows per read when looking for recent changes (one column at a time). */
const LOG_CHUNK_ROWS = 50_000;
/** What planning costs on Google's side (see plan.ts's prices): ~10 µs a cell read, 0.1 s a call. */
const PLAN_CELL_MS = 0.01;
/** Planning's calls: the register's row count and read, the time zone, the change log's reads. */
const PLAN_CALLS_MS = 600;
/**
 * Opening an archive file under its own hold: reading its id column (~1.6 s at 100,000 archived rows),
 * or creating, sharing and linking it (~4 s).
 */
const OPEN_FILE_MS = 4_000;

export interface ArchiveResult {
  retentionDays: number;
  /** Ids copied to an archive file and removed from the register by this run. */
  archived: string[];
  /** Ids an earlier, interrupted run had already copied: removed from the register only. */
  alreadyInArchive: string[];
  /** Final work orders past the window on their row but changed since (change log): kept. */
  keptRecentlyChanged: number;
  /** Due work orders whose row disagrees with its Last Known State (agreement.ts): kept, and why. */
  keptChangedOutside: KeptChangedOutside[];
  /** Eligible work orders left for the next run. */
  remaining: number;
  /** Chunks run, and whether the first finished one an earlier run left. */
  chunks: number;
  resumed: boolean;
  /** The archive files written to, by name. */
  archives: string[];
  /** Sharing an archive file that failed (tried again by the next run). */
  sharingProblems: string[];
  /** Whose access to an archive file was taken back (they left the role on Staff). */
  sharingChanges: string[];
  /** The archived orders' Checklist Items, Time and Parts Used rows moved after them (records.ts). */
  workRecords: RecordsResult;
  /** The change log's oldest rows moved after them (log.ts). */
  changeLog: LogArchiveResult;
}

export function archiveClosed(
  ss: Spreadsheet,
  user: string,
  retentionDays: number,
  now: Date,
  sharing: ArchiveSharing,
): ArchiveResult {
  const started = Date.now();
  const result: ArchiveResult = {
    retentionDays,
    archived: [],
    alreadyInArchive: [],
    keptRecentlyChanged: 0,
    keptChangedOutside: [],
    remaining: 0,
    chunks: 0,
    resumed: false,
    archives: [],
    sharingProblems: [],
    sharingChanges: [],
    workRecords: noRecordsMoved(true),
    changeLog: logNotReached(),
  };
  requireChangeLog(ss);
  const register = Register.open(ss);
  const last = register.lastRow();
  // Header and data in one read, outside any lock: every chunk checks its rows again under the lock.
  const [header = [], ...rows] = register.readRows(1, Math.max(1, last));
  const registerHeader = header.map((h) => String(h).trim());
  const timeZone = ss.getSpreadsheetTimeZone();
  const cutoff = retentionCutoff(now, retentionDays);
  const layout = registerLayout(registerHeader);
  const yearOf = (cells: readonly unknown[]): number | null => {
    const parsed = parseRegisterRow(cells, layout, 0);
    if (!parsed.ok) return null;
    const at = finalStamp(parsed.order)?.getTime() ?? lastDateOnRow(parsed.order);
    return at > 0 ? localParts(new Date(at), timeZone).year : null;
  };
  const ctx: ChunkContext = {
    ss,
    register,
    registerHeader,
    user,
    now,
    cutoff,
    timeZone,
    key: documentKey(),
    targets: new ArchiveTargets(registerHeader, sharing, user),
    yearOf,
  };
  const agrees = (order: WorkOrder, cells: readonly unknown[]): KeptChangedOutside | null =>
    changedOutside(order, cells, layout, register.stateIndex, timeZone);
  const { eligible, kept, outside } = planEligible(ss, rows, layout, cutoff, yearOf, agrees);
  result.keptRecentlyChanged = kept;
  result.keptChangedOutside = outside;
  const chunks = planChunks(eligible, register.width);
  let spentMs = PLAN_CALLS_MS + last * header.length * PLAN_CELL_MS;
  // Rows deleted so far, as numbered when planned: later hints are shifted past them.
  const planRow = new Map(eligible.map((e) => [e.id, e.row]));
  const deletedPlanRows: number[] = [];
  const done = new Set<string>();
  // An archive file is opened (its id column read) or made under a hold of its own, not a chunk's.
  const openArchive = (year: number): void => {
    if (ctx.targets.isOpen(year)) return;
    withOwnerAndDocumentLocks(() => ctx.targets.target(year));
    spentMs += OPEN_FILE_MS;
  };
  const run = (planned: ChunkProgress, hints: ReadonlyMap<string, number>): ChunkOutcome => {
    // A chunk an earlier run left unfinished runs first, in its own year (read again under the locks).
    const unfinished = readProgress();
    if (unfinished && unfinished.ids.length > 0) openArchive(unfinished.year);
    else if (planned.ids.length > 0) openArchive(planned.year);
    const outcome = withOwnerAndDocumentLocks(() => runChunk(ctx, planned, hints));
    if (outcome.resumed || outcome.archived.length + outcome.alreadyInArchive.length > 0) result.chunks++;
    result.resumed ||= outcome.resumed;
    result.archived.push(...outcome.archived);
    result.alreadyInArchive.push(...outcome.alreadyInArchive);
    result.keptChangedOutside.push(...outcome.keptChangedOutside);
    if (outcome.archiveName && !result.archives.includes(outcome.archiveName))
      result.archives.push(outcome.archiveName);
    for (const id of [...outcome.archived, ...outcome.alreadyInArchive]) {
      done.add(id);
      const row = planRow.get(id);
      if (row !== undefined) insertSorted(deletedPlanRows, row);
    }
    return outcome;
  };
  // A chunk an earlier run left unfinished comes first (one property read under the locks when none).
  if (run({ year: 0, ids: [] }, new Map()).resumed) spentMs += CHUNK_BUDGET_MS;
  for (let i = 0; i < chunks.length;) {
    const chunk = chunks[i] as PlannedChunk;
    // At least one chunk a run, however long planning took, so that every run makes progress.
    const over = spentMs + chunk.estimatedMs > RUN_BUDGET_MS || Date.now() - started > RUN_BUDGET_MS;
    if (over && result.chunks > 0) break;
    const items = chunk.items.filter((item) => !done.has(item.id));
    if (items.length === 0) {
      i++;
      continue;
    }
    const hints = new Map(items.map((item) => [item.id, shiftedRow(item.row, deletedPlanRows)]));
    const outcome = run({ year: chunk.year, ids: items.map((item) => item.id) }, hints);
    spentMs += outcome.resumed ? CHUNK_BUDGET_MS : chunk.estimatedMs;
    // Another execution's unfinished chunk ran instead of this one (it stopped after this run planned).
    if (!outcome.resumed) i++;
  }
  const keptIds = new Set(result.keptChangedOutside.map((k) => k.id));
  result.remaining = eligible.filter((e) => !done.has(e.id) && !keptIds.has(e.id)).length;
  // Then the work records of every archived order, this run's and earlier ones', in the time left.
  const budget: RunBudget = {
    allows: (ms) => spentMs + ms <= RUN_BUDGET_MS && Date.now() - started <= RUN_BUDGET_MS,
    spend: (ms) => void (spentMs += ms),
  };
  const live = liveIds(rows, layout, done);
  const moving = { ss, live, targets: ctx.targets, key: ctx.key, openYear: openArchive, budget };
  result.workRecords = budget.allows(OPEN_FILE_MS) ? archiveWorkRecords(moving) : noRecordsMoved(false);
  // Then the change log's oldest rows, which no longer describe anything live.
  if (budget.allows(OPEN_FILE_MS)) result.changeLog = archiveChangeLog({ ...moving, cutoff, timeZone });
  // Then the sharing of the files this run did not open, when someone left a role on Staff.
  const locked = (body: () => void): void => withOwnerAndDocumentLocks(body);
  const opened = (year: number): boolean => ctx.targets.isOpen(year);
  if (budget.allows(OPEN_FILE_MS)) settleArchiveSharing(sharing, user, ctx.targets, locked, opened);
  result.sharingProblems = ctx.targets.problems;
  result.sharingChanges = ctx.targets.changes;
  // Setup or an administrator may have cleared it: the link is written again by every run.
  const files = listArchiveFiles();
  if (files.length > 0) showOnSettings(ss, files);
  return result;
}

/**
 * The register's ids as planned, less those this run archived: what the register holds now but for
 * orders submitted meanwhile, which no archive file holds either (no read of the id column again).
 */
function liveIds(
  rows: readonly (readonly unknown[])[],
  layout: ReturnType<typeof registerLayout>,
  archived: ReadonlySet<string>,
): Set<string> {
  const live = new Set<string>();
  const at = layout.indexOf.id;
  for (const cells of rows) {
    const id = String(cells[at] ?? '').trim();
    if (id !== '' && !archived.has(id)) live.add(id);
  }
  return live;
}

function insertSorted(sorted: number[], value: number): void {
  let i = sorted.length;
  while (i > 0 && (sorted[i - 1] as number) > value) i--;
  sorted.splice(i, 0, value);
}

/**
 * The register rows due for archiving (an id on two rows is never), how many recent changes kept, and
 * the due rows kept because they disagree with their record (`changed`, on the cells already read).
 */
function planEligible(
  ss: Spreadsheet,
  rows: readonly unknown[][],
  layout: ReturnType<typeof registerLayout>,
  cutoff: number,
  yearOf: (cells: readonly unknown[]) => number | null,
  changed: (order: WorkOrder, cells: readonly unknown[]) => KeptChangedOutside | null,
): { eligible: Eligible[]; kept: number; outside: KeptChangedOutside[] } {
  const seen = new Map<string, number>();
  const candidates: Array<Eligible & { logCheck: boolean; outside: KeptChangedOutside | null }> = [];
  rows.forEach((cells, i) => {
    const parsed = parseRegisterRow(cells, layout, i + 2);
    if (!parsed.ok) return;
    seen.set(parsed.order.id, (seen.get(parsed.order.id) ?? 0) + 1);
    const year = yearOf(cells);
    if (year === null || !isArchiveCandidate(parsed.order, cutoff)) return;
    const { order } = parsed;
    candidates.push({
      id: order.id,
      row: i + 2,
      year,
      logCheck: needsLogCheck(order),
      outside: changed(order, cells),
    });
  });
  const outside = candidates.flatMap((c) => (c.outside && seen.get(c.id) === 1 ? [c.outside] : []));
  const unique = candidates.filter((c) => seen.get(c.id) === 1 && !c.outside);
  const recent = idsChangedSince(ss, cutoff, new Set(unique.filter((c) => c.logCheck).map((c) => c.id)));
  const eligible = unique.filter((c) => !recent.has(c.id)).map(({ id, row, year }) => ({ id, row, year }));
  return { eligible, kept: unique.length - eligible.length, outside };
}

/**
 * Ids among `ids` with a change-log entry at or after `cutoff`. The log is appended in time order, so
 * it is read backwards in chunks, only its Timestamp and Record ID columns (two reads a chunk), and
 * reading stops at the first chunk that starts before the cutoff, or once every id was found.
 */
function idsChangedSince(ss: Spreadsheet, cutoff: number, ids: ReadonlySet<string>): Set<string> {
  const found = new Set<string>();
  if (ids.size === 0) return found;
  readLogTimesAndRecordsBackward(ss, LOG_CHUNK_ROWS, (times, records) => {
    let older = false;
    times.forEach(([at], i) => {
      if (!isValidDate(at)) return;
      if (at.getTime() < cutoff) older = true;
      else {
        const id = String(records[i]?.[0] ?? '').trim();
        if (ids.has(id)) found.add(id);
      }
    });
    return older || found.size === ids.size;
  });
  return found;
}
