/**
 * The worst cases no operation may exceed (5 minutes estimated each), measured with today's code on
 * the bench's world after every other operation: a 50-row paste refused over texts kept only as
 * prints, 1,000-row pastes of Progress Notes and of Assignee, the hourly job with thousands of overdue orders,
 * reconciliation of 200 responses no trigger ingested, and setup after the hidden Last Known State
 * column was deleted (its first run: each records at most its share of the rows). Each row
 * carries its budget; bench/budgets.ts fails the run on a breach.
 */
import { FORM_QUESTIONS } from '../src/core/intake';
import { SHEET_NAMES, type WorkOrder } from '../src/core/model';
import { hmacKey } from '../src/core/sha256';
import { ADDON_SECRET_KEY } from '../src/server/adapters/addon-secret';
import { decodeCompactState } from '../src/core/row-state-codec';
import { ROW_STATE_HEADER, serializeRowState, useRowStateKey } from '../src/server/adapters/row-state';
import { BACKFILL_ROWS_PER_RUN } from '../src/server/adapters/row-state-backfill-runs';
import type { ExecutionRecord } from '../runtime';
import { registerRows } from './operations';
import type { BenchWorld, Measurement } from './types';

export const WORST_CASE_BUDGET_MS = 5 * 60_000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const OPEN = new Set(['Approved', 'Assigned', 'In Progress', 'On Hold']);

export const WORST_CASES = {
  unkept: 'a 50-row paste refused over long texts',
  paste: 'worst case: a 1,000-row paste of Assignee',
  notes: 'worst case: a 1,000-row paste of Progress Notes over closed orders',
  overdue: 'worst case: the hourly job, 5,000 overdue orders',
  missed: 'worst case: reconcile 200 missed responses',
  backfill: 'worst case: setup after the hidden column was deleted',
} as const;

/** `count` consecutive rows from the middle of the register: old orders, closed long ago. */
function middleRows<T>(rows: readonly T[], count: number): T[] {
  return rows.slice(Math.max(0, Math.floor(rows.length / 2) - count / 2)).slice(0, count);
}

/**
 * A technician pastes 50 rows of Progress Notes, Results and Actions Taken over orders in the middle
 * of the register (old and closed: every cell refused). Where the row's record keeps a text only as
 * a print, its earlier value is looked for in the change log's last rows (features/integrity/
 * unkept-fields.ts): these orders' changes are far up the log, so in a large world the scan goes to
 * its bound, the lock is given back, the whole log is read without it, and a second locked section
 * puts the texts back (integrity/log-snapshot.ts): two holds, each priced, and the whole edit's time.
 */
export async function measureUnkeptPaste(world: BenchWorld): Promise<Measurement> {
  const { rows, column } = registerRows(world);
  const block = middleRows(rows, 50);
  const first = block[0];
  if (!first || block.length < 50)
    return { operation: WORST_CASES.unkept, records: [], note: `only ${block.length} rows in this world` };
  const sheet = world.rt.world.spreadsheets.require(world.ssId).requireSheet(SHEET_NAMES.register);
  const stateColumn = (sheet.readValues(1, 1, 1, sheet.lastColumn())[0] ?? []).indexOf(ROW_STATE_HEADER) + 1;
  // Decoded, not read as the add-on reads them: counting prints needs no seal checked (no key here).
  const states = sheet.readValues(first.row, stateColumn, 50, 1).map((r) => decodeCompactState(String(r[0])));
  const printed = states.reduce(
    (n, s) => n + (['notes', 'results', 'actions'] as const).filter((f) => s?.prints[f]).length,
    0,
  );
  const edit = await world.rt.editCells({
    spreadsheetId: world.ssId,
    sheetName: SHEET_NAMES.register,
    row: first.row,
    column: column('notes'),
    values: block.map((_, i) => [`Pasted note ${i}`, 'Pasted result', 'Pasted action']),
    user: world.users.technicians[0] ?? '',
  });
  const notes = sheet.readNotes({ row: first.row, column: column('notes'), numRows: 50, numColumns: 3 });
  const leftForUndo = notes.flat().filter((n) => /could not be put back/.test(n)).length;
  return {
    operation: WORST_CASES.unkept,
    records: edit.executions,
    note: `${printed} of the 150 cells kept only as prints, ${printed - leftForUndo} of them put back`,
  };
}

/**
 * A technician pastes one line into Progress Notes over 1,000 closed orders in the middle of the
 * register: every cell is refused and put back, the texts the row state keeps only as prints looked
 * for in the change log (as in measureUnkeptPaste, twenty times the rows).
 */
async function pasteNotes(world: BenchWorld): Promise<Measurement> {
  const { rows, column } = registerRows(world);
  const block = middleRows(rows, 1000);
  const first = block[0];
  if (!first || block.length < 1000)
    return { operation: WORST_CASES.notes, records: [], note: `only ${block.length} rows in this world` };
  const edit = await world.rt.editCells({
    spreadsheetId: world.ssId,
    sheetName: SHEET_NAMES.register,
    row: first.row,
    column: column('notes'),
    values: block.map(() => ['Pasted over a thousand orders']),
    user: world.users.technicians[0] ?? '',
  });
  return { operation: WORST_CASES.notes, records: edit.executions };
}

/** A supervisor pastes one technician into Assignee over the last 1,000 rows of the register. */
async function pasteAssignee(world: BenchWorld): Promise<Measurement> {
  const { rows, column } = registerRows(world);
  const last = rows.slice(-1000);
  const first = last[0];
  if (!first || last.length < 1000) {
    return { operation: WORST_CASES.paste, records: [], note: `only ${last.length} rows in this world` };
  }
  const tech = world.users.technicians[1] ?? world.users.technicians[0] ?? '';
  const edit = await world.rt.editCells({
    spreadsheetId: world.ssId,
    sheetName: SHEET_NAMES.register,
    row: first.row,
    column: column('assignee'),
    values: last.map(() => [tech]),
    user: world.users.supervisors[0] ?? world.users.manager,
  });
  return { operation: WORST_CASES.paste, records: edit.executions };
}

/** The backlog the overdue worst case measures. */
export const OVERDUE_WORST_CASE = 5000;

/**
 * A neglected backlog, where the generated history has less open work than the worst case asks for:
 * the most recently closed orders (each with its assignee) set back to In Progress and due from 1 to
 * 30 days ago, by writing their Status and Due cells directly. The hourly job reads the register's
 * cells, so it treats them as any overdue open order; the add-on itself would never write them so.
 * Returns how many rows were changed.
 */
function addOverdueBacklog(
  world: BenchWorld,
  { rows, column }: ReturnType<typeof registerRows>,
  overdueNow: number,
  now: Date,
): number {
  const wanted = OVERDUE_WORST_CASE - overdueNow;
  if (wanted <= 0) return 0;
  const picked = rows.filter((r) => r.order.status === 'Closed' && r.order.assignee !== '').slice(-wanted);
  const sheet = world.rt.world.spreadsheets.require(world.ssId).requireSheet(SHEET_NAMES.register);
  const stateColumn = (sheet.readValues(1, 1, 1, sheet.lastColumn())[0] ?? []).indexOf(ROW_STATE_HEADER) + 1;
  // Reopened as the edit trigger accepts a reopening: the row's record (sealed with the workbook's
  // secret) says what its cells say. Cells alone would be a script's change, which the hourly job
  // decides from the record instead (the order stays Closed, and nothing is reminded).
  const secret = world.rt.world.properties.document(world.ssId).get(ADDON_SECRET_KEY);
  useRowStateKey(secret ? hmacKey(secret) : undefined);
  try {
    picked.forEach((r, i) => {
      const due = new Date(now.getTime() - (1 + (i % 30)) * DAY);
      sheet.writeValues(r.row, column('status'), [['In Progress']]);
      sheet.writeValues(r.row, column('due'), [[due]]);
      const reopened: WorkOrder = { ...r.order, status: 'In Progress', due };
      if (stateColumn > 0) sheet.writeValues(r.row, stateColumn, [[serializeRowState(reopened)]]);
    });
  } finally {
    useRowStateKey(undefined);
  }
  return picked.length;
}

/**
 * Time passes until open work is overdue, then the hourly job runs: every overdue order is reminded
 * (as far as the mail quota goes) in one execution, the rest queued for the next runs. Where the
 * generated history has fewer than 5,000 overdue orders, a backlog is added (addOverdueBacklog).
 */
async function overdueHourly(world: BenchWorld): Promise<Measurement> {
  world.rt.world.clock.advance(30 * DAY);
  const now = world.rt.world.clock.now();
  const register = registerRows(world);
  const fromHistory = register.rows.filter(
    (r) => OPEN.has(r.order.status) && r.order.due instanceof Date && r.order.due.getTime() < now.getTime(),
  ).length;
  // Every row the backlog reopens was closed and is now open and past due.
  const added = addOverdueBacklog(world, register, fromHistory, now);
  const overdue = fromHistory + added;
  const records = await world.rt.runTimeDrivenTriggers({ all: true });
  const note =
    `${overdue.toLocaleString('en-US')} overdue open orders` +
    (added > 0
      ? ` (${fromHistory.toLocaleString('en-US')} from the history, ${added.toLocaleString('en-US')} closed ones reopened by hand)`
      : '') +
    (overdue < OVERDUE_WORST_CASE ? ' (this world has fewer than 5,000)' : '');
  return { operation: WORST_CASES.overdue, records, note };
}

/** 200 responses recorded while no trigger ran, then the hourly job's reconciliation. */
async function reconcileMissed(world: BenchWorld): Promise<Measurement> {
  if (world.notes.some((n) => /response rows are left out/.test(n))) {
    return {
      operation: WORST_CASES.missed,
      records: [],
      note: 'not measured: this world has no response rows (cell limit)',
    };
  }
  // The job's own routine first (reminders due today, first-run work), so the measured run is the
  // reconciliation.
  await world.rt.runTimeDrivenTriggers({ all: true });
  world.rt.world.clock.advance(HOUR);
  const answers = Object.fromEntries(
    FORM_QUESTIONS.map((q) => [
      q.title,
      q.key === 'location' ? 'Main Building' : q.key === 'urgency' ? 'Routine' : `Missed ${q.key}`,
    ]),
  );
  for (let i = 0; i < 200; i++) {
    world.rt.world.forms.submit(world.formId, {
      respondentEmail: `missed${i}@bench.example`,
      answers: { ...answers, 'Description of the work needed': `Missed request ${i}` },
    });
  }
  world.rt.world.clock.advance(HOUR);
  return { operation: WORST_CASES.missed, records: await world.rt.runTimeDrivenTriggers({ all: true }) };
}

/** The worst cases, in an order where each leaves the next a fair world. */
export async function measureWorstCases(world: BenchWorld): Promise<Measurement[]> {
  return [
    await measureUnkeptPaste(world),
    await pasteNotes(world),
    await pasteAssignee(world),
    await reconcileMissed(world),
    await overdueHourly(world),
    // Last: it leaves rows without a record for the next setup runs.
    await measureSetupAfterDeletedColumn(world),
  ];
}

/**
 * An editor deletes the hidden Last Known State column (its protection is warning-only), then an
 * administrator runs Set up work orders: the column comes back empty, and each run records up to its
 * share of the rows (adapters/row-state-backfill-runs.ts) and says to run it again while rows are
 * left. The first run is priced: it also puts the column back, with its protection, and refits the
 * register's protected ranges the deletion narrowed. With `finish` (bench/backfill-focus.ts) setup is
 * run again until no row is left, each run in `runs`; a world without response rows (100,000 orders)
 * leaves every row unvouched, so that stops after one run more than the rows need.
 */
export async function measureSetupAfterDeletedColumn(
  world: BenchWorld,
  finish = false,
): Promise<Measurement & { runs: ExecutionRecord[] }> {
  const sheet = world.rt.world.spreadsheets.require(world.ssId).requireSheet(SHEET_NAMES.register);
  const stateColumn = (sheet.readValues(1, 1, 1, sheet.lastColumn())[0] ?? []).indexOf(ROW_STATE_HEADER) + 1;
  if (stateColumn > 0) sheet.deleteColumns(stateColumn, 1);
  const runs: ExecutionRecord[] = [];
  // Rows no response row vouches for stay without a record run after run (Verify's to put back): bounded.
  const most = finish ? Math.ceil(world.size / BACKFILL_ROWS_PER_RUN) + 1 : 1;
  for (let i = 0; i < most; i++) {
    const run = await world.rt.runMenuItem(world.ssId, world.users.admin, 'setUpWorkOrders');
    runs.push(run);
    if (!run.ok || !/still have no/.test(String(run.value))) break;
  }
  const left = /(\d+) row\(s\) of the register still have no/.exec(String(runs.at(-1)?.value ?? ''))?.[1];
  const unchecked =
    /(\d+) row\(s\) \([^)]*\) have no "Last Known State" of their own and were not given one: there is no form response/.exec(
      String(runs.at(-1)?.value ?? ''),
    )?.[1];
  const note =
    `${runs.length} run(s) of setup` +
    (finish ? '' : ` (up to ${BACKFILL_ROWS_PER_RUN.toLocaleString('en-US')} rows recorded a run)`) +
    (left ? `, ${left} row(s) still without a record after them` : ', every row recorded') +
    (unchecked
      ? ` (${unchecked} with no response row to vouch for them in the last run: Verify's to put back)`
      : '');
  return { operation: WORST_CASES.backfill, records: runs.slice(0, 1), runs, note };
}
