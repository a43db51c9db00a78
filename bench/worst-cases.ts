/**
 * The worst cases no operation may exceed (5 minutes estimated each), measured with today's code on
 * the bench's world after every other operation: a 1,000-row paste of Assignee, the hourly job with
 * thousands of overdue orders, and reconciliation of 200 responses no trigger ingested. Each row
 * carries its budget; bench/budgets.ts fails the run on a breach.
 */
import { FORM_QUESTIONS } from '../src/core/intake';
import { SHEET_NAMES } from '../src/core/model';
import { registerRows } from './operations';
import type { BenchWorld, Measurement } from './types';

export const WORST_CASE_BUDGET_MS = 5 * 60_000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const OPEN = new Set(['Approved', 'Assigned', 'In Progress', 'On Hold']);

export const WORST_CASES = {
  paste: 'worst case: a 1,000-row paste of Assignee',
  overdue: 'worst case: the hourly job, 5,000 overdue orders',
  missed: 'worst case: reconcile 200 missed responses',
} as const;

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

/**
 * Time passes until open work is overdue, then the hourly job runs: every overdue order is reminded
 * (as far as the mail quota goes) in one execution. The generated history decides how many there are.
 */
async function overdueHourly(world: BenchWorld): Promise<Measurement> {
  world.rt.world.clock.advance(30 * DAY);
  const now = world.rt.world.clock.now();
  const overdue = registerRows(world).rows.filter(
    (r) => OPEN.has(r.order.status) && r.order.due instanceof Date && r.order.due.getTime() < now.getTime(),
  ).length;
  const records = await world.rt.runTimeDrivenTriggers({ all: true });
  const note =
    overdue >= 5000
      ? `${overdue.toLocaleString('en-US')} overdue open orders`
      : `${overdue.toLocaleString('en-US')} overdue open orders (this world has fewer than 5,000)`;
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

/** The three worst cases, in an order where each leaves the next a fair world. */
export async function measureWorstCases(world: BenchWorld): Promise<Measurement[]> {
  return [await pasteAssignee(world), await reconcileMissed(world), await overdueHourly(world)];
}
