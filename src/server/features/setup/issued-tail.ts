/**
 * The latest numbers the add-on issued, read from the END of the change log: what rebuilds a lost
 * counter while an execution holds the locks, in a few reads however long the log has grown.
 *
 * Why the end is enough: request ids and work-order numbers are handed out in increasing order, each
 * under the lock that every issuer holds, and each is logged ("Created", "WO Number") in the same
 * section. So, among the rows the add-on wrote, the last "Created" row names the highest request id
 * ever issued, and the last "WO Number" line of a year names that year's highest number. The log is
 * read upward in growing chunks (200 rows, then ×4, at most 50,000 a read) until those rows are found:
 * normally within the first read, since every order gets its "Created" row within a few dozen rows of
 * the end. A year with no number yet stops the reading at the first genuine row logged before it began.
 *
 * Only the add-on's own rows count, as log-history.ts decides (GenuineRows): a keyed row must carry the
 * MAC of its content chained to the row above's, which only the add-on's secret gives; a plain row
 * (SHA-256, from before the keyed chain) counts only in the legacy part at the top, which the
 * checkpoint (the add-on's own record of its log, in document properties) measures. A row typed or
 * pasted at the bottom claiming REQ-900000 is skipped: counting it would leave no duplicate, but every
 * id after it would carry that ugly, ever-growing number. A copy of genuine rows verifies but only
 * repeats numbers really issued. Without a checkpoint (the hourly job has no document properties; a
 * lost one; a log the keyed chain never reached), the legacy part ends at the keyed chain's genuine
 * first row once the reading meets it; until then a plain row counts only if the reading reaches the
 * top without meeting a keyed row above it, as GenuineRows reads forward (that case reads the whole
 * log: a log with no keyed row, or whose chain's first row was altered).
 *
 * Rows put in by hand above the checkpoint's row (which then no longer holds its MAC) make the reading
 * start at the sheet's end and go up through whatever was typed below the add-on's last row: a hostile
 * editor can make a rebuild read longer, never make it count a number the add-on did not issue.
 * The other way round, editing the add-on's latest "Created" row (or the hash cell above it) hides its
 * number, and the reading goes on to the one before: that number is then missed only if its order has
 * also left the register and the Archive tab (Verify audit log names the broken row either way).
 *
 * Whether the end is the whole story (`exact`): the reading starts at the checkpoint's row, the log's
 * last, still holding the MAC the checkpoint records (the add-on's own record of where its log ends),
 * and every row from there up to the latest "Created" (and "WO Number" of the year, or the year's
 * beginning) is the add-on's own. Then no number above those was issued and logged: a later "Created" row could not have
 * been deleted (the row below it would no longer verify, or, at the end, the checkpoint's row would
 * not hold its MAC), nor edited (it would not verify). The register's and the Archive tab's columns
 * then add nothing the log does not say (counters.ts reads only their last rows). Any other reading,
 * one with a row in between that the add-on did not write, leaves the tabs' whole columns to be read.
 *
 * Repair and Take over, which read before taking the locks, read the whole log instead, top down
 * (issuedInWholeLog), with the same rule: keyed rows that verify, plain rows only in the legacy part.
 */
import { isBlankRow } from '../../../core/audit';
import { LOG_COLUMN, entriesOfRow, timestampOf } from '../../../core/change-log-row';
import { parseRequestId, parseWoNumber } from '../../../core/ids';
import {
  keyedCell,
  liveLegacyRows,
  parseKeyedCell,
  type Checkpoint,
  type HmacKey,
} from '../../../core/keyed-chain';
import { CHANGE_LOG_HEADERS, REGISTER_COLUMNS, SHEET_NAMES } from '../../../core/model';
import { CREATED_FIELD } from '../../../core/replay';
import { DAY_MS } from '../../../core/time';
import { addonKey, documentSecret } from '../../adapters/addon-secret';
import { readChangeLogBackward } from '../../adapters/change-log-read';
import { readCheckpoint } from '../../adapters/change-log-tail';
import { documentPropertiesOrNull } from '../../adapters/service-handles';
import { GenuineRows, readLogRows } from '../integrity/log-history';
import type { Spreadsheet } from '../../adapters/apps-script-types';
import { findTab } from '../../adapters/workbook';
import { lastUsedRow } from '../../adapters/tabs';

/** Rows per read, bottom up: 200, then ×4, at most 50,000 (the last size repeats). */
const CHUNKS = [200, 800, 3_200, 12_800, 50_000];
const PLAIN_HASH = /^[0-9a-f]{64}$/;
const WO_FIELD = REGISTER_COLUMNS.woNumber;
/**
 * Rows judged one by one (an HMAC each) to call a reading exact; past them it is not, and the caller
 * reads the register's whole columns instead. The rows read for a request id are a few dozen.
 */
const CHECKED_ROWS = 2_000;
/** Rows are logged at the time their execution started, which can precede the lock by a while. */
const CLOCK_SLACK_MS = 2 * DAY_MS;

export interface LatestIssued {
  request: number;
  /** Highest sequence per year among the numbers met (the asked year's is the true highest). */
  workOrder: Record<string, number>;
  /** Sheet rows read, for the curious (tests, bench). */
  rowsRead: number;
  /**
   * Whether the numbers found are all the log can tell (see "Whether the end is the whole story"):
   * the reading started at the checkpoint's row, still holding its hash, and every row from there up
   * to the last one it needed is the add-on's own. Always false for the whole log's reading.
   */
  exact: boolean;
}

export interface IssuedWanted {
  request: boolean;
  /** The year whose highest work-order number is wanted; null for none. */
  woYear: number | null;
}

type Row = readonly unknown[];

/** Whether the add-on wrote `row` (sheet row `sheetRow`), `above` being the row over it (null: none). */
class TailJudge {
  /** Without a checkpoint: the sheet row of the keyed chain's genuine first row, once met. */
  private chainStart: number | null = null;

  constructor(
    private readonly key: HmacKey | null,
    private readonly checkpoint: Checkpoint | null,
  ) {}

  /** Whether the legacy part's end is still to be found by meeting the chain's first row. */
  get seeksChainStart(): boolean {
    return !this.checkpoint && this.chainStart === null;
  }

  /** Keyed row 1 at `sheetRow` is the add-on's: plain rows above it are the legacy part. */
  chainStartsAt(sheetRow: number): void {
    this.chainStart = sheetRow;
  }

  /** 'yes', 'no', or 'plain' (a plain-hash row whose standing depends on what lies above it). */
  judge(row: Row, above: Row | null, sheetRow: number): 'yes' | 'no' | 'plain' {
    const cell = String(row[LOG_COLUMN.hash] ?? '').trim();
    if (PLAIN_HASH.test(cell)) {
      if (this.checkpoint) return sheetRow <= liveLegacyRows(this.checkpoint) + 1 ? 'yes' : 'no';
      return this.chainStart === null ? 'plain' : sheetRow < this.chainStart ? 'yes' : 'no';
    }
    if (!this.key || !parseKeyedCell(cell)) return 'no';
    // GenuineRows checks a keyed row against the hash cell of the row before it, given first.
    const genuine = new GenuineRows(this.key);
    if (above) genuine.accept(above, false);
    return genuine.accept(row, true) ? 'yes' : 'no';
  }
}

/** What one genuine row says: the request ids it created and the work-order numbers it gave. */
function numbersOf(row: Row): { requests: number[]; wo: { year: number; seq: number }[] } {
  const requests: number[] = [];
  const wo: { year: number; seq: number }[] = [];
  for (const line of entriesOfRow(row)) {
    if (line.field === CREATED_FIELD) {
      const n = parseRequestId(line.recordId);
      if (n !== null) requests.push(n);
    } else if (line.field === WO_FIELD) {
      const parsed = parseWoNumber(line.newValue);
      if (parsed) wo.push(parsed);
    }
  }
  return { requests, wo };
}

/** The latest numbers issued, read upward from the log's end until `wanted` is known (see above). */
export function latestIssuedInLog(ss: Spreadsheet, wanted: IssuedWanted): LatestIssued {
  const found: LatestIssued = { request: 0, workOrder: {}, rowsRead: 0, exact: false };
  const sheet = findTab(ss, SHEET_NAMES.changeLog);
  if (!sheet) return found;
  const checkpoint = documentPropertiesOrNull() ? readCheckpoint() : null;
  const judge = new TailJudge(addonKey(ss.getId()), checkpoint);
  let requestDone = !wanted.request;
  let woDone = wanted.woYear === null;
  const yearBegan = wanted.woYear === null ? 0 : Date.UTC(wanted.woYear, 0, 1) - CLOCK_SLACK_MS;
  const take = (row: Row): void => {
    const { requests, wo } = numbersOf(row);
    for (const n of requests) {
      found.request = Math.max(found.request, n);
      requestDone = true;
    }
    for (const { year, seq } of wo) {
      found.workOrder[year] = Math.max(found.workOrder[year] ?? 0, seq);
      if (year === wanted.woYear) woDone = true;
    }
  };
  // Plain rows met before knowing whether a keyed row lies above them (no checkpoint only).
  let pending: Row[] = [];
  // Whether the chunk with the log's first data row was read through: the top was reached.
  let reachedTop = false;
  // Rows judged for exactness so far.
  let checked = 0;
  /** Judges the rows of one chunk (the row above it handed over first), bottom up; true once done. */
  const visit = (rows: unknown[][], first: number, top: number): boolean => {
    const bottom = first + rows.length - 1;
    for (let r = bottom; r >= top && !(requestDone && woDone); r--) {
      const row = rows[r - first] as Row;
      const changes = String(row[LOG_COLUMN.changes] ?? '');
      const names = changes.includes(CREATED_FIELD) || changes.includes(WO_FIELD);
      const at = woDone ? null : timestampOf(row[LOG_COLUMN.at]);
      const beforeYear = at !== null && at.getTime() < yearBegan;
      const above = r > first ? (rows[r - first - 1] as Row) : null;
      const keyed = parseKeyedCell(row[LOG_COLUMN.hash]);
      if (keyed) {
        // A keyed-looking row above plain rows makes them rows added after the chain began.
        pending = [];
        if (keyed.seq === 1 && judge.seeksChainStart && judge.judge(row, above, r) === 'yes')
          judge.chainStartsAt(r);
      }
      let verdict: 'yes' | 'no' | 'plain' | null = null;
      if (found.exact) {
        verdict = judge.judge(row, above, r);
        if (verdict !== 'yes' || ++checked > CHECKED_ROWS) found.exact = false;
      }
      if (!names && !beforeYear) continue;
      verdict ??= judge.judge(row, above, r);
      if (verdict === 'plain') {
        if (names) pending.push(row);
        continue;
      }
      if (verdict === 'no') continue;
      take(row);
      if (beforeYear) woDone = true;
    }
    reachedTop = top <= 2;
    return requestDone && woDone;
  };
  const lastRow = lastUsedRow(sheet);
  const scan = {
    firstColumn: 0,
    columns: CHANGE_LOG_HEADERS.length,
    chunks: CHUNKS,
    maxRows: Infinity,
    overlap: 1,
  };
  if (!(requestDone && woDone)) {
    // Rows below the checkpoint's are the add-on's only if uncommitted, and a number in those was never
    // given to an order that landed (the register's column has any that did): the reading starts at the
    // checkpoint's row when that row still holds the checkpoint's hash, so rows added below cost nothing.
    const anchor = checkpoint && checkpoint.row >= 2 && checkpoint.row <= lastRow ? checkpoint : null;
    let moved = false;
    if (anchor) {
      const expected = anchor.seq > 0 ? keyedCell(anchor.seq, anchor.head) : anchor.head;
      found.rowsRead += readChangeLogBackward(sheet, { ...scan, bottom: anchor.row }, (rows, first, top) => {
        const held = String(rows[anchor.row - first]?.[LOG_COLUMN.hash] ?? '').trim();
        // Rows inserted or deleted above it moved the add-on's last row: read from the sheet's end.
        moved = held !== expected;
        // Rows below the checkpoint's (an execution stopped before it committed, or typed) may name
        // an order that landed in the register all the same: then the tabs' whole columns are read.
        found.exact = !moved && anchor.row === lastRow;
        return moved || visit(rows, first, top);
      });
    }
    if (!anchor || moved) found.rowsRead += readChangeLogBackward(sheet, { ...scan, bottom: lastRow }, visit);
  }
  // The top reached with no keyed row above them: those plain rows are the add-on's legacy rows.
  if (reachedTop) for (const row of pending) take(row);
  return found;
}

/**
 * Every number the add-on's own rows of the whole log name, read top down (one read per 50,000
 * rows): for Repair and Take over, before they take the locks. A keyed row counts when it verifies
 * against the row above (GenuineRows); a plain row only before the first keyed row and, where the
 * checkpoint is readable, within the legacy part it measures. Without the add-on's secret (never
 * created here: that needs the document lock) no keyed row can be told genuine, and none counts.
 */
export function issuedInWholeLog(ss: Spreadsheet): LatestIssued {
  const found: LatestIssued = { request: 0, workOrder: {}, rowsRead: 0, exact: false };
  const sheet = findTab(ss, SHEET_NAMES.changeLog);
  if (!sheet) return found;
  const inDocument = documentPropertiesOrNull() !== null;
  const checkpoint = inDocument ? readCheckpoint() : null;
  const key = inDocument && documentSecret({ create: false }) === null ? null : addonKey(ss.getId());
  const genuine = key ? new GenuineRows(key) : null;
  let keyedSeen = false;
  readLogRows(sheet, 2, lastUsedRow(sheet), (row, sheetRow) => {
    found.rowsRead++;
    // Skipped before the chain's check, as log-history.ts's reading skips them.
    if (isBlankRow(row)) return;
    const changes = String(row[LOG_COLUMN.changes] ?? '');
    const names = changes.includes(CREATED_FIELD) || changes.includes(WO_FIELD);
    const plain = PLAIN_HASH.test(String(row[LOG_COLUMN.hash] ?? '').trim());
    if (!plain && parseKeyedCell(row[LOG_COLUMN.hash])) keyedSeen = true;
    const accepted = genuine ? genuine.accept(row, names) : plain && !keyedSeen;
    if (!names || !accepted) return;
    if (plain && checkpoint && sheetRow > liveLegacyRows(checkpoint) + 1) return;
    const { requests, wo } = numbersOf(row);
    for (const n of requests) found.request = Math.max(found.request, n);
    for (const { year, seq } of wo) found.workOrder[year] = Math.max(found.workOrder[year] ?? 0, seq);
  });
  return found;
}
