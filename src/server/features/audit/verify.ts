import { chainStart, hmacKey, linkRows } from '../../../core/keyed-chain';
import { LogVerifier, type TamperKind } from '../../../core/log-verify';
import type { LogAnchor } from '../../../core/log-anchor';
import { SHEET_NAMES } from '../../../core/model';
import { formatLocal } from '../../../core/time';
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
import type { Spreadsheet } from '../../adapters/apps-script-types';
import { decoyLog, recordGone, verifyUnkeyed, VERIFY_CHUNK_ROWS } from './log-verdicts';
import { verifyArchivedLog } from './archived-log';

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
  /** Whether an account supervises (Staff tab): its technician steps on others' orders are allowed. */
  supervises?: (email: string) => boolean;
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
  { slice = null, earlier = null, supervises = () => false }: VerifyOptions = {},
): AuditResult {
  const sheet = requireSheet(ss, SHEET_NAMES.changeLog);
  const checkpoint = readCheckpoint();
  const secret = documentSecret({ create: false });
  if (!checkpoint || !secret) return anchor ? recordGone(anchor) : verifyUnkeyed(sheet);
  if (checkpoint.sheetId !== undefined && sheet.getSheetId() !== checkpoint.sheetId)
    return decoyLog(tabWithId(ss, checkpoint.sheetId)?.getName() ?? null);
  const key = hmacKey(secret);
  const recorded = emptyRecorded();
  const live: LiveRecords = new Map();
  const chunks = { chunkRows: VERIFY_CHUNK_ROWS, lookahead: LOOKAHEAD };
  // The archive files' parts of the log first (their rows are committed), then the live tab.
  const archived = verifyArchivedLog(key, checkpoint, anchor, chunks, (rows, count, first) => {
    collectRecorded(rows, count, first, Infinity, recorded);
    collectLive(rows, count, first, Infinity, live);
  });
  if (!archived.ok) {
    // Not opened is not broken: nothing is known of its rows, and version history would show nothing.
    if (archived.unreadable)
      return {
        ok: false,
        rowsVerified: 0,
        firstBrokenRow: 0,
        kind: 'deleted',
        sheet: archived.where,
        reason: `${archived.where}: cannot be read: ${archived.failure.detail}`,
        message: `The audit log's archived part in ${archived.where} cannot be read, so the log was not verified: ${archived.failure.detail}.`,
      };
    return brokenArchive(archived.where, archived.failure, anchor);
  }
  // An anchor at or before the link was checked in its archived part.
  const liveAnchor = anchor && anchor.seq > chainStart(checkpoint).seq ? anchor : null;
  const verifier = new LogVerifier(key, checkpoint, liveAnchor);
  // The register is read before the log: see integrity/register-verify.ts.
  const register = new RegisterAudit(ss, slice);
  // The live tab's first row repeats the archived part's last (the link): verified, not collected again.
  const skip = linkRows(checkpoint);
  const last = readChangeLogChunks(sheet, chunks, (rows, count, first) => {
    if (verifier.feed(rows, count, first)) return true;
    const from = first === 2 ? skip : 0;
    const view = from === 0 ? rows : rows.slice(from);
    collectRecorded(view, count - from, first + from, checkpoint.row, recorded);
    collectLive(view, count - from, first + from, checkpoint.row, live);
    register.fold(view, count - from, first + from, checkpoint.row);
    return false;
  });
  const logVerdict = verifier.finish(Math.max(2, last + 1));
  const verdict = logVerdict.ok ? { ...logVerdict, rows: logVerdict.rows + archived.rows } : logVerdict;
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
  const timeZone = ss.getSpreadsheetTimeZone();
  const found = register.findings(ss, sheet, last, key, timeZone, { supervises });
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
      // A file that cannot be read was not compared: said so, not as a row that does not match.
      message: covered.unreadable
        ? `The change log verifies (${verdict.rows} rows), but the archive spreadsheet "${covered.sheet}" cannot ` +
          `be read, so the work orders archived in it were not checked: ${covered.detail}.`
        : `The change log verifies (${verdict.rows} rows), but the ${covered.sheet} sheet does not match it at row ` +
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
  const inArchive = archived.rows > 0 ? ` (${archived.rows} of them in the archive spreadsheets)` : '';
  const notRead = describeSkipped(archived.skipped, timeZone);
  return {
    ok: true,
    compared,
    rowsVerified: verdict.rows,
    chainPosition: verdict.seq,
    head: verdict.head,
    message:
      `Audit log OK: ${verdict.rows} rows verified${inArchive}, ending at chain position ${verdict.seq} ` +
      `(MAC ${verdict.head.slice(0, 16)}…), as the add-on recorded.${pending}${notRead}` +
      (anchor && (verdict.anchorRow || archived.anchorAt)
        ? ` It holds the anchor you gave: chain position ${anchor.seq} at ${archived.anchorAt ?? `sheet row ${verdict.anchorRow}`}, with its MAC.`
        : ''),
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
    reason: findings
      .map((f) => `${f.id} ${f.field}: ${f.note ?? `${f.found} (log: ${f.trusted})`}`)
      .join('; '),
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

/** The archived parts a run did not read (archived-rotation.ts), and when each was last verified. */
function describeSkipped(
  skipped: readonly { year: number; verifiedAt: number | null }[],
  timeZone: string,
): string {
  if (skipped.length === 0) return '';
  const when = skipped
    .map(
      (p) =>
        `${p.year}: ${p.verifiedAt === null ? 'never yet' : `last verified ${formatLocal(new Date(p.verifiedAt), timeZone)}`}`,
    )
    .join('; ');
  return (
    ` The log's archived parts of ${skipped.map((p) => p.year).join(', ')} were not read this time (${when}): ` +
    'each run reads the archived parts verified longest ago, as many as fit its time, so run Verify audit log again to verify them.'
  );
}

/** A part of the log in an archive file that does not verify (or cannot be read), named by file and row. */
function brokenArchive(
  where: string,
  failure: { row: number; kind: TamperKind; detail: string },
  anchor: LogAnchor | null,
): AuditResult {
  const at = failure.row > 0 ? ` at row ${failure.row}` : '';
  return {
    ok: false,
    rowsVerified: 0,
    firstBrokenRow: failure.row,
    kind: failure.kind,
    sheet: where,
    reason: `${where}${at}: ${failure.kind}: ${failure.detail}`,
    message:
      `The audit log's archived part in ${where} is broken${at}: ${KIND_WORDS[failure.kind]}. ${capitalize(failure.detail)}.` +
      (anchor ? '' : ' Compare with the last daily anchor emailed to administrators.') +
      " The archive spreadsheet's version history (File › Version history) shows who changed it.",
  };
}
