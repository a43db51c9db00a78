/**
 * The cost model: what an execution would cost on Google's servers, from what the local runtime
 * counted (service calls by kind, cells read and written, emails, lock waits).
 *
 * Sources (the figures are orders of magnitude, not promises; keep them adjustable):
 * - Google, "Best practices" for Apps Script (developers.google.com/apps-script/guides/support/
 *   best-practices): "Use batch operations": each call to a Google service is a round trip; a script
 *   that reads or writes a range cell by cell is far slower than one getValues/setValues.
 * - Tanaike, "Benchmark: Reading and Writing Spreadsheet using Google Apps Script" and
 *   "Benchmark: Process Costs for Retrieving Values from Sheets" (tanaikech.github.io, 2018–2023):
 *   a Spreadsheet service call takes on the order of 0.1 s to read and 0.2–0.3 s to write, opening
 *   the spreadsheet (SpreadsheetApp.getActive…/openById) ~0.2 s, and inside one batched call the cost
 *   grows by ~10 µs per cell read and ~50 µs per cell written.
 * - The first touch is charged to every execution that reaches the document, not only to the ones
 *   that call SpreadsheetApp.getActive…/openById: a trigger that takes its spreadsheet from the event
 *   (`e.source`, `e.range`) holds a handle Google built for it, but Google still has to load the
 *   document for the first read or write made through it. An execution that only builds references
 *   (getSheet, getName on the event's range) and returns pays none.
 * - MailApp.sendEmail: ~1 s per message in Tanaike's and community measurements; 1.2 s here.
 * - Lock waits are charged as what they are, wall time spent waiting (the runtime records them).
 * - Other round trips (a Properties get/set, a Cache get/put, a lock's tryLock/release, ScriptApp,
 *   the Ui, MailApp's quota check) are an ASSUMPTION of this model: 25 ms each, since they are small
 *   key-value or control calls rather than Sheets backend calls. Cross-check: Luis Peralta, "Apps
 *   Script performance" (ziritione.org/post/apps_script_performance) timed whole chains such as
 *   `PropertiesService.getScriptProperties().getProperty(k)` at ~30 ms on average,
 *   `….setProperty` ~62 ms, `CacheService.getScriptCache().put` ~93 ms and `….get` ~3 ms. So 25 ms is
 *   about right for a property read and generous for a cache read, but property sets and cache puts
 *   measured two to four times slower than this figure: the estimates understate each of them by
 *   some 35–70 ms, so an operation that writes properties costs somewhat more than printed. The
 *   figure stays one round 25 ms for all of them. The handle getters (getDocumentProperties,
 *   getUserLock, getDocumentCache…) are not round trips and are not charged (runtime/host/
 *   call-cost.ts). Utilities, Logger, Session and HtmlService templating run in the script's own
 *   process and are not charged either.
 *
 * Override any figure with an environment variable, e.g. `WO_COST_READ_MS=150 npm run bench`.
 */
import type { ExecutionStats } from '../runtime';

export interface CostModel {
  /** First touch of the document, once per execution that reads or writes it (see above). */
  firstTouchMs: number;
  /** One backend read call (getValues, getLastRow, getSheetByName…). */
  readCallMs: number;
  /** One backend write call (setValues, appendRow, insertChart…). */
  writeCallMs: number;
  /** Per cell read inside a batched call. */
  cellReadUs: number;
  /** Per cell written inside a batched call. */
  cellWrittenUs: number;
  /** Per email sent. */
  emailMs: number;
  /** Per round trip to a service other than Sheets and Forms (an assumption; see above). */
  otherCallMs: number;
}

export const DEFAULT_COST_MODEL: Readonly<CostModel> = {
  firstTouchMs: 200,
  readCallMs: 100,
  writeCallMs: 250,
  cellReadUs: 10,
  cellWrittenUs: 50,
  emailMs: 1200,
  otherCallMs: 25,
};

const ENV: Record<keyof CostModel, string> = {
  firstTouchMs: 'WO_COST_FIRST_TOUCH_MS',
  readCallMs: 'WO_COST_READ_MS',
  writeCallMs: 'WO_COST_WRITE_MS',
  cellReadUs: 'WO_COST_CELL_READ_US',
  cellWrittenUs: 'WO_COST_CELL_WRITE_US',
  emailMs: 'WO_COST_EMAIL_MS',
  otherCallMs: 'WO_COST_OTHER_CALL_MS',
};

/** The default model with any WO_COST_* environment overrides applied. */
export function costModelFromEnv(env: NodeJS.ProcessEnv = process.env): CostModel {
  const model = { ...DEFAULT_COST_MODEL };
  for (const key of Object.keys(ENV) as (keyof CostModel)[]) {
    const raw = env[ENV[key]];
    if (raw === undefined || raw === '') continue;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < 0) throw new Error(`${ENV[key]}=${raw} is not a non-negative number`);
    model[key] = n;
  }
  return model;
}

/** Services whose calls are Sheets/Forms backend round trips, priced by the read/write figures. */
const DOCUMENT_SERVICES = new Set(['Spreadsheet', 'Form']);
/** Services answered inside the script's own process: no round trip. */
const IN_PROCESS_SERVICES = new Set(['Utilities', 'Logging', 'Session', 'Html']);

/** What one execution (or a sum of executions) did, in the terms the estimate prices. */
export interface CallCounts {
  executions: number;
  /** Executions that touched the document (each pays the first touch once). */
  touches: number;
  /** Spreadsheet and Form backend reads and writes. */
  reads: number;
  writes: number;
  /** Round trips to other services (Properties, Cache, Lock, Script, Ui, Mail's quota check). */
  otherCalls: number;
  cellsRead: number;
  cellsWritten: number;
  emails: number;
  lockWaitMs: number;
  /** Local JavaScript time: the execution's wall time in the runtime, ms. */
  localMs: number;
}

export const ZERO_COUNTS: Readonly<CallCounts> = {
  executions: 0,
  touches: 0,
  reads: 0,
  writes: 0,
  otherCalls: 0,
  cellsRead: 0,
  cellsWritten: 0,
  emails: 0,
  lockWaitMs: 0,
  localMs: 0,
};

export function countsOf(stats: ExecutionStats): CallCounts {
  let touched = false;
  let reads = 0;
  let writes = 0;
  let otherCalls = 0;
  for (const [service, kinds] of Object.entries(stats.backend)) {
    // Opening the document explicitly, or reaching it through a handle the event carried (e.source).
    if (kinds.touch > 0) touched = true;
    if (DOCUMENT_SERVICES.has(service)) {
      if (kinds.read + kinds.write > 0) touched = true;
      reads += kinds.read;
      writes += kinds.write;
    } else if (!IN_PROCESS_SERVICES.has(service)) {
      otherCalls += kinds.read + kinds.write;
    }
  }
  // A sent email is priced as an email, not also as a write round trip; a send MailApp refused (over
  // quota) sent nothing and stays priced as the round trip it was.
  const mailSends = Math.min(stats.emailsSent, stats.calls['MailApp.sendEmail'] ?? 0);
  return {
    executions: 1,
    touches: touched ? 1 : 0,
    reads,
    writes,
    otherCalls: Math.max(0, otherCalls - mailSends),
    cellsRead: stats.cellsRead,
    cellsWritten: stats.cellsWritten,
    emails: stats.emailsSent,
    lockWaitMs: stats.lockWaitMs,
    localMs: stats.totalMs,
  };
}

export function addCounts(a: CallCounts, b: CallCounts): CallCounts {
  const sum = { ...a };
  for (const key of Object.keys(sum) as (keyof CallCounts)[]) sum[key] = a[key] + b[key];
  return sum;
}

/**
 * Estimated Apps Script time, ms: first touch per execution + reads × read + writes × write + cells
 * read × per-cell + cells written × per-cell + emails × per-email + other round trips + lock waits.
 */
export function estimateMs(counts: CallCounts, model: CostModel = DEFAULT_COST_MODEL): number {
  return (
    counts.touches * model.firstTouchMs +
    counts.reads * model.readCallMs +
    counts.writes * model.writeCallMs +
    (counts.cellsRead * model.cellReadUs) / 1000 +
    (counts.cellsWritten * model.cellWrittenUs) / 1000 +
    counts.emails * model.emailMs +
    counts.otherCalls * model.otherCallMs +
    counts.lockWaitMs
  );
}
