/**
 * Benchmark of the installable edit trigger: what one register edit costs, a single cell or
 * a 50-row paste, with a register of each given size. The budget is at most 6 Spreadsheet calls (reads
 * + writes reaching the Sheets backend), the same at 100 and 100,000 rows.
 *
 * Each size gets a fresh workbook set up through the real menu item; the register is filled host-side
 * with `size` assigned work orders (each row with its Last Known State, as intake and the sidebar
 * write it). Scenarios, in order:
 *   cold     the first edit after the document caches expired (header, change-log tail, Staff/Settings)
 *   legal    the assignee starts an order (Status, stamps, log, no note, no toast)
 *   staleStaff  the same once only the cached Staff/Settings copy expired (reference-data.ts, an hour)
 *   refused  another technician types a status (put back, note, toast, log)
 *   paste50  a 50-row Status paste mixing legal, unchanged and refused rows
 *   paste50x3  a 50-row × 3-column paste of Results, Actions Taken, Reason (every fifth row is
 *              another technician's: put back with notes and a toast)
 *   paste50own the same paste over 50 orders of the technician's own (all accepted; registers of
 *              300 rows or more, whose last 50 orders are all theirs)
 *   legalQueued  a start once a supervisor's sidebar built the review queue, which the edit keeps true
 *
 * Run: `npx tsx bench/edits.ts [sizes…]` (default 100 and 100000), after building dist/ (or with
 * WO_DIST_DIR naming a build).
 */
import { registerLayout } from '../src/core/columns';
import {
  REGISTER_COLUMNS,
  SHEET_NAMES,
  type WorkOrder,
  type WorkOrderField,
  emptyWorkOrder,
} from '../src/core/model';
import { formatRequestId } from '../src/core/ids';
import { serializeRowState, ROW_STATE_HEADER, useRowStateKey } from '../src/server/adapters/row-state';
import { auditKey } from '../test/support/audit';
import { spreadsheetCalls } from '../runtime/host/execution';
import type { ExecutionRecord } from '../runtime';
import {
  REQUESTOR,
  SUPERVISOR,
  TECH,
  TECH2,
  setUpWorkbook,
  type TestWorkbook,
} from '../test/support/workbook';
import { costModelFromEnv, countsOf, estimateMs, type CallCounts } from './cost-model';
import { estimateParts } from './pricing';
import { recordFigures, type RecordFigures } from './results';
import { forgetRememberedState, REFERENCE_SNAPSHOT_KEY } from '../test/support/caches';
import { table } from './print';
import { PROPERTY_KEYS } from '../src/server/adapters/document-properties';

const REVIEW_INDEX_KEY = PROPERTY_KEYS.reviewIndex;

export interface EditFigures {
  rows: number;
  scenario: string;
  /** Spreadsheet calls: backend reads + writes. */
  spreadsheetCalls: number;
  reads: number;
  writes: number;
  /** Round trips to other services (locks, properties, cache, the toast). */
  otherCalls: number;
  cellsRead: number;
  cellsWritten: number;
  /** Change-log rows the edit wrote. */
  logRows: number;
  /** Wall time of the execution in the local runtime, ms. */
  localMs: number;
  /** What the cost model (bench/cost-model.ts) estimates it would take in Apps Script, ms. */
  estimatedMs: number;
  /** Everything the estimate priced (bench/pricing.ts). */
  counts: CallCounts;
  /** Service calls by name (Range.setValues…), for seeing where the estimate goes. */
  calls: Record<string, number>;
  lockHoldMs: RecordFigures['lockHoldMs'];
  triggerMs: number;
  propertyCalls: number;
  recipients: number;
}

/** Orders from this index on all belong to TECH (paste50own), in registers large enough to spare them. */
const ownBlockFrom = (size: number): number => (size >= 300 ? size - 50 : Infinity);
/** Every fifth order belongs to TECH2, the rest to TECH (the mixed pastes), but for the own block. */
const ownerOf = (i: number, size: number): string => (i % 5 === 4 && i < ownBlockFrom(size) ? TECH2 : TECH);

function assignedOrder(seq: number, size: number): WorkOrder {
  const requestedAt = new Date(Date.UTC(2026, 0, 5, 9, 0, 0) + seq * 60_000);
  const decidedAt = new Date(requestedAt.getTime() + 3_600_000);
  return {
    ...emptyWorkOrder(),
    id: formatRequestId(seq),
    woNumber: `WO-2026-${String(seq).padStart(5, '0')}`,
    status: 'Assigned',
    priority: 'P3 Routine',
    category: 'Electrical',
    assignee: ownerOf(seq - 1, size),
    due: new Date(decidedAt.getTime() + 5 * 86_400_000),
    requestedAt,
    requesterEmail: REQUESTOR,
    requesterName: `Requester ${seq}`,
    location: 'Main Building',
    description: `Request number ${seq}: the radiator in room ${seq % 300} is cold`,
    urgency: 'Routine',
    resources: 'Ladder',
    decidedBy: SUPERVISOR,
    decidedAt,
    assignedAt: decidedAt,
    responseRef: `Form Responses 1!A${seq + 1}`,
    revision: 3,
  };
}

/** Writes `size` assigned orders into the register host-side, as they read back from the sheet. */
export function fillRegister(wb: TestWorkbook, size: number): void {
  const sheet = wb.sheet(SHEET_NAMES.register);
  const header = sheet.readValues(1, 1, 1, sheet.lastColumn())[0] ?? [];
  const layout = registerLayout(header);
  const stateIndex = header.indexOf(ROW_STATE_HEADER);
  if (stateIndex < 0) throw new Error('the register has no Last Known State column: setup did not add it');
  const fields = Object.keys(REGISTER_COLUMNS) as WorkOrderField[];
  const chunk = 10_000;
  // Records keyed with the workbook's secret, as intake and the sidebar write them.
  useRowStateKey(auditKey(wb));
  for (let start = 0; start < size; start += chunk) {
    const rows: (string | number | Date)[][] = [];
    for (let i = start; i < Math.min(size, start + chunk); i++) {
      const order = assignedOrder(i + 1, size);
      const row: (string | number | Date)[] = new Array<string | number | Date>(header.length).fill('');
      for (const field of fields) {
        const index = layout.indexOf[field];
        const value = order[field];
        if (index >= 0) row[index] = value === null ? '' : value;
      }
      row[stateIndex] = serializeRowState(order);
      rows.push(row);
    }
    sheet.writeValues(2 + start, 1, rows);
  }
  useRowStateKey(undefined);
}

function figures(rows: number, scenario: string, record: ExecutionRecord, logRows: number): EditFigures {
  if (!record.ok) throw new Error(`${scenario}: the edit trigger failed: ${record.error?.message ?? ''}`);
  const backend = record.stats.backend.Spreadsheet ?? { read: 0, write: 0, touch: 0 };
  return {
    rows,
    scenario,
    spreadsheetCalls: spreadsheetCalls(record.stats),
    reads: backend.read,
    writes: backend.write,
    otherCalls: countsOf(record.stats, record.kind).otherCalls,
    cellsRead: record.stats.cellsRead,
    cellsWritten: record.stats.cellsWritten,
    logRows,
    localMs: Math.round(record.stats.totalMs),
    estimatedMs: Math.round(estimateMs(countsOf(record.stats, record.kind), costModelFromEnv())),
    counts: countsOf(record.stats, record.kind),
    calls: { ...record.stats.calls },
    ...recordFigures([record], costModelFromEnv()),
  };
}

/** Opens the review sidebar's queue until its index is stored whole (built in short holds at 100k). */
async function buildReviewQueue(wb: TestWorkbook): Promise<void> {
  const props = wb.rt.world.properties.document(wb.ssId);
  for (let i = 0; i < 50; i++) {
    const record = await wb.call(SUPERVISOR, 'reviewLoad', {});
    if (!record.ok) throw new Error(`reviewLoad failed: ${record.error?.message ?? ''}`);
    const meta = props.get(REVIEW_INDEX_KEY);
    if (meta !== null && !/"scanNext":[1-9]/.test(meta)) return;
  }
  throw new Error('the review queue index was not built in 50 loads');
}

async function measureSize(size: number): Promise<EditFigures[]> {
  if (size < 60) throw new Error('measureEdits needs at least 60 rows (the paste covers 50)');
  const wb = await setUpWorkbook();
  try {
    fillRegister(wb, size);
    const sheet = wb.sheet(SHEET_NAMES.register);
    const column = (header: string): number => wb.registerColumn(header);
    const out: EditFigures[] = [];
    const run = async (scenario: string, user: string, row: number, col: number, values: string[][]) => {
      const logBefore = wb.sheet(SHEET_NAMES.changeLog).lastRow();
      const { executions } = await wb.edit(user, SHEET_NAMES.register, row, col, values);
      const record = executions[0];
      if (!record || executions.length !== 1) throw new Error(`${scenario}: expected one trigger execution`);
      out.push(figures(size, scenario, record, wb.sheet(SHEET_NAMES.changeLog).lastRow() - logBefore));
    };
    // The rows edited sit in the middle of the register (row numbers do not matter: no search).
    const middle = Math.max(2, Math.floor(size / 2) - 60);
    const statusColumn = column('Status');
    /** The first row at or after `from` whose order belongs to `owner` (row r holds order r - 2). */
    const rowOf = (owner: string, from: number): number => {
      let r = from;
      while (ownerOf(r - 2, size) !== owner) r++;
      return r;
    };
    // Cold: the document cache is empty (as after six idle hours), everything is looked up.
    forgetRememberedState(wb.rt.world, wb.ssId);
    await run('cold', TECH, rowOf(TECH, middle), statusColumn, [['In Progress']]);
    await run('legal', TECH, rowOf(TECH, middle + 5), statusColumn, [['In Progress']]);
    // Only the Staff/Settings copy expired (reference-data.ts keeps it an hour).
    wb.rt.world.properties.document(wb.ssId).delete(REFERENCE_SNAPSHOT_KEY);
    await run('staleStaff', TECH, rowOf(TECH, middle + 10), statusColumn, [['In Progress']]);
    await run('refused', TECH, rowOf(TECH2, middle + 5), statusColumn, [['In Progress']]);
    const first = middle + 20;
    const intent = ['In Progress', 'Completed', 'Assigned', 'On Hold', 'In Progress'];
    const statuses = Array.from({ length: 50 }, (_, i) => [intent[(first - 2 + i) % 5] as string]);
    await run('paste50', TECH, first, statusColumn, statuses);
    const texts = Array.from({ length: 50 }, (_, i) => [`Result ${i}`, `Action ${i}`, `Reason ${i}`]);
    await run('paste50x3', TECH, first, column('Results'), texts);
    // Row r holds order r - 2: the own block's 50 orders fill the register's last 50 rows.
    if (ownBlockFrom(size) < size)
      await run('paste50own', TECH, ownBlockFrom(size) + 2, column('Results'), texts);
    // A live document has the supervisors' review queue (their sidebar builds it), which a start keeps
    // true: decoded, updated and written back with the log's checkpoint. Every order here is open, so
    // at 1,000 the index is near its budget; past a few thousand open orders it overflows (not kept).
    await buildReviewQueue(wb);
    await run('legalQueued', TECH, rowOf(TECH, middle + 15), statusColumn, [['In Progress']]);
    if (sheet.lastRow() !== size + 1) throw new Error('the register changed size during the benchmark');
    return out;
  } finally {
    await wb.close();
  }
}

/** Figures for each register size (one fresh workbook per size). */
export async function measureEdits(sizes: number[]): Promise<EditFigures[]> {
  const out: EditFigures[] = [];
  for (const size of sizes) out.push(...(await measureSize(size)));
  return out;
}

function printTable(rows: readonly EditFigures[]): void {
  const headers: (keyof EditFigures)[] = [
    'rows',
    'scenario',
    'spreadsheetCalls',
    'reads',
    'writes',
    'cellsRead',
    'cellsWritten',
    'logRows',
    'localMs',
    'estimatedMs',
  ];
  console.log(
    table(
      headers.map(String),
      rows.map((r) => headers.map((h) => String(r[h]))),
      () => true,
    ),
  );
  // Where each estimate goes (ms by part, bench/pricing.ts) and the calls behind it.
  const model = costModelFromEnv();
  for (const r of rows) {
    const parts = Object.entries(estimateParts(r.counts, model))
      .filter(([, ms]) => ms >= 1)
      .map(([part, ms]) => `${part} ${Math.round(ms)}`)
      .join(', ');
    const calls = Object.entries(r.calls)
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([call, n]) => `${call} ${n}`)
      .join(', ');
    console.log(`\n${r.rows} ${r.scenario}: ${r.estimatedMs} ms = ${parts}\n  calls: ${calls}`);
  }
  const warm = rows.filter((r) => r.scenario !== 'cold' && r.scenario !== 'staleStaff');
  const worst = Math.max(...warm.map((r) => r.spreadsheetCalls));
  console.log(`\nWarm edits: at most ${worst} Spreadsheet calls (budget: 6).`);
}

if (process.argv[1]?.replace(/\\/g, '/').endsWith('bench/edits.ts')) {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
  measureEdits(sizes.length > 0 ? sizes : [100, 100_000])
    .then(printTable)
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
