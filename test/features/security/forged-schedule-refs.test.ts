/**
 * A technician is an editor of the register, so a script of their own can write any cell of it where
 * no edit trigger judges it, the Response Row of their own work order included. The hourly job's
 * preventive maintenance must not take such a cell as "this occurrence was already made": an order
 * named by a forged "Schedule PM-9 <date>" would never be made, and a date years ahead would move the
 * schedule's ledger there for good, silencing the schedule with nothing to see. Through dist/Code.js.
 *
 * What the job believes instead: its own ledger (installation owner's properties) and the batch it was
 * making when a run last stopped (recorded there before the register write, with the request ids),
 * so a run stopped between the register write and the ledger still makes no second order.
 */
import { SHEET_NAMES, type WorkOrder } from '../../../src/core/model';
import { addCalendarDays, isoDate, localParts, type LocalDate } from '../../../src/core/time';
import { scheduleRow } from '../../support/schedules';
import { REGISTER, assignedOrder, rowOf } from '../../support/edits';
import { ADMIN, TECH, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { DAY, advance, now, runHourly, startAtLocalHour } from '../../support/ops';

const SCHEDULES = SHEET_NAMES.schedules;
let wb: TestWorkbook;
let techOrder: string;

function today(): LocalDate {
  const p = localParts(now(wb), wb.model.timeZone);
  return { year: p.year, month: p.month, day: p.day };
}
const inDays = (n: number): string => isoDate(addCalendarDays(today(), n));

function scheduled(id: string): WorkOrder[] {
  return wb
    .register()
    .map((r) => r.order)
    .filter((o) => o.responseRef.startsWith(`Schedule ${id} `) && o.requesterName !== '');
}

/** The technician's script: their own order's Response Row, written with no edit trigger. */
function forgeResponseRow(value: string): void {
  wb.sheet(REGISTER).writeValues(rowOf(wb, techOrder), wb.registerColumn('Response Row'), [[value]]);
}

beforeAll(async () => {
  wb = await setUpWorkbook();
  startAtLocalHour(wb, 9);
  techOrder = await assignedOrder(wb, TECH);
}, 60_000);
afterAll(() => wb.close());

test('a Response Row forged years ahead does not silence a schedule: its next occurrence is made when due', async () => {
  // A weekly task due in three days, no lead time: nothing to make yet.
  (
    await wb.edit(ADMIN, SCHEDULES, 2, 1, [
      scheduleRow({
        id: 'PM-9',
        task: 'Check the roof drains',
        location: 'Grounds',
        category: 'Grounds',
        nextDue: inDays(3),
      }),
    ])
  ).executions.forEach(expectOk);
  forgeResponseRow(`Schedule PM-9 ${inDays(3 * 365)}`);
  expectOk((await runHourly(wb))[0]!);
  expect(scheduled('PM-9').filter((o) => o.id !== techOrder)).toHaveLength(0);
  advance(wb, 3 * DAY);
  expectOk((await runHourly(wb))[0]!);
  expect(scheduled('PM-9').map((o) => o.responseRef)).toContain(`Schedule PM-9 ${inDays(0)}`);
}, 60_000);

test('a Response Row forged to name the next occurrence does not stand for it: that occurrence is made', async () => {
  (
    await wb.edit(ADMIN, SCHEDULES, 3, 1, [
      scheduleRow({
        id: 'PM-10',
        task: 'Test the fire pump',
        location: 'Grounds',
        category: 'Grounds',
        nextDue: inDays(2),
      }),
    ])
  ).executions.forEach(expectOk);
  forgeResponseRow(`Schedule PM-10 ${inDays(2)}`);
  advance(wb, 2 * DAY);
  expectOk((await runHourly(wb))[0]!);
  const made = scheduled('PM-10').filter((o) => o.id !== techOrder);
  expect(made.map((o) => o.responseRef)).toEqual([`Schedule PM-10 ${inDays(0)}`]);
}, 60_000);

test('negative control: a run stopped after the register write, before the ledger, makes no second order', async () => {
  forgeResponseRow('');
  const ledgerKey = `wo.${wb.ssId}.scheduleLedger`;
  const props = wb.rt.world.properties.user(ADMIN);
  const ledgerBefore = props.get(ledgerKey);
  (
    await wb.edit(ADMIN, SCHEDULES, 4, 1, [
      scheduleRow({
        id: 'PM-11',
        task: 'Grease the gate',
        location: 'Grounds',
        category: 'Grounds',
        nextDue: inDays(1),
      }),
    ])
  ).executions.forEach(expectOk);
  const nextDueBefore = wb.sheet(SCHEDULES).readValues(4, 12, 1, 1);
  advance(wb, DAY);
  expectOk((await runHourly(wb))[0]!);
  expect(scheduled('PM-11')).toHaveLength(1);
  // As if the run had stopped before moving the ledger: the register holds the order, the ledger (and
  // Next Due, written back after it) do not.
  if (ledgerBefore === null) props.delete(ledgerKey);
  else props.set(ledgerKey, ledgerBefore);
  wb.sheet(SCHEDULES).writeValues(4, 12, nextDueBefore);
  expectOk((await runHourly(wb))[0]!);
  expect(scheduled('PM-11')).toHaveLength(1);
}, 60_000);
