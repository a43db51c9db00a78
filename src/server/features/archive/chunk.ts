/**
 * One archive chunk, under the document lock: a few hundred register rows of one archive year copied to
 * their archive file, logged, and deleted from the register.
 *
 * The order of writes, and why each step is safe to repeat after a failure at any point:
 *  0. the progress marker (the chunk's ids) is written first (progress.ts);
 *  1. copy: rows are appended to the archive file, except ids it already holds (a repeat finds them);
 *  2. log: one change-log row per order, written uncommitted, in the order of step 3's deletions;
 *  3. delete: the register rows, bottom-up, one deleteRows per contiguous run;
 *  4. commit: the log checkpoint; then the marker is removed.
 * What the register holds is the durable record of what is left: an id still there is copied (if
 * needed), logged and deleted by the repeat; an id gone was deleted after its log row was written. A
 * log row written but not committed is settled by the next append (change-log-recovery.ts): kept when
 * its order is gone from the register, written over when it is still there. Since rows are logged in
 * deletion order, the rows kept are exactly those of the orders deleted: none is lost, and a repeat
 * never logs an order twice.
 */
import { raiseRequestFloor } from './request-floor';
import { parseRegisterRow } from '../../../core/columns';
import { ARCHIVE_MAC_FIELD, archiveRowMac, archivedLineValue } from '../../../core/covered-rows';
import type { HmacKey } from '../../../core/keyed-chain';
import type { UnhashedEntry } from '../../../core/audit';
import { writeChangeLog } from '../../adapters/change-log';
import type { Register } from '../../adapters/register';
import { appendArchiveRows, readArchiveRow, rewriteArchiveRow } from '../../adapters/archive-tab';
import { invalidateReviewQueue } from '../../adapters/review-queue';
import { ARCHIVE_MAC_HEADER, archiveRow, descendingBlocks, isArchiveCandidate } from './plan';
import type { ArchiveTarget, ArchiveTargets } from './files';
import { clearProgress, readProgress, writeProgress, type ChunkProgress } from './progress';
import { changedOutside, type KeptChangedOutside } from './agreement';
import type { Spreadsheet } from '../../adapters/apps-script-types';

export interface ChunkContext {
  ss: Spreadsheet;
  register: Register;
  registerHeader: readonly string[];
  user: string;
  now: Date;
  cutoff: number;
  /** The spreadsheet's time zone: dates in a kept row's message are shown in it. */
  timeZone: string;
  key: HmacKey | null;
  targets: ArchiveTargets;
  yearOf: (cells: readonly unknown[]) => number | null;
}

export interface ChunkOutcome {
  /** The chunk that ran: the planned one, or one an earlier run left unfinished. */
  resumed: boolean;
  /** Ids copied to the archive and removed from the register. */
  archived: string[];
  /** Ids the archive already held (an earlier run stopped after copying): removed from the register. */
  alreadyInArchive: string[];
  /** Ids not archived now (gone, doubled, or no longer due): left where they are. */
  skipped: string[];
  /** Ids left because their row disagrees with its Last Known State (agreement.ts): among `skipped`. */
  keptChangedOutside: KeptChangedOutside[];
  /** Register rows deleted, as numbered when the chunk started. */
  deletedRows: number[];
  archiveName: string | null;
}

interface Present {
  id: string;
  row: number;
  cells: unknown[];
}

/** Runs the unfinished chunk if there is one, else `planned` (hints: id → expected sheet row). */
export function runChunk(
  ctx: ChunkContext,
  planned: ChunkProgress,
  hints: ReadonlyMap<string, number>,
): ChunkOutcome {
  const unfinished = readProgress();
  const chunk = unfinished ?? planned;
  if (!unfinished && planned.ids.length === 0)
    return {
      resumed: false,
      archived: [],
      alreadyInArchive: [],
      skipped: [],
      keptChangedOutside: [],
      deletedRows: [],
      archiveName: null,
    };
  // The archive file first: one that cannot be opened stops the chunk before anything is recorded.
  if (!unfinished) ctx.targets.target(chunk.year);
  if (!unfinished) writeProgress(chunk);
  const found = locate(ctx.register, chunk.ids, unfinished ? new Map() : hints);
  const present: Present[] = [];
  const skipped: string[] = [];
  const kept: KeptChangedOutside[] = [];
  const { layout, stateIndex } = ctx.register;
  for (const id of chunk.ids) {
    const at = found.get(id);
    const parsed = at ? parseRegisterRow(at.cells, layout, at.row) : null;
    const due =
      at && parsed?.ok && isArchiveCandidate(parsed.order, ctx.cutoff) && ctx.yearOf(at.cells) === chunk.year;
    // Checked again on the row read under the locks: planning read it before them.
    const outside =
      due && parsed.ok ? changedOutside(parsed.order, at.cells, layout, stateIndex, ctx.timeZone) : null;
    if (outside) kept.push(outside);
    if (at && due && !outside) present.push({ id, ...at });
    else skipped.push(id);
  }
  const outcome: ChunkOutcome = {
    resumed: unfinished !== null,
    archived: [],
    alreadyInArchive: [],
    skipped,
    keptChangedOutside: kept,
    deletedRows: [],
    archiveName: null,
  };
  if (present.length > 0) {
    const target = ctx.targets.target(chunk.year);
    outcome.archiveName = target.file.name;
    const macs = copyToArchive(ctx, target, present, outcome);
    // Deletion order (bottom-up) is log order: see the file comment.
    present.sort((a, b) => b.row - a.row);
    const logged = writeChangeLog(
      ctx.ss,
      present.flatMap((p) => logEntries(ctx, target, p, macs, outcome)),
    );
    // Their ids leave the register: the request floor keeps them from being issued again.
    raiseRequestFloor(present.map((p) => p.id));
    ctx.register.deleteRowRuns(descendingBlocks(present.map((p) => p.row)));
    outcome.deletedRows = present.map((p) => p.row);
    logged.commit();
    // Rows moved up: the review queue's row hints are rebuilt on its next load.
    invalidateReviewQueue();
  }
  clearProgress();
  return outcome;
}

/** Request id → its register row and cells. */
type Located = Map<string, { row: number; cells: unknown[] }>;

/**
 * Where each id is now: at its hinted row (one read per contiguous run of hints), else found by one
 * read of the id column. An id on more than one row is left out (never delete what was not archived).
 */
function locate(register: Register, ids: readonly string[], hints: ReadonlyMap<string, number>): Located {
  const idIndex = register.layout.indexOf.id;
  // Each read fills a map of its own: what the hints found is dropped when one hint missed.
  const readAt = (rows: Map<string, number>, found: Located): boolean => {
    let all = true;
    for (const [start, count] of descendingBlocks([...rows.values()])) {
      let cells: unknown[][];
      try {
        cells = register.readRows(start, count);
      } catch {
        return false; // the rows are past the sheet's end: rows were deleted since the hint
      }
      cells.forEach((row, i) => {
        const id = String(row[idIndex] ?? '').trim();
        if (rows.get(id) === start + i) found.set(id, { row: start + i, cells: row });
      });
    }
    for (const id of rows.keys()) if (!found.has(id)) all = false;
    return all;
  };
  const hinted = new Map([...hints].filter(([id]) => ids.includes(id)));
  const atHints: Located = new Map();
  if (hinted.size === ids.length && readAt(hinted, atHints)) return atHints;
  const wanted = new Set(ids);
  const rowsOf = new Map<string, number[]>();
  register.readIds().forEach((v, i) => {
    const id = v.trim();
    if (wanted.has(id)) rowsOf.set(id, [...(rowsOf.get(id) ?? []), i + 2]);
  });
  const unique = new Map(
    [...rowsOf].filter(([, rows]) => rows.length === 1).map(([id, [row]]) => [id, row!]),
  );
  const found: Located = new Map();
  readAt(unique, found);
  return found;
}

/** Appends the rows the archive lacks (one write); returns every present id's MAC. */
function copyToArchive(
  ctx: ChunkContext,
  target: ArchiveTarget,
  present: readonly Present[],
  outcome: ChunkOutcome,
): Map<string, string> {
  const macAt = target.header.indexOf(ARCHIVE_MAC_HEADER);
  const macs = new Map<string, string>();
  const build = (p: Present): unknown[] => {
    const row = archiveRow(target.header, ctx.registerHeader, p.cells, ctx.now);
    if (ctx.key && macAt >= 0) {
      row[macAt] = archiveRowMac(ctx.key, target.header, row);
      macs.set(p.id, String(row[macAt]));
    }
    return row;
  };
  const fresh: Present[] = [];
  for (const p of present) {
    const at = target.rows.get(p.id);
    if (at === undefined) fresh.push(p);
    else {
      outcome.alreadyInArchive.push(p.id);
      keepOrRepair(ctx, target, at, p, build, macs);
    }
  }
  if (fresh.length === 0) return macs;
  const start = target.lastRow + 1;
  const end = start + fresh.length - 1;
  target.maxRows = appendArchiveRows(target.sheet, start, fresh.map(build), target.maxRows);
  fresh.forEach((p, i) => target.rows.set(p.id, start + i));
  target.lastRow = end;
  outcome.archived.push(...fresh.map((p) => p.id));
  return macs;
}

/**
 * An archive row copied by a run that stopped before logging it: kept when its MAC cell is the MAC of
 * its cells (one read), else written again from the register row, which is still there.
 */
function keepOrRepair(
  ctx: ChunkContext,
  target: ArchiveTarget,
  at: number,
  p: Present,
  build: (p: Present) => unknown[],
  macs: Map<string, string>,
): void {
  const macAt = target.header.indexOf(ARCHIVE_MAC_HEADER);
  const cells = readArchiveRow(target.sheet, at, target.header.length);
  if (ctx.key && macAt >= 0) {
    const mac = archiveRowMac(ctx.key, target.header, cells);
    if (mac === String(cells[macAt] ?? '')) {
      macs.set(p.id, mac);
      return;
    }
  }
  rewriteArchiveRow(target.sheet, at, build(p));
}

function logEntries(
  ctx: ChunkContext,
  target: ArchiveTarget,
  p: Present,
  macs: ReadonlyMap<string, string>,
  outcome: ChunkOutcome,
): UnhashedEntry[] {
  const parsed = parseRegisterRow(p.cells, ctx.register.layout, p.row);
  const moved: UnhashedEntry = {
    at: ctx.now,
    user: ctx.user,
    source: 'system',
    recordId: p.id,
    field: 'Archived',
    oldValue: parsed.ok ? parsed.order.status : '',
    newValue: archivedLineValue(target.file.name, outcome.alreadyInArchive.includes(p.id)),
  };
  const mac = macs.get(p.id);
  return mac ? [moved, { ...moved, field: ARCHIVE_MAC_FIELD, oldValue: '', newValue: mac }] : [moved];
}
