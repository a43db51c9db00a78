/**
 * The change log read before the document lock is taken, and caught up under it.
 *
 * Putting back a row pasted over its hidden state column (./paste), or a refused text kept only as
 * a print that the short scan of the log's last rows did not find (./unkept-fields), needs what the
 * whole log says (./log-history): about a million rows at 100,000 orders, a minute of reads and MAC
 * checks. Under the edit's document lock that would hold every other writer up. But the log's
 * committed rows never change: every writer appends under the document lock, after the checkpoint's
 * row, and commits by moving the checkpoint down; rows past the checkpoint (a change not finished)
 * may be written over by the next append, rows up to it never. So the edit reads the log without the
 * lock, up to the checkpoint's row as it stood, and remembers where it stopped; under the lock it
 * reads only the rows from there down, with the checkpoint as it stands then, and folds them in
 * exactly as a whole reading would (the MAC of the next row is checked against the last row it read).
 *
 * When the log no longer continues from where the reading stopped (the checkpoint moved up, the log
 * holds fewer rows, or the row it stopped at now holds another Hash cell: someone deleted or edited
 * rows, or the log was started again), nothing read before counts: the log is read again without the
 * lock. So is it when the orders to look for grew meanwhile (an order went missing from the register
 * between the two readings). After MAX_LOG_READS readings that did not fit, the rows are left for Undo
 * with the message a paste the log cannot tell about gets (as when the add-on has no secret yet), and
 * refused texts get only what the short scan finds.
 */
import { LOG_COLUMN } from '../../../core/change-log-row';
import { addonKey } from '../../adapters/addon-secret';
import { readCheckpoint } from '../../adapters/change-log-tail';
import { holdsDocumentLock } from '../../adapters/document-lock';
import { documentPropertiesOrNull } from '../../adapters/service-handles';
import { logSheet } from '../../adapters/workbook';
import { lastUsedRow } from '../../adapters/tabs';
import { LogFold, readLogKnowledge, readLogRows, type LogKnowledge } from './log-history';
import type { Spreadsheet } from '../../adapters/apps-script-types';

/** Readings of the whole log one edit may make (each about a minute at 100,000 orders). */
export const MAX_LOG_READS = 2;

/**
 * Thrown under the lock when the log must first be read without it; `wanted` (called after the lock
 * is given back) names the orders whose lines to gather.
 */
export class LogReadNeeded extends Error {
  constructor(readonly wanted: () => ReadonlySet<string>) {
    super('The change log is read before the document lock is taken.');
    this.name = 'LogReadNeeded';
  }
}

/**
 * How the put-backs of a paste (over the hidden state column, ./paste; over texts kept only as
 * prints, ./unkept-fields) read the change log. One reading serves both: the first to ask names the
 * orders of both, and `knowledge` answers every later call of the same section from one catching up.
 */
export interface LogReading {
  /** Called under the lock before anything else is read for the put-back: throws LogReadNeeded when the log must be read first. */
  ensureRead(wanted: () => ReadonlySet<string>): void;
  /** What the log says; null when it cannot tell (no secret, or no reading that fits). */
  knowledge(ss: Spreadsheet, wanted: ReadonlySet<string>): LogKnowledge | null;
  /** Whether a reading made without the lock is in hand (the section's re-run): `knowledge` costs only its catching up. */
  readonly hasReading: boolean;
}

/** The whole log, read where the caller stands (locked or not). */
export const WHOLE_LOG_READING: LogReading = {
  ensureRead: () => undefined,
  knowledge: readLogKnowledge,
  hasReading: false,
};

interface LogSnapshot {
  fold: LogFold;
  /** The last sheet row folded in (1: none); every row up to it was committed when read. */
  through: number;
  /** That row's Hash cell as read. */
  hashCell: string;
  /** Keyed rows the checkpoint counted when read (null: no checkpoint). */
  seq: number | null;
  /** Caught up once already: its fold holds rows past `through` that may not be committed. */
  used: boolean;
}

const hashText = (row: readonly unknown[]): string => String(row[LOG_COLUMN.hash] ?? '').trim();

/** The log's committed rows, read without the lock (null: no secret here, nothing can be told genuine). */
function readLogSnapshot(ss: Spreadsheet, wanted: ReadonlySet<string>): LogSnapshot | null {
  const key = addonKey(ss.getId());
  if (!key) return null;
  const sheet = logSheet(ss);
  const checkpoint = documentPropertiesOrNull() ? readCheckpoint() : null;
  const through = Math.max(1, Math.min(lastUsedRow(sheet), checkpoint?.row ?? Infinity));
  const fold = new LogFold(key, wanted);
  let hashCell = '';
  readLogRows(sheet, 2, through, (row, sheetRow) => {
    fold.fold(row, sheetRow, through);
    if (sheetRow === through) hashCell = hashText(row);
  });
  return { fold, through, hashCell, seq: checkpoint?.seq ?? null, used: false };
}

/**
 * Under the lock: the rows appended since the snapshot, folded in with the checkpoint as it stands
 * now. Null when the log no longer continues from the snapshot (see above).
 */
function catchUp(ss: Spreadsheet, snapshot: LogSnapshot): LogKnowledge | null {
  if (snapshot.used) return null;
  snapshot.used = true;
  const sheet = logSheet(ss);
  const checkpoint = documentPropertiesOrNull() ? readCheckpoint() : null;
  const committed = checkpoint?.row ?? Infinity;
  const last = lastUsedRow(sheet);
  if (last < snapshot.through || committed < snapshot.through) return null;
  if (snapshot.seq !== null && (checkpoint === null || checkpoint.seq < snapshot.seq)) return null;
  // The row the snapshot stopped at is read again (first): the chain goes on from its MAC.
  let continues = snapshot.through === 1;
  readLogRows(sheet, Math.max(2, snapshot.through), last, (row, sheetRow) => {
    if (sheetRow === snapshot.through) continues = hashText(row) === snapshot.hashCell;
    else if (continues) snapshot.fold.fold(row, sheetRow, committed);
  });
  return continues ? snapshot.fold.knowledge() : null;
}

/** Reads the log through a snapshot taken before the lock (undefined: none taken yet). */
class SnapshotReading implements LogReading {
  /** The snapshot caught up (it can be only once), for every call of this section. */
  private caughtUp: LogKnowledge | null | undefined;

  constructor(
    private readonly snapshot: LogSnapshot | null | undefined,
    private readonly lastTry: boolean,
  ) {}

  get hasReading(): boolean {
    return Boolean(this.snapshot);
  }

  ensureRead(wanted: () => ReadonlySet<string>): void {
    if (this.snapshot === undefined && !this.lastTry) throw new LogReadNeeded(wanted);
  }

  knowledge(ss: Spreadsheet, wanted: ReadonlySet<string>): LogKnowledge | null {
    const snapshot = this.snapshot;
    if (!snapshot) return null;
    const covered = [...wanted].every((id) => snapshot.fold.wanted.has(id));
    if (covered && this.caughtUp === undefined) this.caughtUp = catchUp(ss, snapshot);
    const knowledge = covered ? (this.caughtUp ?? null) : null;
    if (knowledge || this.lastTry) return knowledge;
    const again = new Set([...wanted, ...snapshot.fold.wanted]);
    throw new LogReadNeeded(() => again);
  }
}

/**
 * Runs `locked` (a section that takes the document lock) with a LogReading that reads the log outside
 * it: when the section throws LogReadNeeded (having written nothing), the log is read, the lock being
 * free, and the section runs again. Inside a section that holds the lock already there is no outside:
 * the whole log is read there, as before.
 */
export function withLogReadOutsideLock<T>(
  ss: Spreadsheet,
  locked: (log: LogReading) => T,
  /**
   * Called once, just before the first reading without the lock: records the edit as being checked
   * (a stopped execution runs no finally, so the record outlives it) and returns what forgets it, called
   * however the edit ends here.
   */
  beforeLockGivenBack: () => () => void = () => () => undefined,
): T {
  if (holdsDocumentLock()) return locked(WHOLE_LOG_READING);
  let snapshot: LogSnapshot | null | undefined;
  let forget: (() => void) | null = null;
  try {
    for (let reads = 0; ; reads++) {
      try {
        return locked(new SnapshotReading(snapshot, reads >= MAX_LOG_READS));
      } catch (error) {
        if (!(error instanceof LogReadNeeded) || holdsDocumentLock()) throw error;
        forget ??= beforeLockGivenBack();
        snapshot = readLogSnapshot(ss, error.wanted());
      }
    }
  } finally {
    forget?.();
  }
}
