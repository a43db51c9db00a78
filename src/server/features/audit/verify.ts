import { verifyChain, GENESIS_HASH, type ChainVerification } from '../../../core/audit';
import { hmacKey } from '../../../core/keyed-chain';
import { LogVerifier, type TamperKind } from '../../../core/log-verify';
import type { LogAnchor } from '../../../core/log-anchor';
import { SHEET_NAMES } from '../../../core/model';
import { documentSecret } from '../../adapters/addon-secret';
import { readCheckpoint } from '../../adapters/change-log-tail';
import { readChangeLogChunks } from '../../adapters/change-log-read';
import { requireSheet } from '../../adapters/workbook';
import { tabWithId } from '../../adapters/tabs';
import { collectRecorded, emptyRecorded, verifyCovered } from './covered';
import { RegisterAudit, describeRegisterFindings } from '../integrity/register-verify';
import type { RegisterFinding, RegisterSlice } from '../integrity/register-check';
import { collectLive, missingOrders, type LiveRecords } from './missing';
import type { WorkRecordRepairs } from './work-records';
import type { Spreadsheet, Sheet } from '../../adapters/apps-script-types';

/** Rows per read: 6 columns × 50,000 rows stays far below what one getValues can return. */
export const VERIFY_CHUNK_ROWS = 50_000;
/** Rows read past a chunk, to tell an edited row from an inserted one at the chunk's end. */
const LOOKAHEAD = 2;

/** The register rows a run compared with the log (sheet rows), and the register's last row then. */
export interface ComparedRows {
  first: number;
  last: number;
  registerLastRow: number;
}

/** What earlier runs of this comparison found (features/audit/progress.ts), added to this run's. */
export interface EarlierFindings {
  kept: RegisterFinding[];
  values: number;
  orders: number;
}

export interface VerifyOptions {
  /** The register rows to compare (all of them when null). */
  slice?: RegisterSlice | null;
  earlier?: EarlierFindings | null;
}

export type AuditResult =
  | {
      ok: true;
      rowsVerified: number;
      message: string;
      chainPosition?: number;
      head?: string;
      compared?: ComparedRows;
    }
  | {
      ok: false;
      /** Set when the register was compared (the log itself verified). */
      compared?: ComparedRows;
      /** A run of a comparison over several runs that leaves rows for the next: no verdict yet. */
      partial?: true;
      rowsVerified: number;
      firstBrokenRow: number;
      kind?: TamperKind;
      /** The sheet of the first bad row when it is not the Change Log (Archive, a form-responses tab). */
      sheet?: string;
      /** Register values the log does not vouch for (integrity/register-check.ts), in sheet order. */
      register?: RegisterFinding[];
      /** Time and Parts Used rows found deleted or changed, and those the log can put back. */
      workRecords?: WorkRecordRepairs;
      reason: string;
      message: string;
    };

/**
 * Verifies the change log from the sheet and the add-on's own record of it (its secret and
 * checkpoint, document properties): one read per chunk. Row numbers are sheet rows (the header is
 * row 1). A workbook whose log has no checkpoint yet (set up before the keyed chain, and nothing
 * appended since) is checked as before, by its SHA-256 chain alone, and says so.
 */
export function verifyChangeLog(
  ss: Spreadsheet,
  anchor: LogAnchor | null = null,
  { slice = null, earlier = null }: VerifyOptions = {},
): AuditResult {
  const sheet = requireSheet(ss, SHEET_NAMES.changeLog);
  const checkpoint = readCheckpoint();
  const secret = documentSecret({ create: false });
  if (!checkpoint || !secret) return anchor ? recordGone(anchor) : verifyUnkeyed(sheet);
  if (checkpoint.sheetId !== undefined && sheet.getSheetId() !== checkpoint.sheetId)
    return decoyLog(tabWithId(ss, checkpoint.sheetId)?.getName() ?? null);
  const key = hmacKey(secret);
  const verifier = new LogVerifier(key, checkpoint, anchor);
  const recorded = emptyRecorded();
  const live: LiveRecords = new Map();
  // The register is read before the log: see integrity/register-verify.ts.
  const register = new RegisterAudit(ss, slice);
  const chunks = { chunkRows: VERIFY_CHUNK_ROWS, lookahead: LOOKAHEAD };
  const last = readChangeLogChunks(sheet, chunks, (rows, count, first) => {
    if (verifier.feed(rows, count, first)) return true;
    collectRecorded(rows, count, first, checkpoint.row, recorded);
    collectLive(rows, count, first, checkpoint.row, live);
    register.fold(rows, count, first, checkpoint.row);
    return false;
  });
  const verdict = verifier.finish(Math.max(2, last + 1));
  if (!verdict.ok) {
    const what = KIND_WORDS[verdict.kind];
    return {
      ok: false,
      rowsVerified: Math.max(0, verdict.row - 2),
      firstBrokenRow: verdict.row,
      kind: verdict.kind,
      reason: `row ${verdict.row}: ${verdict.kind}: ${verdict.detail}`,
      message:
        `The audit log is broken at sheet row ${verdict.row}: ${what}. ${capitalize(verdict.detail)}. ` +
        `Rows 2 to ${Math.max(1, verdict.row - 1)} verify.` +
        (anchor ? '' : ' Compare with the last daily anchor emailed to administrators.'),
    };
  }
  const found = register.findings(ss, sheet, last, key, ss.getSpreadsheetTimeZone());
  const compared = register.compared ?? undefined;
  // The tabs the log vouches for (Archive, raw answers, Time and Parts Used: each read whole) are
  // checked by the run that gives the verdict, not by each run of a comparison spread over several.
  const verdictRun = !compared || compared.last >= compared.registerLastRow;
  const covered = verdictRun ? verifyCovered(ss, key, recorded) : null;
  if (covered) {
    return {
      ok: false,
      rowsVerified: verdict.rows,
      firstBrokenRow: covered.row,
      kind: 'edited',
      sheet: covered.sheet,
      ...(covered.workRecords ? { workRecords: covered.workRecords } : {}),
      reason: `${covered.sheet} row ${covered.row}: ${covered.detail}`,
      message:
        `The change log verifies (${verdict.rows} rows), but the ${covered.sheet} sheet does not match it at row ` +
        `${covered.row}: ${covered.detail}.`,
    };
  }
  const missing = missingOrders(ss, live, register.ids);
  const all = withEarlier(found, earlier);
  const findings = all.findings;
  if (missing.length > 0) return { ...missingResult(verdict.rows, missing, all), compared };
  if (findings.length > 0) return { ...registerResult(verdict.rows, all), compared };
  const pending =
    verdict.uncommitted > 0
      ? ` ${verdict.uncommitted} row(s) at the end were written by a change that stopped before confirming them; the next change confirms or replaces them.`
      : '';
  return {
    ok: true,
    compared,
    rowsVerified: verdict.rows,
    chainPosition: verdict.seq,
    head: verdict.head,
    message:
      `Audit log OK: ${verdict.rows} rows verified, ending at chain position ${verdict.seq} ` +
      `(MAC ${verdict.head.slice(0, 16)}…), as the add-on recorded.${pending}` +
      (anchor && verdict.anchorRow
        ? ` It holds the anchor you gave: chain position ${anchor.seq} at sheet row ${verdict.anchorRow}, with its MAC.`
        : ''),
  };
}

/**
 * An anchor given, but the add-on's own record of the log (its secret or checkpoint) is gone: the
 * document's properties were reset, and nothing left in the spreadsheet can show the log is whole.
 */
function recordGone(anchor: LogAnchor): AuditResult {
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
 * The tab named Change Log is not the one the add-on writes its log to (renamed, and another made under
 * the name): its rows say nothing, and the real log is `realName`, or gone.
 */
function decoyLog(realName: string | null): AuditResult {
  const where = realName
    ? `The add-on's log is the tab now named "${realName}".`
    : "The add-on's log is no longer in this spreadsheet (deleted): restore it from the version history.";
  return {
    ok: false,
    rowsVerified: 0,
    firstBrokenRow: 0,
    kind: 'fabricated',
    reason: `the "${SHEET_NAMES.changeLog}" tab is not the add-on's change log`,
    message:
      `The "${SHEET_NAMES.changeLog}" tab is not the add-on's change log: someone renamed the log and made this tab ` +
      `under its name. ${where} Run Extensions › Work Orders › Set up work orders: it sets this tab aside and ` +
      'names the log again; then run Verify audit log.',
  };
}

/** This run's findings after those earlier runs kept, with the totals of every run. */
interface AllFindings {
  findings: RegisterFinding[];
  totals: { values: number; orders: number };
}

function withEarlier(found: RegisterFinding[], earlier: EarlierFindings | null): AllFindings {
  const orders = new Set(found.map((f) => f.id)).size;
  if (!earlier) return { findings: found, totals: { values: found.length, orders } };
  return {
    findings: [...earlier.kept, ...found],
    totals: { values: earlier.values + found.length, orders: earlier.orders + orders },
  };
}

/** Register values the log does not vouch for: written where no trigger saw them. */
function registerResult(rowsVerified: number, { findings, totals }: AllFindings): AuditResult {
  const first = findings[0] as RegisterFinding;
  return {
    ok: false,
    rowsVerified,
    firstBrokenRow: first.row,
    kind: 'edited',
    sheet: SHEET_NAMES.register,
    register: findings,
    reason: findings.map((f) => `${f.id} ${f.field}: ${f.found} (log: ${f.trusted})`).join('; '),
    message: `The change log verifies (${rowsVerified} rows), but not the register. ${describeRegisterFindings(findings, totals)}`,
  };
}

/** Orders the log knows as live whose register rows are gone (deleted by hand), and what else was found. */
function missingResult(
  rowsVerified: number,
  missing: readonly string[],
  { findings, totals }: AllFindings,
): AuditResult {
  const shown = missing.slice(0, 20).join(', ');
  const more = missing.length > 20 ? ` and ${missing.length - 20} more` : '';
  return {
    ok: false,
    rowsVerified,
    firstBrokenRow: 0,
    kind: 'deleted',
    sheet: SHEET_NAMES.register,
    reason: `missing from ${SHEET_NAMES.register}: ${missing.join(', ')}`,
    message:
      `The change log verifies (${rowsVerified} rows), but ${missing.length} work order(s) it records are missing from the ` +
      `${SHEET_NAMES.register} sheet (rows deleted by hand): ${shown}${more}. The hourly checks put them back from the change log; ` +
      'an administrator can run Extensions › Work Orders › Run hourly checks now to do it at once.' +
      (findings.length > 0 ? `\n${describeRegisterFindings(findings, totals)}` : ''),
    ...(findings.length > 0 ? { register: findings } : {}),
  };
}

const KIND_WORDS: Record<TamperKind, string> = {
  edited: 'a row was edited',
  inserted: 'a row was inserted',
  deleted: 'rows were deleted',
  reordered: 'rows were reordered',
  truncated: 'the log was cut short',
  fabricated: 'a row was fabricated',
};

const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** The SHA-256 chain alone, for a log the keyed chain has not started on yet. */
function verifyUnkeyed(sheet: Sheet): AuditResult {
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
