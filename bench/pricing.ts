/**
 * Applies the cost model (bench/cost-model.ts) to what the local runtime counted for an execution
 * (runtime/host/execution.ts, runtime/host/cost-trace.ts): service calls by kind, cells, reads the
 * read cache answers, structural cells, emails, lock waits, the script's CPU time, and whether a
 * browser waited on it.
 */
import type { CostCounters, ExecutionKind, ExecutionRecord, ExecutionStats, LockHold } from '../runtime';
import type { CostModel } from './cost-model';

/** Services whose calls are Sheets/Forms backend round trips, priced by the read/write figures. */
const DOCUMENT_SERVICES = new Set(['Spreadsheet', 'Form']);
/** Services answered inside the script's own process: no round trip. */
const IN_PROCESS_SERVICES = new Set(['Utilities', 'Logging', 'Session', 'Html']);

/** What one execution (or a sum of executions) did, in the terms the estimate prices. */
export interface CallCounts {
  executions: number;
  /** Executions that touched the document (each pays the first touch once). */
  touches: number;
  /** Executions started from the browser (a menu item, google.script.run): each pays a round trip. */
  clientCalls: number;
  /** Spreadsheet and Form backend reads (cached ones included) and writes. */
  reads: number;
  cachedReads: number;
  writes: number;
  flushes: number;
  structuralCells: number;
  /** Every round trip to another service (Properties, Cache, Lock, Script, Ui, Mail's quota check). */
  otherCalls: number;
  /** The part of otherCalls that is Properties / Cache / Lock. */
  propertyReads: number;
  propertyWrites: number;
  cacheReads: number;
  cacheWrites: number;
  lockCalls: number;
  cellsRead: number;
  cellsWritten: number;
  emails: number;
  recipients: number;
  lockWaitMs: number;
  /** The script's own JavaScript time here, ms (thread CPU time where measured). */
  scriptMs: number;
  /** Wall time of the executions here, ms (for information; not priced). */
  localMs: number;
}

export const ZERO_COUNTS: Readonly<CallCounts> = {
  executions: 0,
  touches: 0,
  clientCalls: 0,
  reads: 0,
  cachedReads: 0,
  writes: 0,
  flushes: 0,
  structuralCells: 0,
  otherCalls: 0,
  propertyReads: 0,
  propertyWrites: 0,
  cacheReads: 0,
  cacheWrites: 0,
  lockCalls: 0,
  cellsRead: 0,
  cellsWritten: 0,
  emails: 0,
  recipients: 0,
  lockWaitMs: 0,
  scriptMs: 0,
  localMs: 0,
};

/** The service-call part of the counts, from the additive counters (an execution's or a lock hold's). */
export function callCounts(c: CostCounters): CallCounts {
  const counts: CallCounts = { ...ZERO_COUNTS };
  for (const [service, kinds] of Object.entries(c.backend)) {
    if (DOCUMENT_SERVICES.has(service)) {
      if (kinds.touch + kinds.read + kinds.write > 0) counts.touches = 1;
      counts.reads += kinds.read;
      counts.writes += kinds.write;
      continue;
    }
    // Opening the document explicitly, or reaching it through a handle the event carried (e.source).
    if (kinds.touch > 0) counts.touches = 1;
    if (IN_PROCESS_SERVICES.has(service)) continue;
    counts.otherCalls += kinds.read + kinds.write;
    if (service === 'Properties') {
      counts.propertyReads += kinds.read;
      counts.propertyWrites += kinds.write;
    } else if (service === 'Cache') {
      counts.cacheReads += kinds.read;
      counts.cacheWrites += kinds.write;
    } else if (service === 'Lock') counts.lockCalls += kinds.read + kinds.write;
  }
  // A sent email is priced as an email, not also as a round trip; a send MailApp refused (over quota)
  // sent nothing and stays priced as the round trip it was.
  const mailSends = Math.min(c.emailsSent, c.calls['MailApp.sendEmail'] ?? 0);
  counts.otherCalls = Math.max(0, counts.otherCalls - mailSends);
  counts.cachedReads = c.cachedReads;
  counts.flushes = c.calls['SpreadsheetApp.flush'] ?? 0;
  counts.structuralCells = c.structuralCells;
  counts.cellsRead = c.cellsRead;
  counts.cellsWritten = c.cellsWritten;
  counts.emails = c.emailsSent;
  counts.recipients = c.emailRecipients;
  counts.lockWaitMs = c.lockWaitMs;
  return counts;
}

/** The counts of one execution; `kind` says whether a browser started it (menu, google.script.run). */
export function countsOf(stats: ExecutionStats, kind?: ExecutionKind): CallCounts {
  const counts = callCounts(stats);
  counts.executions = 1;
  counts.clientCalls = kind === 'script-run' ? 1 : 0;
  counts.scriptMs = Number.isFinite(stats.scriptCpuMs)
    ? stats.scriptCpuMs
    : Math.max(0, stats.totalMs - stats.serviceMs - stats.loadMs);
  counts.localMs = stats.totalMs;
  return counts;
}

export function addCounts(a: CallCounts, b: CallCounts): CallCounts {
  const sum = { ...a };
  for (const key of Object.keys(sum) as (keyof CallCounts)[]) sum[key] = a[key] + b[key];
  return sum;
}

/** Other round trips that are none of Properties, Cache, Lock. */
function miscCalls(c: CallCounts): number {
  return Math.max(
    0,
    c.otherCalls - c.propertyReads - c.propertyWrites - c.cacheReads - c.cacheWrites - c.lockCalls,
  );
}

/** The estimate, ms, by part (printed by bench/print.ts so a figure can be checked by hand). */
export function estimateParts(c: CallCounts, m: CostModel): Record<string, number> {
  const uncached = Math.max(0, c.reads - c.cachedReads);
  return {
    bundle: c.executions * m.bundleLoadMs,
    browser: c.clientCalls * m.clientRoundTripMs,
    touch: c.touches * m.firstTouchMs,
    reads: uncached * m.readCallMs + c.cachedReads * m.cachedReadMs + (c.cellsRead * m.cellReadUs) / 1000,
    writes:
      c.writes * m.writeCallMs +
      (c.cellsWritten * m.cellWrittenUs) / 1000 +
      (c.structuralCells * m.structuralCellUs) / 1000 +
      c.flushes * m.flushMs,
    properties: c.propertyReads * m.propertyReadMs + c.propertyWrites * m.propertyWriteMs,
    cache: c.cacheReads * m.cacheReadMs + c.cacheWrites * m.cacheWriteMs,
    lock: c.lockCalls * m.lockCallMs + c.lockWaitMs,
    other: miscCalls(c) * m.otherCallMs,
    email: c.emails * m.emailMs,
    javascript: c.scriptMs * m.jsFactor,
  };
}

/** Estimated Apps Script time, ms: the sum of estimateParts. */
export function estimateMs(counts: CallCounts, model: CostModel): number {
  return Object.values(estimateParts(counts, model)).reduce((a, b) => a + b, 0);
}

/**
 * Each lock hold of an execution, estimated: the calls made while holding it priced like any others,
 * plus the script's JavaScript meanwhile (wall time held minus time in service calls, at most the
 * execution's CPU time, × jsFactor).
 * A hold that reached the document is charged the first touch (the pessimistic reading: the touch
 * may have come before the lock was taken).
 */
export function holdEstimates(
  stats: ExecutionStats,
  model: CostModel,
): { key: string; estimatedMs: number }[] {
  return stats.lockHolds.map((hold: LockHold) => {
    const counts = callCounts(hold.during);
    // Held wall time minus service time also counts waiting for a CPU on a busy machine: never more
    // than the whole execution's measured CPU time.
    counts.scriptMs = Number.isFinite(stats.scriptCpuMs)
      ? Math.min(hold.scriptMs, stats.scriptCpuMs)
      : hold.scriptMs;
    return { key: hold.key, estimatedMs: estimateMs(counts, model) };
  });
}

/** What the focused benches print of a set of executions: their counts, the estimate by part, the calls. */
export interface RecordsSummary {
  counts: CallCounts;
  parts: Record<string, number>;
  totalMs: number;
  /** Each service call by name, with how many times the executions made it. */
  calls: Map<string, number>;
}

export function summarizeRecords(records: readonly ExecutionRecord[], model: CostModel): RecordsSummary {
  let counts = { ...ZERO_COUNTS };
  const calls = new Map<string, number>();
  for (const r of records) {
    counts = addCounts(counts, countsOf(r.stats, r.kind));
    for (const [call, n] of Object.entries(r.stats.calls)) calls.set(call, (calls.get(call) ?? 0) + n);
  }
  const parts = estimateParts(counts, model);
  return { counts, parts, totalMs: Object.values(parts).reduce((a, b) => a + b, 0), calls };
}

/**
 * One line for a focus script: the executions' estimate by part, the JavaScript time measured here,
 * and whether they all succeeded (with each failure's message under it).
 */
export function printPriced(
  size: number,
  name: string,
  records: readonly ExecutionRecord[],
  model: CostModel,
): void {
  const { parts, totalMs } = summarizeRecords(records, model);
  const shown = Object.entries(parts)
    .filter(([, ms]) => ms > 0)
    .map(([p, ms]) => `${p} ${(ms / 1000).toFixed(2)}`)
    .join(', ');
  const cpu = records.map((r) => r.stats.scriptCpuMs.toFixed(0)).join(' + ');
  console.log(
    `${size.toLocaleString('en-US')}  ${name}: ${(totalMs / 1000).toFixed(2)} s (${shown}); ` +
      `JavaScript here ${cpu} ms, ok ${records.every((r) => r.ok)}`,
  );
  for (const r of records) if (!r.ok) console.log(`    FAILED: ${String(r.error?.message ?? r.error)}`);
}
