/**
 * Cost tracing beside the call counts of call-cost.ts, for budgets and the benchmark to price:
 *
 * - Google's read cache. Google's "Optimizing Spreadsheet Operations" (googleappsscript.blogspot.com,
 *   2010-06-01) and the Best practices guide (developers.google.com/apps-script/guides/support/
 *   best-practices) say Apps Script keeps a look-ahead cache of what a script is likely to read and a
 *   write cache, and that every read first commits pending writes. So a read repeated before any write
 *   does not go back to the document. Google does not say how far the look-ahead reaches; this counts a
 *   read as cached when the same sheet's cells (any range of it), or the same sheet or spreadsheet
 *   property (getLastRow, getSheetByName…), was already read in this execution and nothing was written
 *   to the spreadsheet since: the reading most favourable to cell-by-cell code, so that a comparison
 *   against such code never overstates batching.
 * - Structural cells: how many cells a structural call covers (a validation rule or a protection on a
 *   range, rows or columns inserted or deleted), which a single round-trip price would hide.
 * - Lock holds: for each lock an execution took, what it did while holding it (the same counters,
 *   differenced), so the document lock's hold time can be estimated with the same prices.
 */
import type { ExecutionContext, ExecutionStats } from './execution';
import type { GasObject } from './gas-object';
import type { CallKind } from './call-cost';

/** The additive counters of an execution, as they stood at one moment or as a difference. */
export type CostCounters = Pick<
  ExecutionStats,
  | 'calls'
  | 'backend'
  | 'cellsRead'
  | 'cellsWritten'
  | 'cachedReads'
  | 'structuralCells'
  | 'emailsSent'
  | 'emailRecipients'
  | 'lockWaitMs'
  | 'serviceMs'
>;

/** One lock taken and given back (or released by the end of the execution). */
export interface LockHold {
  /** `document:<id>`, `script` or `user:<email>`. */
  key: string;
  /** Wall time between taking and releasing it, ms, on the world's clock. */
  wallMs: number;
  /** Wall time held minus time inside service calls: the script's own JavaScript meanwhile, ms. */
  scriptMs: number;
  /** What the execution did while holding it. */
  during: CostCounters;
  endedBy: 'releaseLock' | 'end of execution';
}

export function zeroCounters(): CostCounters {
  return {
    calls: {},
    backend: {},
    cellsRead: 0,
    cellsWritten: 0,
    cachedReads: 0,
    structuralCells: 0,
    emailsSent: 0,
    emailRecipients: 0,
    lockWaitMs: 0,
    serviceMs: 0,
  };
}

export function snapshotCounters(stats: ExecutionStats): CostCounters {
  const backend: CostCounters['backend'] = {};
  for (const [family, kinds] of Object.entries(stats.backend)) backend[family] = { ...kinds };
  return {
    calls: { ...stats.calls },
    backend,
    cellsRead: stats.cellsRead,
    cellsWritten: stats.cellsWritten,
    cachedReads: stats.cachedReads,
    structuralCells: stats.structuralCells,
    emailsSent: stats.emailsSent,
    emailRecipients: stats.emailRecipients,
    lockWaitMs: stats.lockWaitMs,
    serviceMs: stats.serviceMs,
  };
}

/** `later − earlier`, key by key. */
export function diffCounters(later: CostCounters, earlier: CostCounters): CostCounters {
  const calls: Record<string, number> = {};
  for (const [k, v] of Object.entries(later.calls)) {
    const d = v - (earlier.calls[k] ?? 0);
    if (d !== 0) calls[k] = d;
  }
  const backend: CostCounters['backend'] = {};
  for (const [family, kinds] of Object.entries(later.backend)) {
    const before = earlier.backend[family] ?? { touch: 0, read: 0, write: 0 };
    const d = {
      touch: kinds.touch - before.touch,
      read: kinds.read - before.read,
      write: kinds.write - before.write,
    };
    if (d.touch || d.read || d.write) backend[family] = d;
  }
  return {
    calls,
    backend,
    cellsRead: later.cellsRead - earlier.cellsRead,
    cellsWritten: later.cellsWritten - earlier.cellsWritten,
    cachedReads: later.cachedReads - earlier.cachedReads,
    structuralCells: later.structuralCells - earlier.structuralCells,
    emailsSent: later.emailsSent - earlier.emailsSent,
    emailRecipients: later.emailRecipients - earlier.emailRecipients,
    lockWaitMs: later.lockWaitMs - earlier.lockWaitMs,
    serviceMs: later.serviceMs - earlier.serviceMs,
  };
}

// ---------------------------------------------------------------------------------------------
// Lock holds

interface OpenHold {
  at: number;
  counters: CostCounters;
}
const openHolds = new WeakMap<ExecutionStats, Map<string, OpenHold>>();

/** The execution now holds `key` (called when a lock is granted; taking it again is a no-op). */
export function holdBegan(ctx: ExecutionContext, key: string): void {
  let mine = openHolds.get(ctx.stats);
  if (!mine) {
    mine = new Map();
    openHolds.set(ctx.stats, mine);
  }
  if (!mine.has(key)) mine.set(key, { at: performance.now(), counters: snapshotCounters(ctx.stats) });
}

/** The execution gave `key` back; records the hold. */
export function holdEnded(ctx: ExecutionContext, key: string, endedBy: LockHold['endedBy']): void {
  const open = openHolds.get(ctx.stats)?.get(key);
  if (!open) return;
  openHolds.get(ctx.stats)?.delete(key);
  const during = diffCounters(snapshotCounters(ctx.stats), open.counters);
  const wallMs = performance.now() - open.at;
  ctx.stats.lockHolds.push({
    key,
    wallMs: wallMs * ctx.world.clock.scale,
    scriptMs: Math.max(0, wallMs - during.serviceMs - during.lockWaitMs / ctx.world.clock.scale),
    during,
    endedBy,
  });
}

/** Apps Script releases what an execution still holds when it ends: those holds end there. */
export function endAllHolds(ctx: ExecutionContext): void {
  for (const key of [...(openHolds.get(ctx.stats)?.keys() ?? [])]) holdEnded(ctx, key, 'end of execution');
}

// ---------------------------------------------------------------------------------------------
// Read cache and structural cells (Spreadsheet family only)

interface SheetLike {
  id?: unknown;
  sheetId?: unknown;
  name?: unknown;
  spreadsheet?: { id?: unknown };
  maxColumns?: unknown;
  maxRows?: unknown;
}
type WithModel = GasObject & {
  _model?: SheetLike & { id?: unknown };
  _rect?: { numRows: number; numColumns: number };
};

const readScopes = new WeakMap<ExecutionStats, Set<string>>();

function documentOf(object: WithModel): string | null {
  const model = object._model;
  if (!model) return null;
  if (object.gasClass === 'Spreadsheet') return typeof model.id === 'string' ? model.id : null;
  const id = model.spreadsheet?.id;
  return typeof id === 'string' ? id : null;
}

/** What a read reads, for the cache: the sheet's cells, or one property of a sheet or spreadsheet. */
function readScope(object: WithModel, method: string): string | null {
  const doc = documentOf(object);
  if (doc === null) return null;
  const sheet = object._model;
  const sheetKey = `${doc}/${String(sheet?.sheetId ?? sheet?.name ?? '')}`;
  if (object.gasClass === 'Range') return `${sheetKey}:cells`;
  if (object.gasClass === 'Sheet') return `${sheetKey}:${method}`;
  if (object.gasClass === 'Spreadsheet') return `${doc}:${method}`;
  return null;
}

/** Counts a Spreadsheet backend call into `cachedReads` (and forgets the cache on a write). */
export function noteReadCache(
  ctx: ExecutionContext,
  object: GasObject,
  method: string,
  kind: CallKind,
): void {
  if (object.gasService !== 'Spreadsheet' || kind === 'local') return;
  let seen = readScopes.get(ctx.stats);
  if (!seen) {
    seen = new Set();
    readScopes.set(ctx.stats, seen);
  }
  if (kind === 'write') {
    // A write lands in the write cache, which the next read commits: nothing read before is current.
    seen.clear();
    return;
  }
  if (kind !== 'read') return;
  const scope = readScope(object as WithModel, method);
  if (scope === null) return;
  if (seen.has(scope)) ctx.stats.cachedReads++;
  else seen.add(scope);
}

/** Range methods that lay something over every cell of the range. */
const RANGE_STRUCTURAL = new Set([
  'setDataValidation',
  'setDataValidations',
  'clearDataValidations',
  'protect',
  'insertCheckboxes',
  'removeCheckboxes',
]);

const NEW_SHEET_CELLS = 1000 * 26;

/** Cells a structural call covers (0 for any other call); `args` are the decoded arguments. */
export function structuralCellsOf(object: GasObject, method: string, args: readonly unknown[]): number {
  const o = object as WithModel;
  if (o.gasClass === 'Range' && RANGE_STRUCTURAL.has(method) && o._rect) {
    return o._rect.numRows * o._rect.numColumns;
  }
  // A new sheet is Google's default grid, 1,000 rows by 26 columns.
  if (o.gasClass === 'Spreadsheet' && method === 'insertSheet') return NEW_SHEET_CELLS;
  if (o.gasClass !== 'Sheet') return 0;
  const columns = typeof o._model?.maxColumns === 'number' ? o._model.maxColumns : 0;
  // Columns inserted or deleted cover every row of the sheet, as rows cover every column.
  const rows = typeof o._model?.maxRows === 'number' ? o._model.maxRows : 0;
  const count = (n: unknown) => (typeof n === 'number' && n > 0 ? n : 0);
  switch (method) {
    case 'deleteColumn':
    case 'insertColumnBefore':
    case 'insertColumnAfter':
      return rows;
    case 'deleteColumns':
    case 'insertColumnsBefore':
    case 'insertColumnsAfter':
      return count(args[1]) * rows;
    case 'insertColumns':
      return (args.length > 1 ? count(args[1]) : 1) * rows;
    case 'deleteRow':
    case 'insertRowBefore':
    case 'insertRowAfter':
      return columns;
    case 'deleteRows':
    case 'insertRowsBefore':
    case 'insertRowsAfter':
      return count(args[1]) * columns;
    case 'insertRows':
      return (args.length > 1 ? count(args[1]) : 1) * columns;
    default:
      return 0;
  }
}
