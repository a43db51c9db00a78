/**
 * Reading the change log as the trusted record of what each work order holds: which orders the log
 * knows as live (created, not archived) and, for the few records asked for, every line to replay
 * (core/replay.ts).
 *
 * Only rows the add-on wrote count: a keyed row must carry the MAC the add-on's secret gives over the
 * previous row's MAC and its own content, so a row typed, pasted or edited by hand (which nobody
 * without the secret can sign) is skipped and can neither invent an order nor change one. Rows from
 * before the keyed chain started (plain SHA-256 hashes, at the top of an older log) are taken as they
 * are: nothing better vouches for them, and Verify audit log checks their chain.
 *
 * Cost: the whole log, one read per 50,000 rows. Callers take this path only when something is
 * already wrong (an order missing from the register, a paste over the hidden state column), and read
 * it without the document lock where they can: LogFold lets a reading stop at one row and go on from
 * the next under the lock (./log-snapshot).
 */
import { canonicalOfRow, GENESIS_HASH, isBlankRow } from '../../../core/audit';
import { entriesOfRow, LOG_COLUMN } from '../../../core/change-log-row';
import { parseKeyedCell, type HmacKey } from '../../../core/keyed-chain';
import { ARCHIVED_FIELD, CREATED_FIELD, collectHistories, type RecordHistory } from '../../../core/replay';
import { hmacSha256Hex } from '../../../core/sha256';
import { addonKey } from '../../adapters/addon-secret';
import { readChangeLogChunks } from '../../adapters/change-log-read';
import { readCheckpoint } from '../../adapters/change-log-tail';
import { documentPropertiesOrNull } from '../../adapters/service-handles';
import { logSheet } from '../../adapters/workbook';
import type { Spreadsheet, Sheet } from '../../adapters/apps-script-types';

export const CHUNK_ROWS = 50_000;
const PLAIN_HASH = /^[0-9a-f]{64}$/;

export interface LogKnowledge {
  /** Every record the log knows as created and not archived since. */
  live: Set<string>;
  /** Every record the log shows as moved to the Archive tab (and not created again since). */
  archived: Set<string>;
  /** Lines of the records asked for. */
  histories: Map<string, RecordHistory>;
  /** Rows skipped because the add-on did not write them as they stand. */
  skipped: number;
}

/**
 * Decides, row by row in log order, whether the add-on wrote it: a keyed row verifies against the
 * MAC of the row above it (a MAC covers its predecessor's, so a row that verifies is the add-on's);
 * plain rows count only before the first keyed one. Holds one row's worth of state, whatever the
 * log's length.
 */
export class GenuineRows {
  private keyedSeen = false;
  private previousCell = '';

  constructor(private readonly key: HmacKey) {}

  /**
   * Whether the add-on wrote `row`. Every row of the log passes through here in order; only those
   * `needed` are checked (a MAC depends on the row above's MAC cell alone, so skipping the check of
   * the others costs nothing but the HMAC, the bulk of the time).
   */
  accept(row: readonly unknown[], needed = true): boolean {
    const hashCell = String(row[LOG_COLUMN.hash] ?? '').trim();
    const above = this.previousCell;
    this.previousCell = hashCell;
    const cell = parseKeyedCell(hashCell);
    if (!cell) return !this.keyedSeen && PLAIN_HASH.test(hashCell);
    this.keyedSeen = true;
    if (!needed) return false;
    const aboveKeyed = parseKeyedCell(above);
    let previous: string | null = null;
    if (cell.seq === 1) previous = PLAIN_HASH.test(above) ? above : GENESIS_HASH;
    else if (aboveKeyed?.seq === cell.seq - 1) previous = aboveKeyed.mac;
    if (previous === null) return false;
    const canonical = canonicalOfRow(row);
    if (!('content' in canonical)) return false;
    return hmacSha256Hex(this.key, `${previous}\n${cell.seq}\n`, canonical.content) === cell.mac;
  }
}

/**
 * The log read row by row in order: which rows are genuine (GenuineRows) and what those say. Rows up
 * to `committedThrough` (the checkpoint's row) are committed; past it, only a move to the Archive
 * counts (see readLogKnowledge). Holds the live/archived state of every order and the lines of the
 * wanted ones, so a reading can stop at one row and go on from the next later (log-snapshot.ts).
 */
export class LogFold {
  private readonly genuine: GenuineRows;
  private readonly state = new Map<string, boolean>();
  private readonly histories = new Map<string, RecordHistory>();
  private skipped = 0;

  constructor(
    key: HmacKey,
    readonly wanted: ReadonlySet<string>,
  ) {
    this.genuine = new GenuineRows(key);
  }

  /** Takes in the next row of the log (sheet row `sheetRow`). */
  fold(row: readonly unknown[], sheetRow: number, committedThrough: number): void {
    if (isBlankRow(row)) return;
    const committed = sheetRow <= committedThrough;
    const changes = String(row[LOG_COLUMN.changes] ?? '');
    const id = String(row[LOG_COLUMN.recordId] ?? '').trim();
    const needed = changes.includes(CREATED_FIELD) || changes.includes(ARCHIVED_FIELD) || this.wanted.has(id);
    if (!this.genuine.accept(row, needed)) {
      if (needed) this.skipped++;
      return;
    }
    const lines = entriesOfRow(row);
    for (const line of lines) {
      if (line.field === CREATED_FIELD && committed) this.state.set(line.recordId, true);
      else if (line.field === ARCHIVED_FIELD) this.state.set(line.recordId, false);
    }
    if (committed && this.wanted.has(id)) collectHistories(lines, this.histories, this.wanted);
  }

  knowledge(): LogKnowledge {
    const knowledge: LogKnowledge = {
      live: new Set(),
      archived: new Set(),
      histories: this.histories,
      skipped: this.skipped,
    };
    for (const [id, live] of this.state) (live ? knowledge.live : knowledge.archived).add(id);
    return knowledge;
  }
}

/** The sheet row through which the log's rows are committed (Infinity outside a document). */
export function committedThrough(): number {
  const checkpoint = documentPropertiesOrNull() ? readCheckpoint() : null;
  return checkpoint?.row ?? Infinity;
}

/** Reads the log's rows `first`..`last` (sheet rows), one read per CHUNK_ROWS, into `visit`. */
export function readLogRows(
  sheet: Sheet,
  first: number,
  last: number,
  visit: (row: readonly unknown[], sheetRow: number) => void,
): void {
  readChangeLogChunks(sheet, { chunkRows: CHUNK_ROWS, from: first, through: last }, (rows, _count, top) => {
    rows.forEach((row, offset) => visit(row, top + offset));
  });
}

/**
 * What the genuine rows of the log say: live and archived ids, and the histories of `wanted`.
 * Null when the add-on has no secret here (nothing could be told genuine).
 */
export function readLogKnowledge(ss: Spreadsheet, wanted: ReadonlySet<string>): LogKnowledge | null {
  const key = addonKey(ss.getId());
  if (!key) return null;
  const sheet = logSheet(ss);
  // In a document, rows past the checkpoint were written by a change that has not finished (or
  // failed). The next append keeps a move to the Archive whose order is gone and drops a creation
  // whose order never landed: until then, such a move counts and nothing else does.
  const through = committedThrough();
  const fold = new LogFold(key, wanted);
  readChangeLogChunks(sheet, { chunkRows: CHUNK_ROWS }, (rows, _count, first) => {
    for (const [offset, row] of rows.entries()) fold.fold(row, first + offset, through);
  });
  return fold.knowledge();
}
