/**
 * A register change and its log row land together, or the next execution settles the gap. For each
 * action, every service call it makes is made to fail in turn (the runtime's fault injection, from a
 * saved world each time); then the next executions run (an hourly run, an owner's edit), and:
 *  - the register equals a replay of the log for the records the action touched: every field that
 *    changed is logged after the action's start with its new value, and every logged value holds;
 *  - no work order is missing or doubled;
 *  - the action has at most one log row per record, and exactly one when its change landed;
 *  - the chain verifies;
 *  - each email of the action is sent or queued at most once (and exactly once when it landed, where
 *    the action sends one).
 */
import { decodeWorldState, encodeWorldState, exportWorld, importWorld } from '../../../runtime/persistence';
import { formatFieldValue } from '../../../src/core/field-changes';
import { REGISTER_COLUMNS, type WorkOrder, type WorkOrderField } from '../../../src/core/model';
import { patchOrderAsAddOn, verifyLog } from '../../support/audit';
import { assignedOrder, rowOf, typeAll, REGISTER } from '../../support/edits';
import { advance, DAY, emailsAbout, HOUR, now, runHourly, setSetting, submitMany } from '../../support/ops';
import { TECH, TECH2, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { LATE, SCENARIOS, type Ids, type Scenario } from './matrix-scenarios';

const FIELD_OF = new Map(
  (Object.entries(REGISTER_COLUMNS) as [WorkOrderField, string][]).map(([f, h]) => [h, f]),
);

let IDS: Ids;

function changedFields(before: WorkOrder | undefined, after: WorkOrder | undefined): string[] {
  if (!before || !after) return [];
  return (Object.keys(REGISTER_COLUMNS) as WorkOrderField[])
    .filter((f) => f !== 'revision' && formatFieldValue(before[f]) !== formatFieldValue(after[f]))
    .map((f) => REGISTER_COLUMNS[f]);
}

function checkInvariants(wb: TestWorkbook, name: string, baseline: Baseline, scenario: Scenario): string[] {
  const problems: string[] = [];
  const registerNow = new Map(wb.register().map((r) => [r.order.id, r.order]));
  const allIds = wb.register().map((r) => r.order.id);
  if (new Set(allIds).size !== allIds.length) problems.push('a work order is doubled in the register');
  const made = wb.register().filter((r) => r.order.description === scenario.creates);
  if (scenario.creates && made.length !== 1)
    problems.push(`${made.length} work orders for "${scenario.creates}"`);
  const created = made[0]?.order.id ?? null;
  const ids = { ...IDS, created };
  const rows = wb.changeLog().slice(baseline.logRows);
  const entries = wb.changeLogEntries().slice(baseline.entries);
  const landedIds = new Set<string>();
  const verdict = verifyLog(wb);
  if (!verdict.ok)
    problems.push(`the log does not verify: ${verdict.kind} at ${verdict.row}: ${verdict.detail}`);
  for (const id of scenario.records(ids)) {
    const before = baseline.orders.get(id);
    const after = registerNow.get(id);
    const logged = entries.filter(
      (e) => (e.recordId === id && e.source !== 'system') || (e.recordId === id && e.field === 'Archived'),
    );
    const actionRows = rows.filter((r) => r[3] === id).length;
    const landed =
      before === undefined
        ? after !== undefined
        : after === undefined || changedFields(before, after).length > 0;
    if (landed) landedIds.add(id);
    if (actionRows > 1) problems.push(`${id}: ${actionRows} log rows for one action`);
    if (landed && actionRows === 0) problems.push(`${id}: changed in the register with no log row`);
    if (
      !landed &&
      logged.some((e) => FIELD_OF.has(e.field) || e.field === 'Created' || e.field === 'Archived')
    )
      problems.push(`${id}: logged but the register did not change`);
    for (const field of changedFields(before, after)) {
      const last = logged.filter((e) => e.field === field).at(-1);
      const value = formatFieldValue(after![FIELD_OF.get(field)!]);
      if (!last || last.newValue !== value)
        problems.push(`${id}: ${field} is "${value}" but the log says "${last?.newValue ?? '(nothing)'}"`);
    }
  }
  for (const { to, id } of scenario.mailOnLanding(ids)) {
    const count = emailsAbout(wb, to, id) - (baseline.mail.get(`${to}|${id}`) ?? 0);
    const expected = landedIds.has(id) ? 1 : 0;
    if (count !== expected) problems.push(`${to} got ${count} emails about ${id} (${expected} expected)`);
  }
  return problems.map((p) => `${name}: ${p}`);
}

interface Baseline {
  orders: Map<string, WorkOrder>;
  logRows: number;
  entries: number;
  mail: Map<string, number>;
}

function baselineOf(wb: TestWorkbook): Baseline {
  const mail = new Map<string, number>();
  for (const scenario of Object.values(SCENARIOS))
    for (const { to, id } of scenario.mailOnLanding({ ...IDS, created: null }))
      mail.set(`${to}|${id}`, emailsAbout(wb, to, id));
  return {
    orders: new Map(wb.register().map((r) => [r.order.id, r.order])),
    logRows: wb.changeLog().length,
    entries: wb.changeLogEntries().length,
    mail,
  };
}

/** What runs after the failed action: the hourly job, then an owner's execution in the document. */
async function nextExecutions(wb: TestWorkbook): Promise<void> {
  await runHourly(wb, 2 * HOUR);
  await wb.edit(TECH2, REGISTER, rowOf(wb, IDS.witness), wb.registerColumn('Progress Notes'), [
    [`Witness ${Date.now()}`],
  ]);
}

let wb: TestWorkbook;
let saved: string;

beforeAll(async () => {
  wb = await setUpWorkbook();
  setSetting(wb, 'retentionDays', 30);
  const today = now(wb);
  wb.rt.world.clock.set(new Date(today.getTime() - 100 * DAY));
  const [closedOld] = await submitMany(wb, 1, () => 'Old work');
  wb.rt.world.clock.set(today);
  // Closed as the add-on closes it (log rows and sealed record): archiving moves only such rows.
  patchOrderAsAddOn(wb, closedOld!, {
    status: 'Closed',
    woNumber: 'WO-2026-00900',
    closedAt: new Date(today.getTime() - 60 * DAY),
  });
  const assigned = await assignedOrder(wb, TECH);
  const assigned2 = await assignedOrder(wb, TECH);
  const witness = await assignedOrder(wb, TECH2);
  const [submitted, submitted2] = await submitMany(wb, 2);
  const toComplete = await assignedOrder(wb, TECH);
  await typeAll(wb, TECH, toComplete, {
    Status: 'In Progress',
    Results: 'Light works',
    'Actions Taken': 'Fuse replaced',
  });
  const toCompleteMyWork = await assignedOrder(wb, TECH);
  await typeAll(wb, TECH, toCompleteMyWork, { Status: 'In Progress' });
  const toHold = await assignedOrder(wb, TECH);
  await typeAll(wb, TECH, toHold, { Status: 'In Progress' });
  IDS = {
    toComplete,
    toCompleteMyWork,
    toHold,
    submitted: submitted!,
    submitted2: submitted2!,
    assigned,
    assigned2,
    witness,
    closedOld: closedOld!,
    created: null,
  };
  // A response no form-submit trigger recorded, for the hourly job to ingest.
  wb.rt.world.forms.submit(wb.formId, {
    respondentEmail: LATE,
    answers: wb.answers({ description: 'Missed' }),
  });
  advance(wb, HOUR);
  saved = encodeWorldState(exportWorld(wb.rt.world));
}, 60_000);
afterAll(() => wb.close());

const restore = () => importWorld(wb.rt.world, decodeWorldState(saved));

async function matrix(name: string, scenario: Scenario): Promise<void> {
  const problems: string[] = [];
  let calls = 0;
  for (let n = 1; n < 400; n++) {
    restore();
    const baseline = baselineOf(wb);
    wb.rt.world.faults.failNthCall(n);
    await scenario.run(wb, IDS).catch(() => undefined);
    const hit = wb.rt.world.faults.lastFault;
    wb.rt.world.faults.disarm();
    if (hit === null) break;
    calls = n;
    await nextExecutions(wb);
    problems.push(...checkInvariants(wb, `${name}, call ${n} (${hit}) failing`, baseline, scenario));
  }
  expect(calls).toBeGreaterThan(3);
  expect(problems).toEqual([]);
}

test.each(Object.keys(SCENARIOS))(
  '%s: every service call failing in turn leaves the invariant',
  (name) => matrix(name, SCENARIOS[name]!),
  600_000,
);

// Reconciliation records the acknowledgment as owed with the order (in the owner's properties, beside
// its handed-off log rows): whatever call fails, it is sent by the job or queued by the next execution.
test(
  'hourly job: the acknowledgment of an order it ingested is sent or queued once whatever fails',
  () =>
    matrix('hourly job (acknowledgments)', {
      ...SCENARIOS['hourly job']!,
      mailOnLanding: (ids) => (ids.created ? [{ to: LATE, id: ids.created }] : []),
    }),
  600_000,
);
