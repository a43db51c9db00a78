/**
 * Helpers for the archive tests: a register of many rows written straight into the host model (as
 * years of the add-on's own work would have left it), the archive spreadsheets the add-on created, and
 * the document lock holds of an execution, priced by the benchmark's cost model.
 */
import { DEFAULT_COST_MODEL, countsOf, estimateMs } from '../../../bench/cost-model';
import { estimateParts } from '../../../bench/pricing';
import type { ExecutionContext, ExecutionStats, World } from '../../../runtime';
import { formatRequestId } from '../../../src/core/ids';
import { emptyWorkOrder, SHEET_NAMES, type WorkOrder } from '../../../src/core/model';
import { registerLayout, workOrderToRow } from '../../../src/core/columns';
import { archiveFileName } from '../../../src/server/features/archive/files';
import { decodeWorldState, importWorld } from '../../../runtime/persistence';
import { ADMIN, type TestWorkbook } from '../../support/workbook';
import { withWorkbookKey } from '../../support/row-state';
import { findRowStateColumn, serializeRowState } from '../../../src/server/adapters/row-state';

type Cell = string | number | boolean | Date;

/** Appends `count` orders below the register's last row (ids from `firstNumber`); returns their ids. */
export function fillRegister(
  wb: TestWorkbook,
  count: number,
  firstNumber: number,
  shape: (i: number) => Partial<WorkOrder>,
): string[] {
  const sheet = wb.sheet(SHEET_NAMES.register);
  const header = wb.values(SHEET_NAMES.register)[0] ?? [];
  const layout = registerLayout(header);
  // Each row's sealed Last Known State, as the add-on writes it with the row: archiving moves only
  // rows that agree with theirs.
  const stateIndex = findRowStateColumn(header);
  const ids: string[] = [];
  const rows = withWorkbookKey(wb, () =>
    Array.from({ length: count }, (_, i) => {
      const id = formatRequestId(firstNumber + i);
      ids.push(id);
      const order: WorkOrder = { ...emptyWorkOrder(), id, description: `Order ${i}`, ...shape(i) };
      const row = workOrderToRow(order, layout).map((v) =>
        typeof v === 'string' ? v.replace(/^'/, '') : v,
      ) as Cell[];
      if (stateIndex >= 0) row[stateIndex] = serializeRowState(order);
      return row;
    }),
  );
  sheet.writeValues(sheet.lastRow() + 1, 1, rows);
  return ids;
}

/** The archive spreadsheet the add-on made for `year`, read through the host model. */
export function archiveFile(wb: TestWorkbook, year: number) {
  return wb.rt.world.spreadsheets.all().find((s) => s.name === archiveFileName(year)) ?? null;
}

/**
 * The rows of every file named as `year`'s archive, by header (header rows excluded). A run stopped
 * between creating a file and recording it leaves an empty file behind, which the next run does not
 * know of: its rows (none) count too.
 */
export function archivedRows(wb: TestWorkbook, year: number): Record<string, unknown>[] {
  return wb.rt.world.spreadsheets
    .all()
    .filter((s) => s.name === archiveFileName(year))
    .flatMap((file) => {
      const sheet = file.sheetModels()[0];
      if (!sheet) return [];
      const [header = [], ...rows] = sheet.readValues(
        1,
        1,
        Math.max(1, sheet.lastRow()),
        Math.max(1, sheet.lastColumn()),
      );
      return rows
        .filter((r) => r.some((v) => v !== ''))
        .map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])));
    });
}

function copyStats(s: ExecutionStats): ExecutionStats {
  return {
    ...s,
    calls: { ...s.calls },
    callsByService: { ...s.callsByService },
    backend: Object.fromEntries(Object.entries(s.backend).map(([k, v]) => [k, { ...v }])),
  };
}

function minus(a: ExecutionStats, b: ExecutionStats): ExecutionStats {
  const out = copyStats(a);
  for (const [k, v] of Object.entries(b.calls)) out.calls[k] = (out.calls[k] ?? 0) - v;
  for (const [k, v] of Object.entries(b.backend)) {
    const o = (out.backend[k] ??= { touch: 0, read: 0, write: 0 });
    o.touch -= v.touch;
    o.read -= v.read;
    o.write -= v.write;
  }
  out.cellsRead -= b.cellsRead;
  out.cellsWritten -= b.cellsWritten;
  out.cachedReads -= b.cachedReads;
  out.structuralCells -= b.structuralCells;
  out.emailsSent -= b.emailsSent;
  out.emailRecipients -= b.emailRecipients;
  out.lockWaits -= b.lockWaits;
  out.lockWaitMs -= b.lockWaitMs;
  return out;
}

/** One hold of the locks, from the first tryLock/waitLock to the release that frees the last of them. */
export interface LockHold {
  executionId: number;
  estimatedMs: number;
  calls: Record<string, number>;
  /** The estimate by part (bench/pricing.ts estimateParts), to see what a long hold spent. */
  parts: Record<string, number>;
}

/**
 * Records every lock hold of the executions that run until `stop()`, priced by bench/cost-model.ts
 * (each file opened or created inside the hold pays a first touch, and the lock calls themselves count
 * as the round trips they are). Observes through the runtime's per-call hook (the fault plan), so it
 * sees exactly the calls the script makes, in order.
 */
export function recordLockHolds(world: World): { holds: LockHold[]; stop(): void } {
  const faults = world.faults;
  const original = faults.beforeCall.bind(faults);
  const holds: LockHold[] = [];
  const open = new Map<number, { depth: number; from: ExecutionStats }>();
  faults.beforeCall = (ctx: ExecutionContext, key: string) => {
    original(ctx, key);
    const state = open.get(ctx.executionId);
    if (key === 'Lock.tryLock' || key === 'Lock.waitLock') {
      if (state) state.depth++;
      else open.set(ctx.executionId, { depth: 1, from: copyStats(ctx.stats) });
    } else if (key === 'Lock.releaseLock' && state) {
      if (--state.depth > 0) return;
      open.delete(ctx.executionId);
      const delta = minus(ctx.stats, state.from);
      const files =
        (delta.calls['SpreadsheetApp.openById'] ?? 0) + (delta.calls['SpreadsheetApp.create'] ?? 0);
      const counts = { ...countsOf(delta), scriptMs: 0 };
      holds.push({
        executionId: ctx.executionId,
        parts: estimateParts(counts, DEFAULT_COST_MODEL),
        // Priced as its own execution (one first touch) plus a touch per other file, plus this release.
        estimatedMs: estimateMs(counts, DEFAULT_COST_MODEL) + files * 200 + 25,
        calls: delta.calls,
      });
    }
  };
  return { holds, stop: () => void (faults.beforeCall = original) };
}

/**
 * Runs an archive from the saved world with its `n`th service call failing, for n = 1, 2, … until a
 * run makes fewer calls; `after(n, hit)` looks at each world left behind. Returns how many calls failed.
 */
export async function eachCallFailing(
  wb: TestWorkbook,
  saved: string,
  after: (n: number, hit: string) => Promise<void>,
  limit = 400,
): Promise<number> {
  let calls = 0;
  for (let n = 1; n < limit; n++) {
    importWorld(wb.rt.world, decodeWorldState(saved));
    wb.rt.world.faults.failNthCall(n);
    await wb.menu(ADMIN, 'archiveClosedWorkOrders');
    const hit = wb.rt.world.faults.lastFault;
    wb.rt.world.faults.disarm();
    if (hit === null) break;
    calls = n;
    await after(n, hit);
  }
  return calls;
}
