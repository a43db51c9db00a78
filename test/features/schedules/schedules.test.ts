/**
 * Preventive maintenance through dist/Code.js: the hourly job makes each occurrence's work order
 * exactly once — on time within the lead time, late and flagged when missed — however often, late or
 * concurrently it runs, whatever is typed back into Next Due and even with its ledger lost; bad rows
 * are refused when typed and skipped by the job without stopping the others.
 */
import { SHEET_NAMES, type WorkOrder } from '../../../src/core/model';
import { SCHEDULE_HEADER_ROW } from '../../../src/core/schedules';
import { scheduleRow } from '../../support/schedules';
import { ROW_STATE_BUDGET, utf8Bytes } from '../../../src/core/row-state-codec';
import { ROW_STATE_HEADER } from '../../../src/server/adapters/row-state';
import {
  addCalendarDays,
  addCalendarMonths,
  isoDate,
  localParts,
  type LocalDate,
} from '../../../src/core/time';
import { ADMIN, SUPERVISOR, TECH, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { act, idsIn, itemIn, target, viewFor } from '../review/helpers';
import { DAY, HOUR, advance, now, rowsOf, runHourly, startAtLocalHour } from '../../support/ops';

const SCHEDULES = SHEET_NAMES.schedules;
let wb: TestWorkbook;

function today(book: TestWorkbook = wb): LocalDate {
  const p = localParts(now(book), book.model.timeZone);
  return { year: p.year, month: p.month, day: p.day };
}

/** A Schedules row: a weekly Grounds task, no technician, no lead time, next due on `due`. */
const weeklyGroundsTask = (id: string, task: string, due: string): string[] =>
  scheduleRow({ id, task, location: 'Grounds', category: 'Grounds', nextDue: due });
const inDays = (n: number): string => isoDate(addCalendarDays(today(), n));

function scheduled(): WorkOrder[] {
  return wb
    .register()
    .map((r) => r.order)
    .filter((o) => o.responseRef.startsWith('Schedule '));
}
const refs = (): string[] =>
  scheduled()
    .map((o) => o.responseRef)
    .sort();

function noteOf(row: number, column: number): string {
  return wb.sheet(SCHEDULES).readNotes({ row, column, numRows: 1, numColumns: 1 })[0]?.[0] ?? '';
}

/** The size of every register row's Last Known State, in bytes. */
function stateBytes(book: TestWorkbook): number[] {
  const register = book.sheet(SHEET_NAMES.register);
  const header = register.readValues(1, 1, 1, register.lastColumn())[0] ?? [];
  const column = header.indexOf(ROW_STATE_HEADER) + 1;
  expect(column).toBeGreaterThan(0);
  return register.readValues(2, column, register.lastRow() - 1, 1).map((r) => utf8Bytes(String(r[0])));
}

beforeAll(async () => {
  wb = await setUpWorkbook();
  startAtLocalHour(wb, 9);
  (
    await wb.edit(ADMIN, SHEET_NAMES.assets, 2, 1, [
      ['PUMP-01', 'Boiler feed pump', 'Main Building', 'Plumbing', 'High', 'TRUE'],
    ])
  ).executions.forEach(expectOk);
});
afterAll(() => wb.close());

// Schedule ID | Task | Asset | Location | Category | Priority | Default Technician | Every | Unit | Weekdays | Lead Time (days) | Next Due | Active | Last Created
test('setup makes the Schedules tab; valid rows are accepted, a bad one is put back with a note', async () => {
  expect(wb.values(SCHEDULES)[0]).toEqual([...SCHEDULE_HEADER_ROW]);
  const outcome = await wb.edit(ADMIN, SCHEDULES, 2, 1, [
    [
      'PM-1',
      'Inspect the boiler pump',
      'PUMP-01',
      '',
      'Plumbing',
      'P4 Scheduled',
      TECH,
      '1',
      'months',
      '',
      '3',
      inDays(2),
      'TRUE',
      '',
    ],
    [
      'PM-2',
      'Test the fire doors',
      '',
      'Annex',
      'Carpentry',
      'P3 Routine',
      '',
      '2',
      'weeks',
      '',
      '1',
      inDays(20),
      '',
      '',
    ],
    [
      'PM-3',
      'Check the generator log',
      '',
      'Car Park',
      'Electrical',
      'P4 Scheduled',
      'nobody@example.com',
      '1',
      'days',
      '',
      '0',
      inDays(-10),
      'TRUE',
      '',
    ],
    [
      'PM-4',
      'Read the meters',
      '',
      'Warehouse',
      'Electrical',
      'P4 Scheduled',
      '',
      '',
      'weekdays',
      'Mon, Thu',
      '0',
      inDays(30),
      'TRUE',
      '',
    ],
    [
      'PM-BAD',
      'Clean the pond',
      '',
      'Garden',
      'Plumbing',
      'P9',
      '',
      '0',
      'fortnights',
      '',
      '-1',
      inDays(1),
      'TRUE',
      '',
    ],
  ]);
  outcome.executions.forEach(expectOk);
  expect(rowsOf(wb, SCHEDULES).map((r) => r['Schedule ID'])).toEqual(['PM-1', 'PM-2', 'PM-3', 'PM-4']);
  expect(noteOf(6, 1)).toMatch(
    /Location "Garden" is not on the Settings list.*Priority "P9".*Unit "fortnights".*Every "0".*Lead Time \(days\) "-1"/,
  );
});

test('the hourly job makes the due occurrences, once, with source "schedule"; a missed one late and flagged', async () => {
  const [run] = await runHourly(wb);
  expectOk(run!);
  expect(refs()).toEqual([
    `Schedule PM-1 ${inDays(2)}`,
    `Schedule PM-3 ${inDays(-1)}`,
    `Schedule PM-3 ${inDays(0)}`,
  ]);
  const pump = scheduled().find((o) => o.responseRef.startsWith('Schedule PM-1'))!;
  expect(pump).toMatchObject({
    status: 'Submitted',
    asset: 'PUMP-01',
    location: 'Main Building',
    category: 'Plumbing',
    priority: 'P4 Scheduled',
    description: 'Inspect the boiler pump',
    reviewFlag: '',
  });
  expect(pump.notes).toMatch(/schedule PM-1 \(every 1 month\), due .*Default technician: Tina Tech/);
  const late = scheduled().find((o) => o.responseRef === `Schedule PM-3 ${inDays(-1)}`)!;
  expect(late.reviewFlag).toMatch(/created late: schedule PM-3 was due .* 9 earlier missed occurrence\(s\)/);
  expect(late.notes).toMatch(/nobody@example.com is not an active technician/);
  // Next Due moves on; Last Created is stamped.
  const rows = rowsOf(wb, SCHEDULES);
  const pumpDue = addCalendarDays(today(), 2);
  expect(isoDate(localParts(rows[0]!['Next Due'] as Date, wb.model.timeZone))).toBe(
    isoDate(addCalendarMonths(pumpDue, 1)),
  );
  expect(isoDate(localParts(rows[2]!['Next Due'] as Date, wb.model.timeZone))).toBe(inDays(1));
  expect(rows[2]!['Last Created']).toBeInstanceOf(Date);
  expect(rows[1]!['Last Created']).toBe('');
  expect(run!.value).toMatchObject({ schedules: { late: 1, skipped: 0 } });
  for (const bytes of stateBytes(wb)) expect(bytes).toBeLessThanOrEqual(ROW_STATE_BUDGET);
});

test('the creation is logged with source "schedule" (handed to the next execution in the document)', async () => {
  (await wb.submit()).executions.forEach(expectOk);
  const created = wb.changeLogEntries().filter((e) => e.source === 'schedule');
  expect(
    created
      .filter((e) => e.field === 'Created')
      .map((e) => e.newValue)
      .sort(),
  ).toEqual(refs().map((r) => `Submitted (${r})`));
  expect(created.filter((e) => e.field === 'Needs Review')).toHaveLength(1);
});

test('repeated and late runs make nothing twice', async () => {
  const before = refs();
  for (let i = 0; i < 3; i++) expectOk((await runHourly(wb))[0]!);
  expect(refs()).toEqual(before);
  expectOk(await wb.menu(ADMIN, 'runHourlyChecksNow'));
  expect(refs()).toEqual(before);
});

test('Next Due typed back to an earlier date, or a lost ledger, make no second order', async () => {
  const before = refs();
  (await wb.edit(ADMIN, SCHEDULES, 2, 12, [[inDays(2)]])).executions.forEach(expectOk);
  expectOk((await runHourly(wb))[0]!);
  expect(refs()).toEqual(before);
  wb.rt.world.properties.user(ADMIN).delete(`wo.${wb.ssId}.scheduleLedger`);
  expectOk((await runHourly(wb))[0]!);
  expect(refs()).toEqual(before);
  // The ledger is rebuilt from the register's Response Rows.
  expect(JSON.stringify(wb.rt.world.properties.user(ADMIN).entries())).toMatch(
    /PM-1.{0,6}:.{0,6}\d{4}-\d\d-\d\d/,
  );
});

test('the trigger and "Run hourly checks now" at once make each occurrence once', async () => {
  advance(wb, DAY); // PM-3 (daily) falls due again
  const before = refs().length;
  const [scheduledRuns, manual] = await wb.rt.interleaved(() =>
    Promise.all([wb.rt.runTimeDrivenTriggers({ all: true }), wb.menu(ADMIN, 'runHourlyChecksNow')]),
  );
  expectOk(scheduledRuns![0]!);
  expectOk(manual!);
  expect(refs()).toContain(`Schedule PM-3 ${inDays(0)}`);
  expect(refs()).toHaveLength(before + 1);
});

test('a bad row written past the edit trigger is skipped; the other schedules still run', async () => {
  // Written directly (as an import or another script would): no edit trigger judged it.
  wb.sheet(SCHEDULES).writeValues(7, 1, [
    ['PM-X', 'Broken', '', 'Annex', 'Nope', 'P3 Routine', '', '1', 'days', '', '0', inDays(0), 'TRUE', ''],
  ]);
  advance(wb, DAY);
  const [run] = await runHourly(wb, HOUR);
  expectOk(run!);
  expect(run!.value).toMatchObject({ schedules: { skipped: 1 } });
  expect(refs()).toContain(`Schedule PM-3 ${inDays(0)}`);
  expect(refs().some((r) => r.startsWith('Schedule PM-X'))).toBe(false);
  expect(
    rowsOf(wb, SHEET_NAMES.errors).some((r) =>
      /Schedules row 7 is ignored: Category "Nope"/.test(String(Object.values(r).join(' '))),
    ),
  ).toBe(true);
});

test('the supervisor finds a preventive order in Review & assign and approves and assigns it in one step', async () => {
  const pump = scheduled().find((o) => o.responseRef.startsWith('Schedule PM-1'))!;
  const view = await viewFor(wb, SUPERVISOR);
  expect(idsIn(view, 'submitted')).toContain(pump.id);
  const { reply } = await act(wb, SUPERVISOR, {
    action: 'approveAssign',
    ...target(itemIn(view, pump.id)),
    category: pump.category,
    priority: pump.priority,
    assignee: TECH,
  });
  expect(reply).toMatchObject({ ok: true });
  expect(wb.order(pump.id)).toMatchObject({ status: 'Assigned', assignee: TECH, asset: 'PUMP-01' });
  expect(wb.order(pump.id).woNumber).toMatch(/^WO-\d{4}-\d{5}$/);
});

test('many occurrences missed at once are all made, late, in batches (their log rows handed off within the property limit)', async () => {
  const fresh = await setUpWorkbook();
  try {
    const p = localParts(fresh.rt.world.clock.now(), fresh.model.timeZone);
    const longAgo = isoDate(addCalendarDays({ year: p.year, month: p.month, day: p.day }, -40));
    const rows = Array.from({ length: 25 }, (_, i) => [
      `PM-LONG-SCHEDULE-IDENTIFIER-${String(i).padStart(3, '0')}`,
      `Task ${i}`,
      '',
      'Annex',
      'HVAC',
      'P4 Scheduled',
      '',
      '1',
      'days',
      '',
      '0',
      longAgo,
      'TRUE',
      '',
    ]);
    (await fresh.edit(ADMIN, SCHEDULES, 2, 1, rows)).executions.forEach(expectOk);
    const [run] = await fresh.rt.runTimeDrivenTriggers({ all: true });
    expectOk(run!);
    const made = fresh.register().filter((r) => r.order.responseRef.startsWith('Schedule PM-LONG'));
    // One late order per schedule (today's occurrence is the latest already due, made late only if past).
    expect(new Set(made.map((r) => r.order.responseRef.split(' ')[1])).size).toBe(25);
    (await fresh.submit()).executions.forEach(expectOk);
    expect(
      fresh.changeLogEntries().filter((e) => e.source === 'schedule' && e.field === 'Created'),
    ).toHaveLength(made.length);
  } finally {
    await fresh.close();
  }
});

test('over 200 due in one run: the rest come the next hour, none passed over', async () => {
  const fresh = await setUpWorkbook();
  try {
    const due = isoDate(today(fresh));
    const rows = Array.from({ length: 205 }, (_, i) => weeklyGroundsTask(`W-${i}`, `Walk round ${i}`, due));
    // Written directly (as an import would): what is tested is the job.
    fresh.sheet(SCHEDULES).writeValues(2, 1, rows);
    const count = () => fresh.register().filter((r) => r.order.responseRef.startsWith('Schedule W-')).length;
    const [first] = await fresh.rt.runTimeDrivenTriggers({ all: true });
    expect(expectOk(first!).value).toMatchObject({ schedules: { remaining: 5 } });
    expect(count()).toBe(200);
    fresh.rt.world.clock.advance(HOUR);
    expectOk((await fresh.rt.runTimeDrivenTriggers({ all: true }))[0]!);
    expect(count()).toBe(205);
    expect(new Set(fresh.register().map((r) => r.order.responseRef)).size).toBe(fresh.register().length);
  } finally {
    await fresh.close();
  }
});

test("a quiet hourly run's preventive order keeps its Last Known State within budget (texts printed with the owner's key)", async () => {
  const fresh = await setUpWorkbook();
  try {
    // A first run does the job's routine, so the next one has nothing to do but the schedule.
    expectOk((await fresh.rt.runTimeDrivenTriggers({ all: true }))[0]!);
    fresh.rt.world.clock.advance(HOUR);
    const task =
      'Inspect every fire door on the ground floor, test each closer and log any that fail to latch';
    fresh.sheet(SCHEDULES).writeValues(2, 1, [weeklyGroundsTask('PM-LONG', task, isoDate(today(fresh)))]);
    expectOk((await fresh.rt.runTimeDrivenTriggers({ all: true }))[0]!);
    const made = fresh.register().filter((r) => r.order.responseRef.startsWith('Schedule PM-LONG'));
    expect(made.map((r) => r.order.description)).toEqual([task]);
    // The hourly job has no document properties: without the owner's copy of the key its rows kept
    // every text whole, about 300 bytes here, until someone edited them.
    for (const bytes of stateBytes(fresh)) expect(bytes).toBeLessThanOrEqual(ROW_STATE_BUDGET);
  } finally {
    await fresh.close();
  }
});
