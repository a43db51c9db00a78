/**
 * The change log's keyed chain. Each row's Hash cell holds `k<seq>.<mac>`: its position in the chain
 * and HMAC-SHA-256, keyed with a secret only the add-on holds (document properties), over the
 * previous row's MAC, the position and the row's canonical content. Unlike the plain SHA-256 chain
 * (audit.ts), nobody who can only edit the sheet can compute a MAC, so an edited, inserted, deleted,
 * reordered or fabricated row is caught; the checkpoint (position and MAC of the last row the add-on
 * wrote, also in document properties) catches a log cut short at its end.
 *
 * A log started before the keyed chain keeps its SHA-256 rows: the first keyed row chains to the
 * last of them, so they are covered too, and the checkpoint records how many there were.
 */
import { canonicalContent, canonicalOfRow } from './audit';
import { LOG_COLUMN, actionCells, toActions, type LogAction, type UnhashedEntry } from './change-log-row';
import { hmacSha256Hex, type HmacKey } from './sha256';

export { hmacKey, type HmacKey } from './sha256';

/** What the add-on remembers about its log: document properties, updated with every append. */
export interface Checkpoint {
  /** Data rows written before the keyed chain started (plain SHA-256 rows). */
  legacyRows: number;
  /** The last legacy row's hash (64 zeros for none): what keyed row 1 chains to. */
  legacyHead: string;
  /** Keyed rows written so far: the position of the last one. */
  seq: number;
  /** The MAC of keyed row `seq` (legacyHead when seq is 0). */
  head: string;
  /** Sheet row of the last log row the add-on wrote (1: the header, for an empty log). */
  row: number;
  /** The sheet's row count when known. */
  maxRows: number | null;
  /** Mail intents (document property keys) of the last commit, settled by the next append. */
  mail?: string[];
  /**
   * The sheet id of the tab the rows were written to. A name is not an identity: anyone who may write
   * the log may rename its tab and make another under its name, and an append there would extend a tab
   * its maker controls while the real log sits unseen under the other name.
   */
  sheetId?: number;
  /**
   * Set once the log's oldest rows were moved to archive files (features/archive/log.ts): the tab then
   * starts at a later chain position, its first data row a copy of the last row moved (the link).
   */
  archived?: ArchivedLog;
  /**
   * A move of the log's top rows under way: `deleted` rows from sheet row 2 are being deleted, after
   * which the log is archived through `archived`. Settled by whoever reads the checkpoint next
   * (settleCut), from whether sheet row 2 holds the new link yet.
   */
  cut?: { deleted: number; archived: ArchivedLog };
}

/** One archive file's part of the log: its Change Log tab holds `rows` data rows, ending at `seq`. */
export interface ArchivedPart {
  year: number;
  /** Chain position and MAC of the part's last row. */
  seq: number;
  mac: string;
  /** Data rows in the file's tab (the first part holds the rows from before the keyed chain too). */
  rows: number;
}

/** The part of the log moved to archive files, oldest first (contiguous: each part follows the last). */
export interface ArchivedLog {
  /** Position and MAC of the last row moved, which the tab keeps as its first data row (the link). */
  seq: number;
  mac: string;
  /** The MAC of the position before it: what the link row's own MAC is computed after. */
  prev: string;
  parts: ArchivedPart[];
}

/** Where the keyed chain continues in the live tab: after the link, or after the legacy rows. */
export function chainStart(checkpoint: Checkpoint): { seq: number; mac: string } {
  const a = checkpoint.archived;
  return a ? { seq: a.seq, mac: a.mac } : { seq: 0, mac: checkpoint.legacyHead };
}

/** Rows from before the keyed chain still in the live tab (none once the log's top was archived). */
export function liveLegacyRows(checkpoint: Checkpoint): number {
  return checkpoint.archived ? 0 : checkpoint.legacyRows;
}

/** Rows at the live tab's top that repeat the archived part's end: the link, once the top was archived. */
export function linkRows(checkpoint: Checkpoint): number {
  return checkpoint.archived ? 1 : 0;
}

/**
 * Whether `row` is the chain's row at position `at.seq`: its Hash cell names that position and MAC, and
 * its content gives that MAC after `at.prev` under `key` (so a Hash cell copied onto another row is not).
 */
export function isChainRow(
  key: HmacKey,
  row: readonly unknown[] | undefined,
  at: { seq: number; mac: string; prev: string },
): boolean {
  const cell = parseKeyedCell(row?.[LOG_COLUMN.hash]);
  if (cell?.seq !== at.seq || cell.mac !== at.mac) return false;
  const canonical = canonicalOfRow(row ?? []);
  return (
    'content' in canonical && hmacSha256Hex(key, `${at.prev}\n${at.seq}\n`, canonical.content) === at.mac
  );
}

/** The checkpoint once the cut's rows are gone from the tab's top: archived through the cut's link. */
export function applyCut(checkpoint: Checkpoint, cut: NonNullable<Checkpoint['cut']>): Checkpoint {
  const { cut: _pending, ...rest } = checkpoint;
  return {
    ...rest,
    archived: cut.archived,
    row: rest.row - cut.deleted,
    maxRows: rest.maxRows === null ? null : rest.maxRows - cut.deleted,
  };
}

/**
 * The checkpoint once a pending cut is settled: `topRow` is sheet row 2 as read now. Holding the cut's
 * new link there (isChainRow: a Hash cell copied onto another row is not), the rows were deleted and the
 * log is archived through it; else they were not (the move stopped before), and the checkpoint stands
 * as it was.
 */
export function settleCut(
  checkpoint: Checkpoint,
  topRow: readonly unknown[] | undefined,
  key: HmacKey | null,
): Checkpoint {
  const { cut, ...rest } = checkpoint;
  if (!cut) return checkpoint;
  return key !== null && isChainRow(key, topRow, cut.archived) ? applyCut(checkpoint, cut) : rest;
}

const HEX64 = /^[0-9a-f]{64}$/;
const whole = (n: unknown, min: number): boolean => Number.isInteger(n) && (n as number) >= min;

function isArchivedLog(value: unknown): value is ArchivedLog {
  if (!value || typeof value !== 'object') return false;
  const a = value as Partial<ArchivedLog>;
  const part = (p: Partial<ArchivedPart> | undefined): boolean =>
    !!p &&
    whole(p.year, 1) &&
    whole(p.seq, 1) &&
    typeof p.mac === 'string' &&
    HEX64.test(p.mac) &&
    whole(p.rows, 1);
  return (
    whole(a.seq, 1) &&
    typeof a.mac === 'string' &&
    HEX64.test(a.mac) &&
    typeof a.prev === 'string' &&
    HEX64.test(a.prev) &&
    Array.isArray(a.parts) &&
    a.parts.length > 0 &&
    a.parts.every(part) &&
    a.parts[a.parts.length - 1]?.seq === a.seq
  );
}

export function isCheckpoint(value: unknown): value is Checkpoint {
  if (!value || typeof value !== 'object') return false;
  const c = value as Partial<Checkpoint>;
  return (
    whole(c.legacyRows, 0) &&
    typeof c.legacyHead === 'string' &&
    HEX64.test(c.legacyHead) &&
    whole(c.seq, 0) &&
    typeof c.head === 'string' &&
    HEX64.test(c.head) &&
    whole(c.row, 1) &&
    (c.maxRows === null || whole(c.maxRows, 1)) &&
    (c.mail === undefined || (Array.isArray(c.mail) && c.mail.every((k) => typeof k === 'string'))) &&
    (c.sheetId === undefined || Number.isInteger(c.sheetId)) &&
    (c.archived === undefined || isArchivedLog(c.archived)) &&
    (c.cut === undefined || (whole(c.cut.deleted, 1) && isArchivedLog(c.cut.archived)))
  );
}

export function parseCheckpoint(text: string | null): Checkpoint | null {
  if (!text) return null;
  try {
    const parsed: unknown = JSON.parse(text);
    return isCheckpoint(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

/** The Hash cell of keyed row `seq`. */
export function keyedCell(seq: number, mac: string): string {
  return `k${seq}.${mac}`;
}

const KEYED = /^k([1-9]\d{0,14})\.([0-9a-f]{64})$/;

/** A Hash cell read back as a keyed position and MAC, or null (a plain hash, blank or typed text). */
export function parseKeyedCell(value: unknown): { seq: number; mac: string } | null {
  if (typeof value !== 'string') return null;
  const m = KEYED.exec(value.trim());
  return m ? { seq: Number(m[1]), mac: m[2] as string } : null;
}

/** The MAC of an action at position `seq` after `prevMac`. */
export function keyedMac(key: HmacKey, prevMac: string, seq: number, action: LogAction): string {
  return hmacSha256Hex(key, `${prevMac}\n${seq}\n`, canonicalContent(action));
}

/** Rows to append after position `seq` with MAC `head`, and the new position and head. */
export function keyedRows(
  key: HmacKey,
  seq: number,
  head: string,
  entries: readonly UnhashedEntry[],
): { rows: unknown[][]; seq: number; head: string } {
  const rows: unknown[][] = [];
  let position = seq;
  let mac = head;
  for (const action of toActions(entries)) {
    position++;
    mac = keyedMac(key, mac, position, action);
    rows.push(actionCells(action, keyedCell(position, mac)));
  }
  return { rows, seq: position, head: mac };
}
