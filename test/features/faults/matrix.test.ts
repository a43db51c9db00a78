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
import { verifyLog } from '../../support/audit';
import { STEP_CHOICES, updateQuestion } from '../../../src/shared/my-work-update-form';
import { assignedOrder, rowOf, typeAll, REGISTER } from '../../support/edits';
import {
  advance,
  DAY,
  emailsAbout,
  HOUR,
  now,
  patchOrder,
  runHourly,
  setSetting,
  submitMany,
} from '../../support/ops';
import {
  ADMIN,
  REQUESTOR,
  SUPERVISOR,
  TECH,
  TECH2,
  setUpWorkbook,
  type TestWorkbook,
} from '../../support/workbook';

interface Scenario {
  /** Runs the action (it may fail). */
  run(wb: TestWorkbook): Promise<unknown>;
  /** Who should get an email about each record when the action lands. */
  mailOnLanding: (ids: Ids) => Array<{ to: string; id: string }>;
  /** The records it is about (`created`: the order it makes, found by its description). */
  records: (ids: Ids) => string[];
  creates?: string;
}

interface Ids {
  submitted: string;
  submitted2: string;
  assigned: string;
  assigned2: string;
  witness: string;
  closedOld: string;
  /** In Progress with results and actions typed in: completed by typing Completed in its Status cell. */
  toComplete: string;
  /** In Progress, completed through My work. */
  toCompleteMyWork: string;
  /** In Progress, put on hold through the update form. */
  toHold: string;
  created: string | null;
}

const LATE = 'late.requestor@example.org';
const FIELD_OF = new Map(
  (Object.entries(REGISTER_COLUMNS) as [WorkOrderField, string][]).map(([f, h]) => [h, f]),
);

function sidebar(wb: TestWorkbook, request: Record<string, unknown>) {
  return wb.call(SUPERVISOR, 'reviewAct', request);
}

const SCENARIOS: Record<string, Scenario> = {
  intake: {
    run: (wb) => wb.submit({ description: 'Faulty intake' }),
    creates: 'Faulty intake',
    mailOnLanding: (ids) => (ids.created ? [{ to: REQUESTOR, id: ids.created }] : []),
    records: (ids) => (ids.created ? [ids.created] : []),
  },
  approve: {
    run: (wb) =>
      sidebar(wb, {
        action: 'approve',
        id: IDS.submitted,
        revision: wb.order(IDS.submitted).revision,
        category: 'Electrical',
        priority: 'P3 Routine',
      }),
    mailOnLanding: (ids) => [{ to: REQUESTOR, id: ids.submitted }],
    records: (ids) => [ids.submitted],
  },
  'approve and assign': {
    run: (wb) =>
      sidebar(wb, {
        action: 'approveAssign',
        id: IDS.submitted2,
        revision: wb.order(IDS.submitted2).revision,
        category: 'Electrical',
        priority: 'P3 Routine',
        assignee: TECH2,
      }),
    mailOnLanding: (ids) => [
      { to: REQUESTOR, id: ids.submitted2 },
      { to: TECH2, id: ids.submitted2 },
    ],
    records: (ids) => [ids.submitted2],
  },
  'technician edit': {
    run: (wb) =>
      wb.edit(TECH, REGISTER, rowOf(wb, IDS.assigned), wb.registerColumn('Status'), [['In Progress']]),
    mailOnLanding: () => [],
    records: (ids) => [ids.assigned],
  },
  // Completed owes the supervisors and the requestor an email each (the lifecycle table's notify list).
  'technician edit (Completed)': {
    run: (wb) =>
      wb.edit(TECH, REGISTER, rowOf(wb, IDS.toComplete), wb.registerColumn('Status'), [['Completed']]),
    mailOnLanding: (ids) => [
      { to: SUPERVISOR, id: ids.toComplete },
      { to: REQUESTOR, id: ids.toComplete },
    ],
    records: (ids) => [ids.toComplete],
  },
  'My work step (complete)': {
    run: (wb) =>
      wb.call(TECH, 'myWorkAct', {
        action: 'complete',
        id: IDS.toCompleteMyWork,
        revision: wb.order(IDS.toCompleteMyWork).revision,
        results: 'Door closes again',
        actionsTaken: 'Hinge replaced',
      }),
    mailOnLanding: (ids) => [
      { to: SUPERVISOR, id: ids.toCompleteMyWork },
      { to: REQUESTOR, id: ids.toCompleteMyWork },
    ],
    records: (ids) => [ids.toCompleteMyWork],
  },
  // On Hold owes the requestor and the supervisors an email each.
  'update form (hold)': {
    run: (wb) =>
      wb.rt.submitForm(updateFormId(wb), {
        respondentEmail: TECH,
        answers: {
          [updateQuestion('order').title]: IDS.toHold,
          [updateQuestion('step').title]: STEP_CHOICES.hold,
          [updateQuestion('reason').title]: 'Waiting for a part',
        },
      }),
    mailOnLanding: (ids) => [
      { to: SUPERVISOR, id: ids.toHold },
      { to: REQUESTOR, id: ids.toHold },
    ],
    records: (ids) => [ids.toHold],
  },
  paste: {
    run: (wb) => {
      const rows = [rowOf(wb, IDS.assigned), rowOf(wb, IDS.assigned2)].sort((a, b) => a - b);
      if (rows[1]! - rows[0]! !== 1) throw new Error('paste scenario needs adjacent rows');
      return wb.edit(TECH, REGISTER, rows[0]!, wb.registerColumn('Progress Notes'), [
        ['Pasted 1'],
        ['Pasted 2'],
      ]);
    },
    mailOnLanding: () => [],
    records: (ids) => [ids.assigned, ids.assigned2],
  },
  'hourly job': {
    run: (wb) => runHourly(wb, 2 * HOUR),
    creates: 'Missed',
    // The acknowledgment of an order the hourly job ingested is sent by reconciliation after the
    // ingest, with no intent recorded (the job has no document properties): a failure in between
    // loses it. Checked apart below, as a known gap.
    mailOnLanding: () => [],
    records: (ids) => (ids.created ? [ids.created] : []),
  },
  archive: {
    run: (wb) => wb.menu(ADMIN, 'archiveClosedWorkOrders'),
    mailOnLanding: () => [],
    records: (ids) => [ids.closedOld],
  },
};

let IDS: Ids;

function updateFormId(wb: TestWorkbook): string {
  const form = wb.rt.world.forms.all().find((f) => f.title === 'Work order update');
  if (!form) throw new Error('setup made no update form');
  return form.id;
}

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
  patchOrder(wb, closedOld!, {
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
    await scenario.run(wb).catch(() => undefined);
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
