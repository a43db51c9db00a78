/**
 * Who made a request, as the add-on recorded it, for the reply form: only the requestor may add to
 * their order, and the register's Requester Email cell cannot say who that is. A script of an
 * editor's own fires no edit trigger, so a technician could write their address there, answer as the
 * requestor and put the cell back (the field is locked, but only the edit trigger enforces that).
 *
 * The source: the order's "Created" row in the change log, whose user intake writes from the form's
 * verified address, trusted only when its keyed MAC verifies after the row above it (the key is the
 * add-on's secret, which no editor holds: core/keyed-chain.ts). Why not a cheaper one:
 *  - the review queue's entries (document properties) are copied from the register whenever the index
 *    is rebuilt or catches up with rows the hourly job appended, so a forged cell gets in there too;
 *  - the row's Last Known State keeps the requester whole when it fits, in a cell any editor can write;
 *  - the form response's digest row is in the same log, behind the same search, and asks for the
 *    response too.
 * The cost: the log read from its last committed row upwards, a few rows first (a question is asked,
 * and answered, soon after the request), at most SCAN_ROWS rows. A reply is rare, so this is paid
 * only by it. Null when no verified row is found there (the request older than that, its rows moved
 * to an archive file, or not yet in the log): the reply is then refused, never taken on the cell's word.
 */
import { parseChanges } from '../../../core/change-lines';
import { CHANGE_LOG_HEADERS } from '../../../core/model';
import { LOG_COLUMN } from '../../../core/change-log-row';
import { cellText } from '../../../core/columns';
import { chainStart, parseKeyedCell, type Checkpoint } from '../../../core/keyed-chain';
import { rowFollows, type KeyedState } from '../../../core/keyed-verify';
import { CREATED_FIELD } from '../../../core/replay';
import { addonKey } from '../../adapters/addon-secret';
import { readChangeLogBackward } from '../../adapters/change-log-read';
import { readCheckpoint } from '../../adapters/change-log-tail';
import { logSheet } from '../../adapters/workbook';
import type { Spreadsheet } from '../../adapters/apps-script-types';

/** Rows of the log searched at most (the same bound as a paste's search for earlier values). */
export const SCAN_ROWS = 100_000;
const SCAN_CHUNKS = [200, 2_000, 8_000, 32_000] as const;

/** The requester's address (lower case) on request `id`'s verified "Created" row, or null. */
export function requesterOnRecord(ss: Spreadsheet, id: string): string | null {
  const key = addonKey(ss.getId());
  const checkpoint = readCheckpoint();
  if (!key || !checkpoint) return null;
  let found: string | null = null;
  const scan = {
    firstColumn: 0,
    columns: CHANGE_LOG_HEADERS.length,
    chunks: SCAN_CHUNKS,
    maxRows: SCAN_ROWS,
    // From the last row the add-on committed: a row typed below it is nobody's history.
    bottom: checkpoint.row,
    overlap: 1,
  };
  readChangeLogBackward(logSheet(ss), scan, (rows, first, top) => {
    // The newest first: an id given again after its counter was rebuilt names the newer request.
    for (let r = rows.length - 1; r >= top - first; r--) {
      const row = rows[r] ?? [];
      if (cellText(row[LOG_COLUMN.recordId]).trim() !== id) continue;
      if (!parseChanges(cellText(row[LOG_COLUMN.changes])).some((l) => l.field === CREATED_FIELD)) continue;
      const prev = previousState(rows[r - 1], row, checkpoint);
      // A row that does not verify is not the add-on's (typed or copied in): passed over.
      if (prev && rowFollows(key, row, prev)) {
        found = cellText(row[LOG_COLUMN.user]).trim().toLowerCase();
        return true;
      }
    }
    return false;
  });
  return found;
}

/**
 * The chain position and MAC `row` follows: the row above's, or, for the live tab's first keyed row,
 * where the chain starts (after the legacy rows, or the link to the archived part).
 */
function previousState(
  above: readonly unknown[] | undefined,
  row: readonly unknown[],
  checkpoint: Checkpoint,
): KeyedState | null {
  const cell = parseKeyedCell(row[LOG_COLUMN.hash]);
  if (!cell) return null;
  const start = chainStart(checkpoint);
  if (cell.seq === start.seq + 1) return start;
  const prev = above ? parseKeyedCell(above[LOG_COLUMN.hash]) : null;
  return prev ? { seq: prev.seq, mac: prev.mac } : null;
}
