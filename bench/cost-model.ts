/**
 * The cost model: the price of each thing an execution does on Google's servers, from published
 * measurements where there are any. Every figure names its source and what was measured; where
 * sources disagree the slower figure is taken; a figure no source gives is marked ASSUMPTION. The
 * figures are orders of magnitude, not promises: override any with its WO_COST_* variable.
 * bench/pricing.ts applies them to what the local runtime counted.
 *
 * Sources
 * [BP]  Google, Apps Script "Best practices" (developers.google.com/apps-script/guides/support/
 *       best-practices): calls to Google services are round trips, far slower than JavaScript;
 *       Apps Script keeps "look-ahead caching to retrieve what a script is likely to get and write
 *       caching to save what is likely to be set"; alternating reads and writes is slow.
 * [OPT] Google Apps Script team, "Optimizing Spreadsheet Operations" (googleappsscript.blogspot.com/
 *       2010/06/optimizing-spreadsheet-operations.html): "every time you do a read, we must first
 *       empty (commit) the write cache"; reads near a previous read are served by the look-ahead cache.
 * [TAN] Kanshi Tanaike, "Benchmark: Reading and Writing Spreadsheet using Google Apps Script" and
 *       "Benchmark: Process Costs for Retrieving Values from Sheets" (tanaikech.github.io, 2018–2023):
 *       a Spreadsheet service call ~0.1 s to read and 0.2–0.3 s to write, opening the spreadsheet
 *       ~0.2 s, and inside one batched call ~10 µs per cell read and ~50 µs per cell written.
 * [PER] Luis Peralta, "Google Apps Script APIs performance" (ziritione.org/post/apps_script_
 *       performance), 100 consecutive runs each, average ms: script properties getProperty 30,
 *       setProperty 62; user properties getProperty 34, setProperty 64; script cache put 93, get 3;
 *       user cache put 92, get 4.
 * [POE] Justin Poehnelt, "Storage Wars: CacheService vs. PropertiesService vs. Firestore"
 *       (justin.poehnelt.com/posts/apps-script-key-value-stores): 100 sequential write+read pairs of a
 *       100-byte value, ~63 ms cache, ~80 ms properties per pair. Peralta's split (34 + 64 = 98 ms for
 *       a properties pair, 92 + 4 = 96 ms for a cache pair) is the slower of the two: it is taken.
 * [MOG] Mogsdad, "What is faster: ScriptDb or SpreadsheetApp?" (Stack Overflow answer; mirrored at
 *       ruby-bash.developreference.com/article/29263774): a 4,000-cell setValues took < 50 ms and
 *       610 ms with a flush() after it; 400 one-row writes took 164 ms, and 12 s with a flush() after
 *       each (~30 ms per flush of one row).
 * [OUT] Small Outbox add-on FAQ (sites.google.com/quickfixters.com/add-onsuniverse/faq): "an email
 *       with total size of 100KB will take about 1.2 seconds to send".
 * [QUO] Google, "Quotas for Google Services" (developers.google.com/apps-script/guides/services/
 *       quotas): triggers total runtime 90 min/day (consumer) and 6 h/day (Workspace); properties
 *       read/write 50,000/day and 500,000/day; email recipients 100/day and 1,500/day; 6 min per
 *       execution. Quotas are per user.
 * [LIB] Bruce McPherson, "Measuring library load speed" (ramblings.mcpher.com/gassnippets2/
 *       measuring-library-load-speed): with HtmlService "every time a server function is called, the
 *       server script is initialized – loading all the source and the libraries again".
 * [LAB] labnol/apps-script-starter issue 25 (github.com/labnol/apps-script-starter/issues/25): a
 *       sidebar call returning Session.getActiveUser().getEmail() took 5.73 s in a large bundled
 *       project; enuchi/gas-client issue 35: "at least 5–10 seconds" per server call at times.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadProcessesFromEnv, measureLoadSpread } from './load-spread';

export interface CostModel {
  /** First touch of the document, once per execution that reads or writes it [TAN]. */
  firstTouchMs: number;
  /** A Spreadsheet or Form backend read (getValues, getLastRow, getSheetByName…) [TAN]. */
  readCallMs: number;
  /**
   * A read the read cache answers (the same sheet's cells or the same property already read, nothing
   * written since; runtime/host/cost-trace.ts) [BP][OPT]. Google gives no figure. ASSUMPTION: 4 ms,
   * the slower of Peralta's two measured cache reads [PER], the price of a service call answered
   * from memory. Cells it returns are still charged per cell.
   */
  cachedReadMs: number;
  /** A backend write (setValues, appendRow, insertSheet, deleteRows, insertChart…) [TAN]. */
  writeCallMs: number;
  /** Per cell read inside one call [TAN]. */
  cellReadUs: number;
  /** Per cell written inside one call [TAN]. */
  cellWrittenUs: number;
  /**
   * Per cell a structural call covers (a validation rule or protection over a range, rows inserted
   * or deleted, a new sheet's 1,000 × 26 grid). No published figure. ASSUMPTION: a covered cell
   * costs what writing a cell costs [TAN], on top of the call's write round trip.
   */
  structuralCellUs: number;
  /**
   * SpreadsheetApp.flush(), on top of the writes it commits [MOG]: ~30 ms after one row, +560 ms after
   * 4,000 cells. The slower is taken. The product never calls it; the naive baseline neither.
   */
  flushMs: number;
  /** Per email sent [OUT]. */
  emailMs: number;
  /** A properties read (getProperty, getProperties) [PER]: the slower user-properties figure. */
  propertyReadMs: number;
  /** A properties write (setProperty, setProperties, deleteProperty) [PER][POE]. */
  propertyWriteMs: number;
  /** A cache read (get, getAll) [PER]. */
  cacheReadMs: number;
  /** A cache write (put, putAll, remove) [PER]. */
  cacheWriteMs: number;
  /**
   * A lock call (tryLock, waitLock, releaseLock, hasLock). No published figure. ASSUMPTION: priced like
   * a properties write [PER], a small write to a shared Google store. Waiting is charged on top.
   */
  lockCallMs: number;
  /**
   * Any other round trip (ScriptApp's triggers, the Ui's alerts, sidebars and toasts, MailApp's quota
   * check). No published figure. ASSUMPTION: priced like a properties write [PER].
   */
  otherCallMs: number;
  /**
   * How much slower Apps Script runs the script's JavaScript than this machine's Node.js. No published
   * comparison for the V8 runtime (Bruce McPherson's Rhino-era ~100× against a browser, ramblings.
   * mcpher.com/very-interesting-gas-performance, no longer applies). ASSUMPTION: 4×. It multiplies the
   * measured CPU time of each execution and of loading the bundle.
   * MEASURED: an execution's CPU time is its sandbox thread's time on a CPU (runtime/sandbox/worker.ts)
   * without its service calls (their waiting, and the sandbox's encoding and decoding of them, which
   * the per-call and per-cell prices stand for), so waiting for a service call or for a CPU is not in
   * it, and with the built-ins bound so that global lookups cost what they cost in a plain V8 context;
   * it still varies with the machine's load
   * (one rebuild of the reports at 10k: 557–870 ms in one process, the same code). Collecting the
   * sandbox's garbage before the run and a big heap in the bench's own process changed nothing
   * measurable, so no run is trimmed: where the JavaScript decides a budget (the reports), the
   * operation is run three times and the median run priced (bench/median-run.ts).
   */
  jsFactor: number;
  /**
   * A call from the browser (a menu item or google.script.run): request, scheduling a fresh execution,
   * reply. No published median [LIB][LAB]. ASSUMPTION: 500 ms per call, well under the multi-second
   * cases reported, so it is not the pessimistic reading; override with WO_COST_CLIENT_ROUND_TRIP_MS.
   */
  clientRoundTripMs: number;
  /**
   * Loading the bundle, paid by every execution [LIB]: the measured time to compile and run Code.js in
   * a fresh V8 context here × jsFactor. ASSUMPTION: Apps Script compiles and runs it as fast as it runs
   * the rest of the script, with no compiled-code cache between executions. MEASURED (bench/
   * load-spread.ts): thread-CPU time, each of 5 fresh processes' best of 15 uncached loads, and the
   * median of those 5 taken. A single process's best is not stable (20–35 ms for the same bundle in six
   * processes, so 80–140 ms priced); the median of five processes stayed within 0.1 ms over three runs
   * of the bench's process. The median, not the minimum: stable, not optimistic.
   * Set per bundle by costModelFromEnv() and modelForBundle().
   */
  bundleLoadMs: number;
}

export const DEFAULT_COST_MODEL: Readonly<CostModel> = {
  firstTouchMs: 200,
  readCallMs: 100,
  cachedReadMs: 4,
  writeCallMs: 250,
  cellReadUs: 10,
  cellWrittenUs: 50,
  structuralCellUs: 50,
  flushMs: 560,
  emailMs: 1200,
  propertyReadMs: 34,
  propertyWriteMs: 64,
  cacheReadMs: 4,
  cacheWriteMs: 93,
  lockCallMs: 64,
  otherCallMs: 64,
  jsFactor: 4,
  clientRoundTripMs: 500,
  bundleLoadMs: 0,
};

const ENV: Record<keyof CostModel, string> = {
  firstTouchMs: 'WO_COST_FIRST_TOUCH_MS',
  readCallMs: 'WO_COST_READ_MS',
  cachedReadMs: 'WO_COST_CACHED_READ_MS',
  writeCallMs: 'WO_COST_WRITE_MS',
  cellReadUs: 'WO_COST_CELL_READ_US',
  cellWrittenUs: 'WO_COST_CELL_WRITE_US',
  structuralCellUs: 'WO_COST_STRUCTURAL_CELL_US',
  flushMs: 'WO_COST_FLUSH_MS',
  emailMs: 'WO_COST_EMAIL_MS',
  propertyReadMs: 'WO_COST_PROPERTY_READ_MS',
  propertyWriteMs: 'WO_COST_PROPERTY_WRITE_MS',
  cacheReadMs: 'WO_COST_CACHE_READ_MS',
  cacheWriteMs: 'WO_COST_CACHE_WRITE_MS',
  lockCallMs: 'WO_COST_LOCK_CALL_MS',
  otherCallMs: 'WO_COST_OTHER_CALL_MS',
  jsFactor: 'WO_COST_JS_FACTOR',
  clientRoundTripMs: 'WO_COST_CLIENT_ROUND_TRIP_MS',
  bundleLoadMs: 'WO_COST_BUNDLE_LOAD_MS',
};

/** Daily quotas [QUO]: consumer (gmail.com) and Google Workspace accounts. */
export const QUOTAS = {
  triggerRuntimeMsPerDay: { consumer: 90 * 60_000, workspace: 6 * 60 * 60_000 },
  propertyCallsPerDay: { consumer: 50_000, workspace: 500_000 },
  recipientsPerDay: { consumer: 100, workspace: 1_500 },
  executionLimitMs: 6 * 60_000,
} as const;

/** The product bundle's measured load (median over processes, ms) by file: read and measured once. */
const ourBundleLoadMs = new Map<string, number>();

/**
 * The default model with any WO_COST_* environment overrides applied, priced for the product's
 * bundle ($WO_DIST_DIR/Code.js, else dist/Code.js; its load is measured once per process, in fresh
 * child processes: bench/load-spread.ts).
 */
export function costModelFromEnv(env: NodeJS.ProcessEnv = process.env): CostModel {
  const model = baseModel(env);
  if (env[ENV.bundleLoadMs]) return model;
  const file = path.join(path.resolve(env.WO_DIST_DIR ?? 'dist'), 'Code.js');
  let loadMs = ourBundleLoadMs.get(file);
  if (loadMs === undefined) {
    loadMs = measureLoadSpread(fs.readFileSync(file, 'utf8'), loadProcessesFromEnv(env)).medianMs;
    ourBundleLoadMs.set(file, loadMs);
  }
  return { ...model, bundleLoadMs: loadMs * model.jsFactor };
}

/** The model for another bundle (the naive baseline's), from that bundle's source. */
export function modelForBundle(
  model: CostModel,
  source: string,
  env: NodeJS.ProcessEnv = process.env,
): CostModel {
  if (env[ENV.bundleLoadMs]) return model;
  return {
    ...model,
    bundleLoadMs: measureLoadSpread(source, loadProcessesFromEnv(env)).medianMs * model.jsFactor,
  };
}

function baseModel(env: NodeJS.ProcessEnv): CostModel {
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

export { addCounts, countsOf, estimateMs, holdEstimates, ZERO_COUNTS, type CallCounts } from './pricing';
