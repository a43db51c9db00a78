/**
 * The "Review & assign" sidebar's budget figures: `npx tsx bench/review.ts [sizes…]`
 * (default 1,000 10,000 100,000 work orders; WO_DIST_DIR names the build to load).
 *
 * For each register size it installs a workbook with that many work orders (mostly closed history,
 * 500 requests awaiting review, some approved, assigned and completed work), then measures what a
 * supervisor does: the first load after install (the queue index is built: the slow path, once),
 * opening the sidebar (the menu item, whose page carries the queue: the page makes no call before it
 * shows it), a load alone (Reload, paging), a load after rows were appended by an execution without
 * document properties (the hourly job), a second page, and the actions. Budgets: opening is 1
 * execution, and it and every load make at most 4 Spreadsheet calls at any size; an action at most 8
 * Spreadsheet calls plus its emails; the payload (the page's data or a reply) stays under 100 KB.
 *
 * bench/main.ts calls `measureReview(sizes)` and reads the figures' fields (see bench/external.ts).
 */
import { spreadsheetCalls, type ExecutionStats } from '../runtime/host/execution';
import type { ExecutionRecord } from '../runtime';
import { costModelFromEnv, countsOf, addCounts, ZERO_COUNTS, type CallCounts } from './cost-model';
import { estimateRecords, recordFigures, type RecordFigures } from './results';
import { SUPERVISOR, TECH, TECH2, setUpWorkbook, type TestWorkbook } from '../test/support/workbook';
import { appendDirectly, makeOrder } from '../test/features/review/fixtures';
import type { WorkOrder } from '../src/core/model';
import type { ReviewActResponse, ReviewItem, ReviewLoadResponse } from '../src/shared/review';
import { forgetRememberedState } from '../test/support/caches';
import { table } from './print';
import { shownSidebar } from '../test/support/first-data';

const PENDING = 500;

export interface ReviewFigures {
  size: number;
  scenario: string;
  /** Executions the step started; for a sidebar call, the server calls the page made. */
  executions: number;
  reads: number;
  writes: number;
  spreadsheetCalls: number;
  otherCalls: number;
  cellsRead: number;
  cellsWritten: number;
  emails: number;
  /** Wall time of the executions in the local runtime. */
  localMs: number;
  /** The cost model's estimate of Apps Script time (bench/cost-model.ts). */
  estimatedMs: number;
  /** Size of the reply the page receives, as JSON. */
  payloadBytes: number;
  /** Everything the estimate priced (bench/pricing.ts). */
  counts: CallCounts;
  lockHoldMs: RecordFigures['lockHoldMs'];
  triggerMs: number;
  propertyCalls: number;
  recipients: number;
  ok: boolean;
  error?: string;
  note?: string;
}

/** `size` orders: closed history, PENDING requests awaiting review, and some work in between. */
function registerOf(size: number): WorkOrder[] {
  const pending = Math.min(PENDING, Math.floor(size / 2));
  const special = Math.min(60, Math.floor(size / 10));
  return Array.from({ length: size }, (_, i) => {
    const seq = i + 1;
    const wo = `WO-2025-${String(seq).padStart(5, '0')}`;
    if (i >= size - pending) return makeOrder(seq);
    if (i < special / 3)
      return makeOrder(seq, { status: 'Approved', woNumber: wo, category: 'HVAC', priority: 'P3 Routine' });
    if (i < (2 * special) / 3)
      return makeOrder(seq, { status: 'Assigned', woNumber: wo, assignee: i % 2 ? TECH : TECH2 });
    if (i < special)
      return makeOrder(seq, {
        status: 'Completed',
        woNumber: wo,
        assignee: TECH,
        results: 'Done',
        actions: 'Fixed it',
        completedAt: new Date(Date.UTC(2026, 0, 10) + i * 60_000),
      });
    return makeOrder(seq, { status: 'Closed', woNumber: wo, closedAt: new Date(Date.UTC(2025, 6, 1)) });
  });
}

function figures(
  size: number,
  scenario: string,
  records: ExecutionRecord[],
  payload: unknown,
  note?: string,
): ReviewFigures {
  let counts: CallCounts = { ...ZERO_COUNTS };
  let sheets = 0;
  for (const r of records) {
    counts = addCounts(counts, countsOf(r.stats as ExecutionStats, r.kind));
    sheets += spreadsheetCalls(r.stats);
  }
  const failed = records.find((r) => !r.ok || (r.value as { ok?: boolean } | undefined)?.ok === false);
  const error = failed
    ? (failed.error?.message ?? (failed.value as { message?: string }).message)
    : undefined;
  return {
    size,
    scenario,
    executions: records.length,
    reads: counts.reads,
    writes: counts.writes,
    spreadsheetCalls: sheets,
    otherCalls: counts.otherCalls,
    cellsRead: counts.cellsRead,
    cellsWritten: counts.cellsWritten,
    emails: counts.emails,
    localMs: Math.round(counts.localMs),
    estimatedMs: Math.round(estimateRecords(records, costModelFromEnv())),
    payloadBytes: Buffer.byteLength(JSON.stringify(payload ?? null), 'utf8'),
    counts,
    ...recordFigures(records, costModelFromEnv()),
    ok: !failed,
    error,
    note,
  };
}

const call = (wb: TestWorkbook, fn: string, arg?: unknown) =>
  wb.call(SUPERVISOR, fn, ...(arg === undefined ? [] : [arg]));

/** The data the page the menu item showed carries (what the page draws without a call). */
function firstDataOf(wb: TestWorkbook): unknown {
  return shownSidebar(wb, SUPERVISOR).data;
}

function firstItem(record: ExecutionRecord, section: 'submitted' | 'completed'): ReviewItem {
  const reply = record.value as ReviewLoadResponse | ReviewActResponse;
  if (!reply.ok || !reply.view) throw new Error(`no view: ${JSON.stringify(reply).slice(0, 200)}`);
  const item = reply.view.sections[section].items[0];
  if (!item) throw new Error(`nothing in ${section}`);
  return item;
}

async function measureSize(size: number): Promise<ReviewFigures[]> {
  const wb = await setUpWorkbook();
  try {
    appendDirectly(wb, registerOf(size));
    const rows: ReviewFigures[] = [];
    const add = (scenario: string, records: ExecutionRecord[], note?: string) =>
      rows.push(figures(size, scenario, records, records.at(-1)?.value, note));

    // The first load after install: no index yet, one full read of the register (the slow path).
    add('first load (index built)', [await call(wb, 'reviewLoad')], 'once, after install or damage');
    // The menu item with the Settings/Staff cache cold (first use in 10 minutes): the role check.
    forgetRememberedState(wb.rt.world, wb.ssId);
    add(
      'menu, cold cache',
      [await wb.menu(SUPERVISOR, 'openReviewSidebar')],
      'reads Settings and Staff into the document cache',
    );
    // Opening as a supervisor does it: the menu item, whose page shows the queue it carries.
    const menu = await wb.menu(SUPERVISOR, 'openReviewSidebar');
    rows.push(
      figures(size, 'open', [menu], firstDataOf(wb), 'menu item; the page carries the queue, no call'),
    );
    add('load', [await call(wb, 'reviewLoad')], 'Reload or paging: one server call');
    add('second page', [await call(wb, 'reviewLoad', { offsets: { submitted: 50 } })]);
    // Rows appended by an execution without document properties (the hourly job's reconciliation).
    appendDirectly(
      wb,
      Array.from({ length: 10 }, (_, i) => makeOrder(size + 1 + i)),
    );
    add('load after 10 rows appended unseen', [await call(wb, 'reviewLoad')], 'one read of the tail');
    const reload = await call(wb, 'reviewLoad');

    const a = firstItem(reload, 'submitted');
    const approveAssign = await call(wb, 'reviewAct', {
      action: 'approveAssign',
      id: a.id,
      revision: a.revision,
      rowHint: a.rowHint,
      category: 'Electrical',
      priority: 'P3 Routine',
      assignee: TECH,
    });
    add('approveAssign', [approveAssign]);
    const r = firstItem(approveAssign, 'submitted');
    add('reject', [
      await call(wb, 'reviewAct', {
        action: 'reject',
        id: r.id,
        revision: r.revision,
        rowHint: r.rowHint,
        reason: 'Duplicate',
      }),
    ]);
    const c = firstItem(reload, 'completed');
    add('close', [
      await call(wb, 'reviewAct', { action: 'close', id: c.id, revision: c.revision, rowHint: c.rowHint }),
    ]);
    return rows;
  } finally {
    await wb.close();
  }
}

/** The figures for each register size (bench/main.ts reads these; see bench/external.ts). */
export async function measureReview(sizes: number[]): Promise<ReviewFigures[]> {
  const out: ReviewFigures[] = [];
  for (const size of sizes) out.push(...(await measureSize(size)));
  return out;
}

// ---- Printing (when run directly) ----

const OPEN_SCENARIOS = ['open', 'load', 'load after 10 rows appended unseen', 'second page'];
const ACTION_SCENARIOS = ['approveAssign', 'reject', 'close'];

function budgetLines(rows: readonly ReviewFigures[]): string[] {
  const lines: string[] = [];
  const check = (ok: boolean, text: string) => lines.push(`${ok ? 'ok  ' : 'FAIL'} ${text}`);
  const opens = rows.filter((r) => OPEN_SCENARIOS.includes(r.scenario));
  check(
    opens.every((r) => r.executions === 1 && r.spreadsheetCalls <= 4),
    `opening and loads: 1 execution, ≤ 4 Spreadsheet calls (worst ${Math.max(...opens.map((r) => r.spreadsheetCalls))})`,
  );
  check(
    opens.every((r) => r.payloadBytes < 100 * 1024),
    `payload < 100 KB with ${PENDING} pending (largest ${(Math.max(...opens.map((r) => r.payloadBytes)) / 1024).toFixed(1)} KB)`,
  );
  const actions = rows.filter((r) => ACTION_SCENARIOS.includes(r.scenario));
  check(
    actions.every((r) => r.spreadsheetCalls <= 8),
    `an action: ≤ 8 Spreadsheet calls plus emails (worst ${Math.max(...actions.map((r) => r.spreadsheetCalls))})`,
  );
  check(
    rows.every((r) => r.ok),
    'every step succeeded',
  );
  return lines;
}

function printTable(rows: readonly ReviewFigures[]): void {
  const header = [
    'orders',
    'step',
    'exec',
    'Sheets calls (r/w)',
    'other',
    'cells read',
    'emails',
    'reply KB',
    'local ms',
    'est. Apps Script s',
  ];
  const body = rows.map((r) => [
    r.size.toLocaleString('en-US'),
    r.scenario + (r.ok ? '' : ` (FAILED: ${r.error ?? ''})`),
    String(r.executions),
    `${r.spreadsheetCalls} (${r.reads}/${r.writes})`,
    String(r.otherCalls),
    r.cellsRead.toLocaleString('en-US'),
    String(r.emails),
    (r.payloadBytes / 1024).toFixed(1),
    String(r.localMs),
    (r.estimatedMs / 1000).toFixed(2),
  ]);
  console.log(table(header, body, (i) => i >= 2));
}

async function main(): Promise<void> {
  const args = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => Number.isInteger(n) && n >= 100);
  const sizes = args.length > 0 ? args : [1_000, 10_000, 100_000];
  const rows = await measureReview(sizes);
  printTable(rows);
  console.log('');
  const lines = budgetLines(rows);
  for (const l of lines) console.log(l);
  if (lines.some((l) => l.startsWith('FAIL'))) process.exitCode = 1;
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
