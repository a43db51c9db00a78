import { verifyChain, GENESIS_HASH, type ChainVerification } from '../../../core/audit';
import { CHANGE_LOG_HEADERS, SHEET_NAMES } from '../../../core/model';
import { requireSheet } from '../../adapters/workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Rows per read: 6 columns × 50,000 rows stays far below what one getValues can return. */
export const VERIFY_CHUNK_ROWS = 50_000;

export type AuditResult =
  | { ok: true; rowsVerified: number; message: string }
  | { ok: false; rowsVerified: number; firstBrokenRow: number; reason: string; message: string };

/**
 * Verifies the change log's hash chain from the sheet alone: one read per chunk, each chunk chained to
 * the last hash of the one before. Row numbers in the result are sheet rows (the header is row 1).
 */
export function verifyChangeLog(ss: Spreadsheet): AuditResult {
  const sheet = requireSheet(ss, SHEET_NAMES.changeLog);
  const last = sheet.getLastRow();
  let previousHash = GENESIS_HASH;
  let verified = 0;
  for (let first = 2; first <= last; first += VERIFY_CHUNK_ROWS) {
    const count = Math.min(VERIFY_CHUNK_ROWS, last - first + 1);
    const rows = sheet.getRange(first, 1, count, CHANGE_LOG_HEADERS.length).getValues();
    const result: ChainVerification = verifyChain(rows, { previousHash, firstRowNumber: first });
    if (!result.ok) {
      return {
        ok: false,
        rowsVerified: verified + (result.firstBrokenRow - first),
        firstBrokenRow: result.firstBrokenRow,
        reason: result.reason,
        message:
          `The audit log is broken at sheet row ${result.firstBrokenRow}: ${result.reason.replace(/^row \d+:?\s*/, '')}. ` +
          `Rows 2 to ${result.firstBrokenRow - 1} verify; the change at row ${result.firstBrokenRow} (or just before it) is not the one the add-on recorded.`,
      };
    }
    if (result.rows < count && first + count <= last) {
      // Blank rows at the end of a chunk with log rows after them: the log has a hole there.
      const row = first + result.rows;
      return {
        ok: false,
        rowsVerified: verified + result.rows,
        firstBrokenRow: row,
        reason: `row ${row} is blank inside the log`,
        message: `The audit log is broken at sheet row ${row}: it is blank, and log rows follow it (rows were cleared).`,
      };
    }
    verified += result.rows;
    previousHash = result.lastHash;
  }
  return { ok: true, rowsVerified: verified, message: `Audit log OK: ${verified} rows verified.` };
}
