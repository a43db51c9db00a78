/**
 * Verify audit log's verdicts that need no reading of the keyed chain: a log whose keyed chain has not
 * started (its SHA-256 chain alone), a decoy tab under the log's name, and an anchor given when the
 * add-on's own record of its log is gone.
 */
import { verifyChain, GENESIS_HASH, type ChainVerification } from '../../../core/audit';
import type { LogAnchor } from '../../../core/log-anchor';
import { SHEET_NAMES } from '../../../core/model';
import { readChangeLogChunks } from '../../adapters/change-log-read';
import { LOG_ROWS_BACK } from '../../adapters/missing-tab';
import type { Sheet } from '../../adapters/apps-script-types';
import type { AuditResult } from './verify';

/** Rows per read: 6 columns × 50,000 rows stays far below what one getValues can return. */
export const VERIFY_CHUNK_ROWS = 50_000;

/**
 * An anchor given, but the add-on's own record of the log (its secret or checkpoint) is gone: the
 * document's properties were reset, and nothing left in the spreadsheet can show the log is whole.
 */
export function recordGone(anchor: LogAnchor): AuditResult {
  return {
    ok: false,
    rowsVerified: 0,
    firstBrokenRow: 0,
    kind: 'fabricated',
    reason: `no secret or checkpoint, though the anchor names chain position ${anchor.seq}`,
    message:
      `The add-on's own record of the change log (its secret and checkpoint, in the document's properties) is gone, ` +
      `yet the anchor you gave says the log's keyed chain had reached position ${anchor.seq}: those properties were ` +
      'reset or replaced, and the log cannot be shown to be the one the add-on wrote. Keep the anchor emails as ' +
      "the record of where the log stood, and find out who could change the add-on's data before running setup again.",
  };
}

/**
 * The tab named Change Log is not the one the add-on writes its log to: the log renamed, and another
 * made under the name (its rows say nothing; setup sets it aside and names the log again), or the log
 * deleted (`realName` null), where setup takes the tab under the name as the log from then on.
 */
export function decoyLog(realName: string | null): AuditResult {
  const what = realName
    ? `someone renamed the log and made this tab under its name. The add-on's log is the tab now named "${realName}". ` +
      'Run Extensions › Work Orders › Set up work orders: it sets this tab aside and names the log again; then run Verify audit log.'
    : "the add-on's log was deleted (it is no longer in this spreadsheet) and this tab made under its name. " +
      'Run Extensions › Work Orders › Set up work orders: it takes this tab as the Change Log from then on, so that ' +
      `work can go on. ${LOG_ROWS_BACK}`;
  return {
    ok: false,
    rowsVerified: 0,
    firstBrokenRow: 0,
    kind: 'fabricated',
    reason: `the "${SHEET_NAMES.changeLog}" tab is not the add-on's change log`,
    message: `The "${SHEET_NAMES.changeLog}" tab is not the add-on's change log: ${what}`,
  };
}

/** The SHA-256 chain alone, for a log the keyed chain has not started on yet. */
export function verifyUnkeyed(sheet: Sheet): AuditResult {
  let previousHash = GENESIS_HASH;
  let verified = 0;
  const found: { broken: AuditResult | null } = { broken: null };
  readChangeLogChunks(sheet, { chunkRows: VERIFY_CHUNK_ROWS }, (rows, _count, first) => {
    const result: ChainVerification = verifyChain(rows, { previousHash, firstRowNumber: first });
    if (!result.ok) {
      found.broken = {
        ok: false,
        rowsVerified: verified + (result.firstBrokenRow - first),
        firstBrokenRow: result.firstBrokenRow,
        reason: result.reason,
        message:
          `The audit log is broken at sheet row ${result.firstBrokenRow}: ${result.reason.replace(/^row \d+:?\s*/, '')}. ` +
          `Rows 2 to ${result.firstBrokenRow - 1} verify; the change at row ${result.firstBrokenRow} (or just before it) is not the one the add-on recorded.`,
      };
      return true;
    }
    verified += result.rows;
    previousHash = result.lastHash;
    return false;
  });
  if (found.broken) return found.broken;
  return {
    ok: true,
    rowsVerified: verified,
    message:
      `Audit log OK by its SHA-256 chain: ${verified} rows verified. The keyed chain has not started on this ` +
      'spreadsheet: run Extensions › Work Orders › Set up work orders, so that a shortened or rewritten log is caught too.',
  };
}
