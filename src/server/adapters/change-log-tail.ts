/**
 * Where the change log ends, and the two-step append (change-log.ts is the entry point).
 *
 * The checkpoint (document properties, keyed-chain.ts `Checkpoint`) is the add-on's own record of its
 * log: how many keyed rows it wrote, the last one's MAC, and the sheet row it is on. A warm append
 * costs one read (the hash cells from the checkpoint's row down: the checkpoint's row must still hold
 * its MAC and nothing may follow it) and one write, then the checkpoint's update.
 *
 * An append is written in two steps: `writeRows` puts the MAC'd rows after the checkpoint's row, the
 * caller makes its own change (the register), and `commit` records the rows in the checkpoint. Rows
 * written but not committed (the execution failed in between) are what the next append finds past
 * the checkpoint: change-log-recovery.ts keeps them when the change they record is in the register
 * and writes over them otherwise. So a change and its log row land together, or neither counts.
 *
 * When the checkpoint's row no longer holds its MAC, or other rows follow it (someone edited, deleted
 * or typed rows into the log), the append goes after the sheet's last row, still chained to the
 * checkpoint: the chain continues from what the add-on knows, and Verify audit log names the damage.
 */
import { CHANGE_LOG_HEADERS } from '../../core/model';
import { asText } from '../../core/headers';
import { GENESIS_HASH } from '../../core/audit';
import { LOG_COLUMN } from '../../core/change-log-row';
import {
  hmacKey,
  keyedCell,
  keyedRows,
  parseCheckpoint,
  parseKeyedCell,
  settleCut,
  type Checkpoint,
  type HmacKey,
} from '../../core/keyed-chain';
import type { UnhashedEntry } from '../../core/audit';
import { activeSpreadsheet, logSheet } from './workbook';
import { PROPERTY_KEYS } from './document-properties';
import { documentSecret } from './addon-secret';
import { documentPropertiesOrNull } from './service-handles';
import type { Spreadsheet, Sheet } from './apps-script-types';

const HASH_COLUMN = LOG_COLUMN.hash + 1;
/** Document property holding the checkpoint (JSON). */
export const CHECKPOINT_KEY = PROPERTY_KEYS.changeLogCheckpoint;
/**
 * Rows read below the checkpoint's row: uncommitted rows of a failed execution show up here (when they
 * fill it, the rest down to the sheet's last row is read too: see findTail).
 */
export const TAIL_WINDOW = 50;
/** Rows added at a time when the log sheet grows (8,000 empty cells of the 10-million-cell limit). */
const GROW_BY = 1000;
/** Below this many spare rows, an execution with a call to spare grows the sheet early. */
const LOW_WATER = 300;

const HEX64 = /^[0-9a-f]{64}$/;

/**
 * The checkpoint as it stands. A move of the log's top rows to an archive file that stopped midway
 * (features/archive/log.ts) left a pending cut in it: whether its rows were deleted is read from sheet
 * row 2 (one read, and the secret's, only then), and the checkpoint returned is the settled one. Only a writer (under the
 * document lock, which the move holds throughout) stores it, with its next commit.
 */
export function readCheckpoint(): Checkpoint | null {
  const stored = readStoredCheckpoint();
  return stored?.cut ? settled(stored) : stored;
}

function readStoredCheckpoint(): Checkpoint | null {
  return parseCheckpoint(documentPropertiesOrNull()?.getProperty(CHECKPOINT_KEY) ?? null);
}

function settled(stored: Checkpoint): Checkpoint {
  const secret = documentSecret({ create: false });
  const top = logSheet(activeSpreadsheet()).getRange(2, 1, 1, CHANGE_LOG_HEADERS.length).getValues()[0];
  return settleCut(stored, top, secret === null ? null : hmacKey(secret));
}

/** Stores the settled checkpoint when a pending cut was left in it. The caller holds the document lock. */
export function storeSettledCut(): void {
  const stored = readStoredCheckpoint();
  if (stored?.cut) writeCheckpoint(settled(stored));
}

/**
 * Writes the checkpoint; `also`: other document properties the caller would write right after it,
 * written with it in the same setProperties call (one round trip instead of two).
 */
export function writeCheckpoint(checkpoint: Checkpoint, also?: Readonly<Record<string, string>>): void {
  const props = documentPropertiesOrNull();
  if (!props) return;
  const json = JSON.stringify(checkpoint);
  if (also && Object.keys(also).length > 0) props.setProperties({ ...also, [CHECKPOINT_KEY]: json });
  else props.setProperty(CHECKPOINT_KEY, json);
}

/** The Hash cell text the checkpoint's row must hold. */
export function checkpointCell(checkpoint: Checkpoint): string {
  if (checkpoint.row === 1) return CHANGE_LOG_HEADERS[LOG_COLUMN.hash] as string;
  return checkpoint.seq === 0 ? checkpoint.legacyHead : keyedCell(checkpoint.seq, checkpoint.head);
}

/**
 * The checkpoint of a log that has none yet: a new log, or one written before the keyed chain, whose
 * rows become its legacy part (their SHA-256 chain is checked as before, and the first keyed row
 * chains to the last of them). Three reads.
 *
 * Keyed rows at the log's end with no checkpoint are the first keyed append's, left uncommitted by an
 * execution that failed before its commit: the checkpoint is put before them (one more read, to check
 * they run from position 1 after the legacy part), so the append that finds them settles them as any
 * uncommitted rows (change-log-recovery.ts) instead of reading them as legacy ones; if they do not
 * verify under the add-on's secret, the append asks again with `keyedRunUncommitted` false.
 */
export function startCheckpoint(sheet: Sheet, keyedRunUncommitted = true): Checkpoint {
  const row = Math.max(1, sheet.getLastRow());
  const maxRows = sheet.getMaxRows();
  const cell = asText(sheet.getRange(row, HASH_COLUMN).getValue());
  const keyed = row >= 2 && keyedRunUncommitted ? parseKeyedCell(cell) : null;
  if (keyed && keyed.seq <= row - 1) {
    const base = row - keyed.seq;
    const start = beforeFirstKeyedRun(sheet, base, keyed.seq, maxRows);
    if (start) return start;
  }
  const last = cell.trim().toLowerCase();
  const legacyHead = row >= 2 && HEX64.test(last) ? last : GENESIS_HASH;
  return { legacyRows: row - 1, legacyHead, seq: 0, head: legacyHead, row, maxRows };
}

/**
 * The checkpoint before keyed rows 1..`count` when they follow sheet row `base` (the header, or the
 * last legacy row) in order; null when they do not (then they are read as before).
 */
function beforeFirstKeyedRun(sheet: Sheet, base: number, count: number, maxRows: number): Checkpoint | null {
  const cells = sheet.getRange(base, HASH_COLUMN, count + 1, 1).getValues();
  for (let i = 1; i <= count; i++) if (parseKeyedCell(cells[i]?.[0])?.seq !== i) return null;
  const baseCell = asText(cells[0]?.[0]).trim().toLowerCase();
  if (base >= 2 && !HEX64.test(baseCell)) return null;
  const legacyHead = base >= 2 ? baseCell : GENESIS_HASH;
  return { legacyRows: base - 1, legacyHead, seq: 0, head: legacyHead, row: base, maxRows };
}

/** What the append found at the end of the log. */
export interface Tail {
  checkpoint: Checkpoint;
  /** Sheet row after which the next rows go. */
  endRow: number;
  /** Hash cells below the checkpoint's row that parse as keyed rows following it (uncommitted). */
  uncommitted: number;
  /** True when the checkpoint's row lost its MAC or foreign rows follow it. */
  damaged: boolean;
  /** Rows known to exist in the sheet. */
  knownRows: number;
}

/**
 * One read of the hash cells from the checkpoint's row down (two more when the log was damaged, or
 * when uncommitted rows fill the whole window: a failed append of more rows than the window, read on
 * to the sheet's last row so that all of them are settled together).
 */
export function findTail(sheet: Sheet, checkpoint: Checkpoint): Tail {
  const count =
    checkpoint.maxRows === null
      ? TAIL_WINDOW
      : Math.min(TAIL_WINDOW, checkpoint.maxRows - checkpoint.row + 1);
  let cells: unknown[][] | null;
  try {
    cells = sheet.getRange(checkpoint.row, HASH_COLUMN, count, 1).getValues();
  } catch {
    cells = null; // Past the sheet's end: rows were deleted.
  }
  if (cells && asText(cells[0]?.[0]) === checkpointCell(checkpoint)) {
    const follows = (cells: unknown[][], from: number): number => {
      let n = from;
      while (parseKeyedCell(cells[n + 1]?.[0])?.seq === checkpoint.seq + n + 1) n++;
      return n;
    };
    let uncommitted = follows(cells, 0);
    // Only the add-on's own uncommitted rows may follow, and the window must not be full to its end.
    let windowReachesEnd = count < TAIL_WINDOW;
    if (uncommitted > 0 && uncommitted === cells.length - 1) {
      // Only after a failure: uncommitted rows fill the window, and more may follow below it.
      const lastRow = sheet.getLastRow();
      const next = checkpoint.row + cells.length;
      if (lastRow >= next)
        cells = [...cells, ...sheet.getRange(next, HASH_COLUMN, lastRow - next + 1, 1).getValues()];
      uncommitted = follows(cells, uncommitted);
      windowReachesEnd = true;
    }
    let k = cells.length - 1;
    while (k > uncommitted && asText(cells[k]?.[0]) === '') k--;
    if (k === uncommitted && (k < cells.length - 1 || windowReachesEnd)) {
      return {
        checkpoint,
        endRow: checkpoint.row + uncommitted,
        uncommitted,
        damaged: false,
        knownRows: checkpoint.row + Math.max(count, cells.length) - 1,
      };
    }
  }
  const maxRows = sheet.getMaxRows();
  return {
    checkpoint: { ...checkpoint, maxRows },
    endRow: Math.max(1, sheet.getLastRow()),
    uncommitted: 0,
    damaged: true,
    knownRows: maxRows,
  };
}

/** Rows written and not yet recorded in the checkpoint; `commit` records them. */
export interface WrittenRows {
  readonly checkpoint: Checkpoint;
}

/**
 * Writes `entries` after row `afterRow`, chained to `from` (the checkpoint, possibly with rows kept by
 * recovery), growing the sheet when needed. Returns the checkpoint to commit.
 */
export function writeRows(
  sheet: Sheet,
  key: HmacKey,
  from: Checkpoint,
  afterRow: number,
  knownRows: number,
  entries: readonly UnhashedEntry[],
  spareCalls: number,
  clearThrough = 0,
): WrittenRows {
  const { rows, seq, head } = keyedRows(key, from.seq, from.head, entries);
  if (rows.length === 0) return { checkpoint: from };
  const lastRow = afterRow + rows.length;
  // Uncommitted rows that recovery dropped and the new rows do not cover are blanked in the same write.
  const blanks = Math.max(0, clearThrough - lastRow);
  for (let i = 0; i < blanks; i++) rows.push(new Array<unknown>(CHANGE_LOG_HEADERS.length).fill(''));
  let maxRows = from.maxRows;
  let budget = spareCalls;
  // The row count is needed when the append may pass the rows known to exist, or to grow early.
  if (maxRows === null && (lastRow > knownRows || budget >= 2)) {
    maxRows = sheet.getMaxRows();
    budget--;
  }
  if (maxRows !== null) {
    const short = lastRow + blanks > maxRows;
    const low = budget >= 1 && maxRows - lastRow < LOW_WATER;
    if (short || low) {
      const add = Math.max(GROW_BY, lastRow + blanks - maxRows + LOW_WATER);
      sheet.insertRowsAfter(maxRows, add);
      maxRows += add;
    }
  }
  sheet.getRange(afterRow + 1, 1, rows.length, CHANGE_LOG_HEADERS.length).setValues(rows);
  return { checkpoint: { ...from, seq, head, row: lastRow, maxRows } };
}

/** Looks the end of the log up and records it (setup ends with this, so appends start warm). */
export function refreshChangeLogTail(ss: Spreadsheet): void {
  const sheet = logSheet(ss);
  const sheetId = sheet.getSheetId();
  const stored = readCheckpoint();
  if (!stored) {
    writeCheckpoint({ ...startCheckpoint(sheet), sheetId });
    return;
  }
  // Setup has named the add-on's log again (features/edits/register-identity.ts); a tab still of
  // another id is one an administrator's setup made or kept (the log deleted): appends go there, and
  // Verify reports what the checkpoint misses.
  const maxRows = sheet.getMaxRows();
  if (stored.maxRows !== maxRows || stored.sheetId !== sheetId)
    writeCheckpoint({ ...stored, maxRows, sheetId });
}

/**
 * Kept for the edit trigger, which calls it when someone types into the log: the checkpoint is the
 * add-on's record and is not forgotten; the next append reads the tail again anyway.
 */
export function forgetChangeLogTail(): void {
  // Nothing to forget: every append checks the checkpoint's row against the sheet.
}
