/**
 * Verify audit log, fed chunk by chunk: the legacy part (plain SHA-256 rows written before the keyed
 * chain, as many as the checkpoint recorded, ending on the hash the checkpoint recorded), then the
 * keyed chain (keyed-verify.ts), then the end of the log against the checkpoint, and, when an
 * administrator gave one, against a daily anchor from an email (log-anchor.ts): the checkpoint is in
 * the document's properties, which someone able to reset them could roll back with the log; the
 * anchor is not.
 */
import { verifyChain } from './audit';
import { LOG_COLUMN } from './change-log-row';
import { isChainRow, keyedCell, parseKeyedCell, type Checkpoint, type HmacKey } from './keyed-chain';
import { checkEnd, verifyKeyedRows, type KeyedState, type TamperKind } from './keyed-verify';
import type { LogAnchor } from './log-anchor';

export type { TamperKind } from './keyed-verify';

export interface LogFailure {
  ok: false;
  /** Sheet row of the first bad row. */
  row: number;
  kind: TamperKind;
  detail: string;
}

export interface LogSuccess {
  ok: true;
  /** Data rows verified. */
  rows: number;
  /** Keyed rows verified and the last one's MAC. */
  seq: number;
  head: string;
  /** Keyed rows past the checkpoint (written by an execution that stopped before recording them). */
  uncommitted: number;
  /** The sheet row holding the anchor given, which it matched. */
  anchorRow?: number;
}

/**
 * Where a verification starts when not at the log's first row: after chain position `seq` (MAC
 * `mac`). `link`: the rows fed start with a copy of that row (the live tab's first row once its top
 * was archived), whose own MAC follows `link`.
 */
export interface ChainFrom {
  seq: number;
  mac: string;
  link?: string;
}

/** Where the live tab's chain starts: after the link row once the log's top was archived, else at its top. */
export function liveChainFrom(checkpoint: Checkpoint): ChainFrom | null {
  const a = checkpoint.archived;
  return a ? { seq: a.seq, mac: a.mac, link: a.prev } : null;
}

export class LogVerifier {
  private legacySeen = 0;
  private legacyHash: string;
  private state: KeyedState;
  private rows = 0;
  private failure: LogFailure | null = null;
  /** The anchor's row once the chain reached its position: sheet row and the MAC it carries. */
  private anchored: { row: number; mac: string } | null = null;
  /** The link row still to be checked (the MAC before it), or null. */
  private link: string | null = null;

  constructor(
    private readonly key: HmacKey,
    private readonly checkpoint: Checkpoint,
    private readonly anchor: LogAnchor | null = null,
    from: ChainFrom | null = liveChainFrom(checkpoint),
  ) {
    this.legacyHash = '0'.repeat(64);
    this.state = { seq: 0, mac: checkpoint.legacyHead };
    if (from) {
      // The legacy rows, if any, are before this part: not fed here.
      this.legacySeen = checkpoint.legacyRows;
      this.state = { seq: from.seq, mac: from.mac };
      this.link = from.link ?? null;
    }
  }

  /** Checks the link row: a copy of the last row moved to the archive files, exactly as it was. */
  private checkLink(row: readonly unknown[] | undefined, sheetRow: number): LogFailure | null {
    const prev = this.link as string;
    this.link = null;
    const { seq, mac } = this.state;
    if (isChainRow(this.key, row, { seq, mac, prev })) return null;
    const holds = String(row?.[LOG_COLUMN.hash] ?? '').trim() === keyedCell(seq, mac);
    return this.fail(
      sheetRow,
      'edited',
      `this first row must repeat the last row moved to the archive files (chain position ${seq}), which the rest of the log follows; it ${holds ? 'has another content' : 'is another row'}`,
    );
  }

  /** The last position verified so far, and its MAC. */
  get position(): KeyedState {
    return this.state;
  }

  private fail(row: number, kind: TamperKind, detail: string): LogFailure {
    this.failure = { ok: false, row, kind, detail };
    return this.failure;
  }

  /**
   * Verifies `count` rows of `rows` (any more are lookahead, the first rows of the next chunk);
   * `firstRowNumber` is the sheet row of rows[0]. Returns the first failure, or null.
   */
  feed(rows: readonly (readonly unknown[])[], count: number, firstRowNumber: number): LogFailure | null {
    if (this.failure) return this.failure;
    let i = 0;
    if (this.link !== null && count > 0) {
      const bad = this.checkLink(rows[0], firstRowNumber);
      if (bad) return bad;
      i = 1;
    }
    const legacyRows = this.checkpoint.legacyRows;
    if (this.legacySeen < legacyRows) {
      let n = 0;
      const room = Math.min(count, legacyRows - this.legacySeen);
      while (n < room && parseKeyedCell(rows[n]?.[LOG_COLUMN.hash]) === null) n++;
      const result = verifyChain(rows.slice(0, n), {
        previousHash: this.legacyHash,
        firstRowNumber: firstRowNumber,
      });
      if (!result.ok && n < room) {
        const missing = legacyRows - this.legacySeen - n;
        return this.fail(
          result.firstBrokenRow,
          'deleted',
          `${missing} row${missing === 1 ? '' : 's'} from before the keyed chain are missing at or above it`,
        );
      }
      if (!result.ok) {
        return this.fail(
          result.firstBrokenRow,
          'edited',
          `${result.reason.replace(/^row \d+:?\s*/, '')} (a row from before the keyed chain)`,
        );
      }
      if (result.rows < n) {
        return this.fail(
          firstRowNumber + result.rows,
          'edited',
          'it is blank inside the log (it was cleared)',
        );
      }
      this.legacySeen += n;
      this.legacyHash = result.lastHash;
      this.rows += n;
      i = n;
      if (n < room) {
        const missing = legacyRows - this.legacySeen;
        return this.fail(
          firstRowNumber + n,
          'deleted',
          `${missing} row${missing === 1 ? '' : 's'} from before the keyed chain are missing above it`,
        );
      }
      if (this.legacySeen === legacyRows && this.legacyHash !== this.checkpoint.legacyHead) {
        return this.fail(
          firstRowNumber + n - 1,
          'edited',
          'the rows from before the keyed chain were rewritten (their last hash is not the one the add-on recorded)',
        );
      }
    }
    if (i >= count) return null;
    const view = i === 0 ? rows : rows.slice(i);
    const keyed = verifyKeyedRows(this.key, view, count - i, this.state, this.checkpoint, firstRowNumber + i);
    if (!keyed.ok) return this.fail(keyed.row, keyed.kind, keyed.detail);
    // Verified rows hold consecutive positions: the anchor's, when in this chunk, is found by offset.
    const at = this.anchor ? this.anchor.seq - this.state.seq - 1 : -1;
    if (at >= 0 && at < keyed.rows) {
      const cell = parseKeyedCell(view[at]?.[LOG_COLUMN.hash]);
      if (cell) this.anchored = { row: firstRowNumber + i + at, mac: cell.mac };
    }
    this.state = keyed.state;
    this.rows += keyed.rows;
    return null;
  }

  /** The verdict once every row was fed; `nextRowNumber` is the sheet row after the last one. */
  finish(nextRowNumber: number): LogSuccess | LogFailure {
    if (this.failure) return this.failure;
    if (this.link !== null) {
      return this.fail(
        nextRowNumber,
        'deleted',
        `the log's first row, which repeats the last row moved to the archive files (chain position ${this.state.seq}), is gone`,
      );
    }
    if (this.legacySeen < this.checkpoint.legacyRows) {
      const missing = this.checkpoint.legacyRows - this.legacySeen;
      return this.fail(
        nextRowNumber,
        'truncated',
        `the log ends ${missing} row${missing === 1 ? '' : 's'} short, before the keyed chain even starts`,
      );
    }
    const end = checkEnd(this.state, this.checkpoint, nextRowNumber);
    if (!end.ok) return this.fail(end.row, end.kind, end.detail);
    const anchorFailure = this.checkAnchor(nextRowNumber);
    if (anchorFailure) return anchorFailure;
    const verified = { rows: this.rows, seq: this.state.seq, head: this.state.mac, uncommitted: end.extra };
    return this.anchored
      ? { ok: true, ...verified, anchorRow: this.anchored.row }
      : { ok: true, ...verified };
  }

  /** The anchor against the verified log: its position must still be there, carrying its MAC. */
  private checkAnchor(nextRowNumber: number): LogFailure | null {
    const anchor = this.anchor;
    if (!anchor) return null;
    if (!this.anchored) {
      const missing = anchor.seq - this.state.seq;
      return this.fail(
        nextRowNumber,
        'truncated',
        `the log ends at chain position ${this.state.seq}, ${missing} row${missing === 1 ? '' : 's'} short of the anchor you gave (position ${anchor.seq}): rows were removed from its end, and the add-on's own record of the log was reset to match`,
      );
    }
    if (this.anchored.mac !== anchor.mac) {
      return this.fail(
        this.anchored.row,
        'fabricated',
        `the row at chain position ${anchor.seq} carries MAC ${this.anchored.mac.slice(0, 16)}…, not the anchor's ${anchor.mac.slice(0, 16)}…: the log was rewritten at or above this row and chained again, or the add-on's secret was replaced`,
      );
    }
    return null;
  }
}
