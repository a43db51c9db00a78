/**
 * The request and work-order counters, and how a lost or damaged one is rebuilt: from the highest
 * number ever issued, found in the register, the Archive tab and the change log (which keeps every
 * "Created" and every "WO Number" change, append-only) — never restarted.
 *
 * Under the locks (intake, approval, schedules, setup) a lost counter is rebuilt without reading the
 * whole log: from the register's and the Archive tab's columns (their last rows only when the log's
 * end is known whole: latestIssued), the
 * floors kept in document properties, and the END of the change log (./issued-tail.ts: ids are issued
 * in increasing order and logged as issued, so the latest genuine "Created" and "WO Number" rows name
 * the highest; rows the add-on did not write are skipped, so a forged row cannot push ids to its
 * number). Orders moved to archive spreadsheets keep their "Created" rows in this log, so they count.
 * Repair and Take over read the whole columns and the whole log instead, before taking the locks
 * (highestIssued), counting only the add-on's own log rows there too.
 * Rejected: a floor written with every commit (one more property write on every submission and
 * approval, where the budgets are tight) for a path taken only after damage.
 *
 * Where they live: work-order numbers are given in the sidebar and the edit trigger, always in a
 * document, so their counter is a document property under the document lock. Request ids are also
 * given by the hourly job's reconciliation, which runs with no document (no document properties, no
 * document lock): that counter lives with the intake ledger in the installation owner's properties,
 * namespaced by spreadsheet, under the owner's lock that every ingestion holds (one installation
 * owner, so one counter). Setup, *Take over installation* and *Repair work orders* also keep a floor
 * of it in document properties, so a new owner continues where the old one stopped.
 */
import {
  highestRequestNumberWithin,
  highestWoSequencesWithin,
  nextInSequence,
  nextRequestNumber,
  readRequestCounter,
  readYearCounters,
} from '../../../core/ids';
import { REGISTER_COLUMNS, SHEET_NAMES } from '../../../core/model';
import { localYear } from '../../../core/time';
import { documentPropertiesOrNull } from '../../adapters/service-handles';
import { PROPERTY_KEYS, getProperty, setProperty } from '../../adapters/document-properties';
import { readOwnerState, writeOwnerState } from '../../adapters/owner-state';
import { keptRegisterTab } from '../../adapters/register-tab';
import { issuedInWholeLog, latestIssuedInLog, type IssuedWanted, type LatestIssued } from './issued-tail';
import { appendColumnTexts, columnByHeader, findTab } from '../../adapters/workbook';
import type { Spreadsheet } from '../../adapters/apps-script-types';

/** Owner-state name of the request counter (the intake ledger's neighbour). */
export const REQUEST_COUNTER_STATE = 'requestCounter';

export interface IssuedNumbers {
  request: number;
  /** Highest work-order sequence per year. */
  workOrder: Record<string, number>;
}

/**
 * Rows read from the end of the register's and the Archive tab's columns when the log's end is exact
 * (issued-tail.ts): orders are appended at the bottom, so an order whose rows the log lacks (an
 * execution stopped between the register's write and the log's) is there unless sorted away since.
 */
const TAIL_HINT_ROWS = 50;

/**
 * The register's and the Archive tab's id and WO Number columns (bounded by the live register), or
 * only the one of them `wanted` needs; only their last `lastRows` rows when given.
 */
function tabNumbers(
  ss: Spreadsheet,
  wanted: IssuedWanted,
  lastRows = Infinity,
): { ids: string[]; numbers: string[] } {
  const ids: string[] = [];
  const numbers: string[] = [];
  // The register by its kept id: a tab of someone else's under its name (ids typed up to the slack
  // below the log's) would raise the counters to its numbers.
  for (const sheet of [keptRegisterTab(ss), findTab(ss, SHEET_NAMES.archive)]) {
    if (!sheet) continue;
    if (wanted.request) appendColumnTexts(sheet, columnByHeader(sheet, REGISTER_COLUMNS.id), ids, lastRows);
    if (wanted.woYear !== null)
      appendColumnTexts(sheet, columnByHeader(sheet, REGISTER_COLUMNS.woNumber), numbers, lastRows);
  }
  return { ids, numbers };
}

/**
 * The highest numbers ever issued, from whole columns of the register and the Archive tab and the
 * whole change log's rows the add-on wrote (issued-tail.ts: a row typed in by hand counts for
 * nothing): for Repair and Take over, which read it before taking the locks (it grows with history).
 */
export function highestIssued(ss: Spreadsheet): IssuedNumbers {
  const { ids, numbers } = tabNumbers(ss, { request: true, woYear: 0 });
  return mergedWithLog(ids, numbers, issuedInWholeLog(ss));
}

/**
 * How far past what the add-on's own log rows say (or past how many numbers the tabs hold, where the
 * log says nothing) a number in the register or the Archive tab may be and still count. The tabs are
 * cells any editor's script can write: REQ-9999999 on one row made Repair raise the request counter to
 * it, so every later id was REQ-10000000 on and the hourly search for deleted orders had ten million
 * candidates. What the tabs are read for, an order whose "Created" or "WO Number" row the reading of
 * the log missed (its latest row edited, so the reading went on to the one before), is a few numbers.
 */
const TAB_NUMBER_SLACK = 1_000;

/** The tabs' highest numbers (within TAB_NUMBER_SLACK of the log's) raised to those the log's own rows name. */
function mergedWithLog(
  ids: readonly string[],
  numbers: readonly string[],
  fromLog: LatestIssued,
): IssuedNumbers {
  const workOrder = highestWoSequencesWithin(numbers, fromLog.workOrder, TAB_NUMBER_SLACK);
  for (const [year, seq] of Object.entries(fromLog.workOrder))
    workOrder[year] = Math.max(workOrder[year] ?? 0, seq);
  const fromTabs = highestRequestNumberWithin(ids, fromLog.request, TAB_NUMBER_SLACK);
  return { request: Math.max(fromTabs, fromLog.request), workOrder };
}

/**
 * The highest numbers issued, as known under the locks: the end of the change log (issued-tail.ts),
 * never the whole log, and the register's and Archive tab's columns: only their last rows when the
 * log's end is exact (every row from the checkpoint's up to the numbers found is the add-on's, so no
 * later number was issued and logged), whole otherwise (a row the add-on did not write in between may
 * be an edited or moved "Created" row, whose order only the tabs still show, perhaps sorted anywhere).
 * `wanted.woYear`'s highest is exact; other years' are the highest the tabs and the rows read show.
 */
export function latestIssued(ss: Spreadsheet, wanted: IssuedWanted): IssuedNumbers {
  const fromLog = latestIssuedInLog(ss, wanted);
  const { ids, numbers } = tabNumbers(ss, wanted, fromLog.exact ? TAIL_HINT_ROWS : Infinity);
  return mergedWithLog(ids, numbers, fromLog);
}

function documentFloor(): number {
  if (!documentPropertiesOrNull()) return 0;
  return readRequestCounter(getProperty(PROPERTY_KEYS.requestCounter)) ?? 0;
}

/**
 * The next request id from the owner's stored counter; a missing or unreadable one is rebuilt from
 * the highest issued id (and the document's floor where there is a document), never restarted.
 */
export function nextRequestId(ss: Spreadsheet, stored: string | null): ReturnType<typeof nextRequestNumber> {
  if (readRequestCounter(stored) !== null) return nextRequestNumber(stored);
  const issued = latestIssued(ss, { request: true, woYear: null });
  return nextRequestNumber(null, Math.max(issued.request, documentFloor()));
}

/** The next work-order number; a missing or unreadable counter is rebuilt first, never restarted. */
export function nextWoNumber(
  ss: Spreadsheet,
  stored: string | null,
  year: number,
): ReturnType<typeof nextInSequence> {
  if (readYearCounters(stored) !== null) return nextInSequence(stored, year);
  return nextInSequence(JSON.stringify(latestIssued(ss, { request: false, woYear: year }).workOrder), year);
}

export interface RebuiltCounters {
  request: number;
  workOrder: Record<string, number>;
  /** What was missing or unreadable, for the report. */
  damaged: string[];
}

/**
 * Brings every counter up to at least the highest number issued (never lowers one): the document's
 * work-order counter and request floor, and — when `asOwner` (the caller is the installation owner,
 * whose properties hold it) — the owner's request counter. `issued`: highestIssued, read by Repair
 * and Take over before they took the locks (numbers issued since are in the stored counters, which are
 * only ever raised); by default (setup, under the locks) latestIssued for this year.
 */
export function rebuildCounters(
  ss: Spreadsheet,
  asOwner: boolean,
  issued: IssuedNumbers = latestIssued(ss, {
    request: true,
    woYear: localYear(new Date(), ss.getSpreadsheetTimeZone()),
  }),
): RebuiltCounters {
  const damaged: string[] = [];
  const storedWo = getProperty(PROPERTY_KEYS.woCounters);
  const wo = readYearCounters(storedWo);
  if (wo === null && storedWo !== null) damaged.push('the work-order counter');
  const workOrder: Record<string, number> = { ...(wo ?? {}) };
  for (const [year, seq] of Object.entries(issued.workOrder))
    workOrder[year] = Math.max(workOrder[year] ?? 0, seq);
  setProperty(PROPERTY_KEYS.woCounters, JSON.stringify(workOrder));
  let request = Math.max(issued.request, documentFloor());
  if (asOwner) {
    const storedOwn = readOwnerState(ss.getId(), REQUEST_COUNTER_STATE);
    const own = readRequestCounter(storedOwn);
    if (own === null && storedOwn !== null) damaged.push('the request counter');
    request = Math.max(request, own ?? 0);
    writeOwnerState(ss.getId(), REQUEST_COUNTER_STATE, String(request));
  }
  setProperty(PROPERTY_KEYS.requestCounter, String(request));
  return { request, workOrder, damaged };
}
