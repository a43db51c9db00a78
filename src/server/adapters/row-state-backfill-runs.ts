/**
 * How much of the rows' records (./row-state-backfill) one execution takes on. At 100,000 rows with
 * no record (the hidden column deleted by hand, or a register set up before the column existed) one
 * pass wrote every row's record in one setup run: about 400 s estimated with the rest of setup, past
 * Google's 6-minute limit, so setup died and left the workbook half set up. Now a run fills at most
 * rowsPerRun() rows, each hold of the lock at most FILL_ROWS_PER_HOLD of them (about 2 s at 100,000),
 * stops before its deadline, and leaves where to go on in the add-on's own state (document properties,
 * PROPERTY_KEYS.rowStateBackfill): the next Set up work orders starts there, goes to the bottom and
 * round to the top again. Not the hourly job: it runs with no document, so it can neither take the
 * document lock every writer of a record takes nor read the document's properties; and an add-on may
 * hold only one time-driven trigger per user and document, which the hourly job is.
 *
 * Nothing is lost or written twice after a kill: what a row needs is decided from the sheet each
 * time (a row that got its record is passed over, without the lock), and a hold re-reads its rows
 * before writing. The stored place only says where to start.
 *
 * Sealing: in a workbook not sealed yet (updated from before seals), the first run seals every record
 * the rows have, whatever its share of rows to fill (a record is sealed from itself: no cells read),
 * and marks the workbook sealed at once; from then on an unsealed record is no record. Marked only by
 * the last run, the records stayed accepted unsealed between runs days apart, so a script could write
 * forged cells with a matching unsealed record on a row not recorded yet and have them taken as the
 * add-on's, by every reader and then by the next run's seal. The rows that first run does not reach
 * are filled by the later ones as in any sealed workbook: only when their request vouches for them.
 */
import * as z from '../../core/validator';
import {
  backfillRows,
  BACKFILL_ROWS,
  rowsLackingRecord,
  type Backfilled,
  type Chunk,
} from './row-state-backfill';
import { findRowStateColumn } from './row-state';
import { rowStateKey } from './row-state-prints';
import { markRowStatesSealed, unsealedAccepted } from './row-state-seal';
import type { Vouch } from './row-state-vouch';
import { PROPERTY_KEYS } from './document-properties';
import { documentPropertiesOrNull } from './service-handles';
import { readHeaderRow } from './workbook';
import type { Sheet } from './apps-script-types';

/**
 * Rows one setup run fills at most. A filled row costs about 1 to 3 ms of calls and JavaScript at
 * 100,000 rows (the rows re-read under the lock, their request's answers read to vouch for them, the
 * record written), so 20,000 rows add about a minute to setup's own three and a half minutes.
 */
export const BACKFILL_ROWS_PER_RUN = 20_000;

/**
 * Rows filled under one hold of the lock at most: 1 to 3 s estimated (the rows re-read whole, their
 * answers read, the records written; the run's first hold also reads the Response Ref column, about
 * 4 s at 100,000 rows), never near the 10 s writers may wait.
 */
export const FILL_ROWS_PER_HOLD = 2_000;

const ProgressSchema = z.lazySchema(() =>
  z.object({
    /** When the first run of this backfill stopped short (ms since the epoch). */
    startedAt: z.number(),
    /** The sheet row the next run starts at. */
    nextRow: z.int(),
    /** Rows recorded, and records sealed, by the runs so far. */
    filled: z.int(),
    sealed: z.int(),
  }),
);
type Progress = z.infer<typeof ProgressSchema>;

function readProgress(): Progress | null {
  const text = documentPropertiesOrNull()?.getProperty(PROPERTY_KEYS.rowStateBackfill) ?? null;
  return text === null ? null : z.parseStoredJson(ProgressSchema, text);
}

/** Rows a run fills: BACKFILL_ROWS_PER_RUN, or what the add-on's properties set (tests lower it). */
function rowsPerRun(): number {
  const set = Number(documentPropertiesOrNull()?.getProperty(PROPERTY_KEYS.rowStateBackfillRowsPerRun));
  return Number.isInteger(set) && set > 0 ? set : BACKFILL_ROWS_PER_RUN;
}

export interface RowStatesBackfill extends Backfilled {
  /** This run sealed every record the rows have and marked the workbook sealed, the first time (./row-state-seal). */
  nowSealed: boolean;
  /** Rows recorded and records sealed by earlier runs of the same backfill (which this one finished). */
  earlier: { filled: number; sealed: number };
  /** Set when this run stopped short: rows still needing their record, and rows a run fills. */
  unfinished: { rows: number; perRun: number } | null;
}

/** Chunk starts of `size` rows from `start` to `last`, then from row 2 up to `start`: once round. */
function chunksRound(start: number, last: number, size: number): { first: number; count: number }[] {
  const chunks: { first: number; count: number }[] = [];
  const stretch = (from: number, to: number): void => {
    for (let first = from; first <= to; first += size)
      chunks.push({ first, count: Math.min(size, to - first + 1) });
  };
  stretch(start, last);
  stretch(2, start - 1);
  return chunks;
}

/**
 * Gives rows their record, sealed, up to rowsPerRun() rows and until `deadlineMs` (Date.now()):
 * which rows lack one is found BACKFILL_ROWS rows at a time without the lock; a chunk where some do
 * takes the lock (`withLock`) for at most FILL_ROWS_PER_HOLD of them, re-reads them and fills them, so
 * a record another execution wrote meanwhile is kept. On a register whose rows all have their sealed
 * record, setup holds no lock here at all. When the key is at hand and this run sealed every record
 * the rows have (see above), the workbook is marked sealed: from then on an unsealed record is no record.
 * A run that stops short counts the rows still lacking (without the lock) for the administrator.
 */
export function backfillRowStates(
  sheet: Sheet,
  withLock: <T>(body: () => T) => T,
  vouchFor: Vouch | null,
  deadlineMs: number,
): RowStatesBackfill {
  const progress = readProgress();
  const total: RowStatesBackfill = {
    filled: 0,
    sealed: 0,
    unsealed: 0,
    differing: [],
    unchecked: [],
    nowSealed: false,
    earlier: { filled: progress?.filled ?? 0, sealed: progress?.sealed ?? 0 },
    unfinished: null,
  };
  const header = readHeaderRow(sheet);
  const index = findRowStateColumn(header);
  if (index < 0) return total;
  const sealing = rowStateKey() !== null;
  // A workbook not sealed yet: this run seals every record rows have, whatever its share of rows to
  // fill, and marks the workbook sealed at once (see finish). Left unsealed until a last run days
  // later, a record any script can write would vouch for forged cells on a row not recorded yet.
  const sealsFirst = sealing && unsealedAccepted();
  // The rows this run fills are taken as their cells stand, as when the workbook is sealed (README);
  // the later runs fill the rest as in any sealed workbook: only when their request vouches for them.
  const vouch = sealing && !sealsFirst ? vouchFor : null;
  const register: Omit<Chunk, 'first' | 'count'> = { sheet, header, column: index + 1, sealing, vouch };
  const add = (done: Backfilled): void => {
    total.filled += done.filled;
    total.sealed += done.sealed;
    total.unsealed += done.unsealed;
    total.differing.push(...done.differing);
    total.unchecked.push(...done.unchecked);
  };
  /** Seals the records of rows `own` of the chunk at `first`, a hold per FILL_ROWS_PER_HOLD; false past the deadline. */
  const sealOwn = (first: number, own: readonly number[]): boolean => {
    for (let i = 0; i < own.length; i += FILL_ROWS_PER_HOLD) {
      if (Date.now() >= deadlineMs) return false;
      const group = own.slice(i, i + FILL_ROWS_PER_HOLD);
      const lo = group[0] as number;
      const count = (group[group.length - 1] as number) - lo + 1;
      add(withLock(() => backfillRows({ ...register, first: first + lo, count, recordsOnly: true })));
    }
    return true;
  };
  const last = sheet.getLastRow();
  const start = progress && progress.nextRow >= 2 && progress.nextRow <= last ? progress.nextRow : 2;
  let budget = 0; // read when a row first needs filling: none on a register whose rows all have theirs
  let handled = 0;
  let stoppedAt: number | null = null;
  let left = 0;
  let everyRecordSealed = sealsFirst;
  for (const { first, count } of chunksRound(start, last, BACKFILL_ROWS)) {
    const { own, missing } = rowsLackingRecord({ ...register, first, count });
    if (sealsFirst && everyRecordSealed) everyRecordSealed = sealOwn(first, own);
    const lacking = sealsFirst ? missing : [...own, ...missing].sort((a, b) => a - b);
    if (stoppedAt !== null) {
      left += lacking.length;
      continue;
    }
    if (lacking.length > 0 && budget === 0) budget = rowsPerRun();
    for (let i = 0; i < lacking.length;) {
      if (handled >= budget || Date.now() >= deadlineMs) {
        stoppedAt = first + (lacking[i] as number);
        left += lacking.length - i;
        break;
      }
      const group = lacking.slice(i, i + Math.min(FILL_ROWS_PER_HOLD, budget - handled));
      const lo = group[0] as number;
      const hi = group[group.length - 1] as number;
      add(withLock(() => backfillRows({ ...register, first: first + lo, count: hi - lo + 1 })));
      handled += group.length;
      i += group.length;
    }
  }
  if (everyRecordSealed && total.unsealed === 0) {
    markRowStatesSealed(new Date());
    total.nowSealed = true;
  }
  finish(total, progress, stoppedAt, left, budget);
  return total;
}

/** Where the next run starts (stored), or the pass finished: the place forgotten. */
function finish(
  total: RowStatesBackfill,
  progress: Progress | null,
  stoppedAt: number | null,
  left: number,
  budget: number,
): void {
  const props = documentPropertiesOrNull();
  if (stoppedAt !== null) {
    total.unfinished = { rows: left, perRun: budget };
    const next: Progress = {
      startedAt: progress?.startedAt ?? Date.now(),
      nextRow: stoppedAt,
      filled: total.earlier.filled + total.filled,
      sealed: total.earlier.sealed + total.sealed,
    };
    props?.setProperty(PROPERTY_KEYS.rowStateBackfill, JSON.stringify(next));
    return;
  }
  if (progress) props?.deleteProperty(PROPERTY_KEYS.rowStateBackfill);
}
