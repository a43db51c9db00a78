/**
 * How the change log is appended to (change-log.ts `appendChangeLog` is the entry point): usually in
 * two Spreadsheet calls, which the edit trigger needs to stay within six.
 *
 * A plain append would look the sheet up by name (a read), ask for its last row (a read), read that
 * row's hash (a read) and write. Here:
 *  - the sheet comes from `Spreadsheet.getRange("'Change Log'!A1").getSheet()`, a local accessor in
 *    Apps Script (no backend call);
 *  - where the log ends (last row, its hash, the sheet's row count when known) is remembered in document
 *    properties by every append and *verified* by one read of the hash column from that row down:
 *    the remembered hash must still be there, and rows appended since by a writer that has no document
 *    cache (the hourly job) show up below it in the same read.
 * When nothing is remembered (no document properties: the hourly job), the remembered row no
 * longer holds its hash (rows deleted or edited) or more rows than the window were appended meanwhile,
 * it falls back to the full lookup (last row, row count, hash: three reads).
 *
 * `getRange` past a sheet's last row throws in Apps Script, so the appender keeps spare rows below the
 * log, growing it a thousand rows at a time when the caller has a call to spare (and always when an
 * append would not fit).
 *
 * The caller holds the document lock, like every other log writer, so nothing appends between the
 * read and the write.
 */
import { CHANGE_LOG_HEADERS } from '../../core/model';
import { changeLogRows, GENESIS_HASH, type UnhashedEntry } from '../../core/audit';
import { LOG_COLUMN } from '../../core/change-log-row';
import { logSheet } from './workbook';
import { forgetSnapshot, readSnapshot, writeSnapshot } from './durable-snapshot';
import { PROPERTY_KEYS } from './document-properties';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const HASH_COLUMN = LOG_COLUMN.hash + 1;
const TAIL_KEY = PROPERTY_KEYS.changeLogTail;
/** Every use verifies the remembered tail against the sheet, so it may be old; a month bounds it. */
const TAIL_MAX_AGE_MS = 30 * 86_400_000;
/** Rows read to verify the tail: room for what other writers append between two sheet edits. */
export const TAIL_WINDOW = 200;
/** Rows added at a time when the log sheet grows (8,000 empty cells of the 10-million-cell limit). */
const GROW_BY = 1000;
/** Below this many spare rows, an execution with a call to spare grows the sheet early. */
const LOW_WATER = 300;

interface Tail {
  row: number;
  /** The hash cell's text at `row` ('Hash', the header, when the log is empty). */
  hash: string;
  /** The sheet's row count when known (appendChangeLog does not read it). */
  maxRows: number | null;
}

/** A tail that was checked against the sheet, with how many rows the sheet is known to have. */
interface CheckedTail extends Tail {
  knownRows: number;
}

function parseTail(text: string | null | undefined): Tail | null {
  if (!text) return null;
  try {
    const t = JSON.parse(text) as Partial<Tail>;
    const maxRows = t.maxRows ?? null;
    if (
      Number.isInteger(t.row) &&
      typeof t.hash === 'string' &&
      (t.row as number) >= 1 &&
      (maxRows === null || (Number.isInteger(maxRows) && maxRows >= (t.row as number)))
    ) {
      return { row: t.row as number, hash: t.hash, maxRows };
    }
  } catch {
    // Treated as no cache.
  }
  return null;
}

function readCachedTail(): Tail | null {
  return parseTail(readSnapshot(TAIL_KEY, TAIL_MAX_AGE_MS, Date.now()));
}

function rememberTail(tail: Tail): void {
  writeSnapshot(TAIL_KEY, JSON.stringify(tail), Date.now());
}

/** Forgets the tail (the edit trigger calls this when someone types into the log itself). */
export function forgetChangeLogTail(): void {
  forgetSnapshot(TAIL_KEY);
}

const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

/** The tail as verified from the remembered one (one read), or null when it cannot be trusted. */
function verifiedTail(sheet: Sheet, remembered: Tail): CheckedTail | null {
  const count =
    remembered.maxRows === null
      ? TAIL_WINDOW
      : Math.min(TAIL_WINDOW, remembered.maxRows - remembered.row + 1);
  let hashes: unknown[][];
  try {
    hashes = sheet.getRange(remembered.row, HASH_COLUMN, count, 1).getValues();
  } catch {
    return null; // Past the sheet's end: rows were deleted, or the log is near its last row.
  }
  if (text(hashes[0]?.[0]) !== remembered.hash) return null;
  let k = hashes.length - 1;
  while (k > 0 && text(hashes[k]?.[0]) === '') k--;
  // A window full to its last row may hide more rows below it (or a sheet grown by hand).
  if (k > 0 && k === hashes.length - 1) return null;
  return {
    row: remembered.row + k,
    hash: text(hashes[k]?.[0]),
    maxRows: remembered.maxRows,
    knownRows: remembered.row + count - 1,
  };
}

function lookedUpTail(sheet: Sheet): CheckedTail {
  const row = Math.max(1, sheet.getLastRow());
  const maxRows = sheet.getMaxRows();
  const hash = text(sheet.getRange(row, HASH_COLUMN).getValue());
  return { row, hash, maxRows, knownRows: maxRows };
}

/**
 * Looks the tail up and remembers it (three reads): setup ends with this, so the first append after it
 * — usually the first form submission — is already the cheap, verified kind.
 */
export function refreshChangeLogTail(ss: Spreadsheet): void {
  const { row, hash, maxRows } = lookedUpTail(logSheet(ss));
  rememberTail({ row, hash, maxRows });
}

export interface TailAppendOptions {
  /**
   * Spreadsheet calls the caller can still spend within its budget: with one, a sheet running out of
   * rows is grown early; with two, an unknown row count is looked up first.
   */
  spareCalls?: number;
}

/**
 * Appends `entries`, chained to the last row's hash. Usually two Spreadsheet calls (verify + write);
 * more when the sheet must grow or the tail must be looked up (see above).
 */
export function appendChangeLogTail(
  ss: Spreadsheet,
  entries: readonly UnhashedEntry[],
  options: TailAppendOptions = {},
): void {
  if (entries.length === 0) return;
  const sheet = logSheet(ss);
  const remembered = readCachedTail();
  const tail = (remembered && verifiedTail(sheet, remembered)) ?? lookedUpTail(sheet);
  const spare = options.spareCalls ?? 0;
  try {
    writeAfter(sheet, tail, entries, spare);
  } catch (error) {
    // Only a remembered row count can be wrong here (someone deleted empty rows at the bottom):
    // nothing was written (a write is all or nothing), so look everything up and write once more.
    if (!remembered) throw error;
    writeAfter(sheet, lookedUpTail(sheet), entries, 0);
  }
}

function writeAfter(sheet: Sheet, tail: CheckedTail, entries: readonly UnhashedEntry[], spare: number): void {
  const prevHash = tail.row >= 2 ? tail.hash || GENESIS_HASH : GENESIS_HASH;
  const { rows, lastHash } = changeLogRows(prevHash, entries);
  const lastRow = tail.row + rows.length;
  let maxRows = tail.maxRows;
  let budget = spare;
  // The row count is needed when the append may pass the rows known to exist, or to grow early.
  if (maxRows === null && (lastRow > tail.knownRows || budget >= 2)) {
    maxRows = sheet.getMaxRows();
    budget--;
  }
  if (maxRows !== null) {
    const short = lastRow > maxRows;
    const low = budget >= 1 && maxRows - lastRow < LOW_WATER;
    if (short || low) {
      const add = Math.max(GROW_BY, lastRow - maxRows + LOW_WATER);
      sheet.insertRowsAfter(maxRows, add);
      maxRows += add;
    }
  }
  sheet.getRange(tail.row + 1, 1, rows.length, CHANGE_LOG_HEADERS.length).setValues(rows);
  // Hashes are written through asCellText, which only prefixes an apostrophe: they read back as is.
  rememberTail({ row: lastRow, hash: lastHash, maxRows });
}
