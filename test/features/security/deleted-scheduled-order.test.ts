/**
 * A preventive-maintenance order the hourly job made reaches the Change Log only at the next execution
 * in the document (its rows wait in the installation owner's hand-off). A technician who deletes its
 * register row meanwhile used to have it dropped for good: the job's next look for deleted orders
 * asked the log, which did not know the number yet, and remembered it as a number never used, so once
 * the log had it the order was never looked for again (while Verify audit log said the hourly checks
 * would put it back). The schedule's ledger had moved on, so the maintenance was never made. The number
 * now stays unsettled while its rows are handed off, and the order comes back; and it comes back whole:
 * rebuilt from the log alone it had no task, location, category nor Response Row (the log holds none of
 * what a schedule fills in), so it now starts from its schedule. Through dist/Code.js.
 */
import type { WorkOrder } from '../../../src/core/model';
import { REGISTER, assignedOrder, rowOf, type } from '../../support/edits';
import { runHourly, startAtLocalHour } from '../../support/ops';
import { orderMadeBySchedule } from '../../support/schedules';
import { ADMIN, TECH, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';

let wb: TestWorkbook;
beforeAll(async () => {
  wb = await setUpWorkbook();
  startAtLocalHour(wb, 9);
}, 60_000);
afterAll(() => wb.close());

const scheduled = (): WorkOrder[] =>
  wb
    .register()
    .map((r) => r.order)
    .filter((o) => o.responseRef.startsWith('Schedule PM-7 '));

async function hourly(): Promise<void> {
  (await runHourly(wb)).forEach(expectOk);
}

test('a scheduled order deleted before its log rows reached the log is put back once they have', async () => {
  const { due } = await orderMadeBySchedule(wb, {
    id: 'PM-7',
    task: 'Check the roof drains',
    location: 'Grounds',
    category: 'Grounds',
  });
  const [made] = scheduled();
  expect(made?.responseRef).toBe(`Schedule PM-7 ${due}`);
  const id = made!.id;

  // The technician deletes the row before anything else happens in the document.
  wb.sheet(REGISTER).deleteRows(rowOf(wb, id), 1);
  await hourly();
  expect(scheduled()).toHaveLength(0);

  // Someone edits (the edit trigger, as the installation owner, appends the hand-off to the log)...
  const other = await assignedOrder(wb, TECH);
  await type(wb, TECH, other, 'Progress Notes', 'On my way');
  expect(wb.changeLogEntries().some((e) => e.recordId === id)).toBe(true);

  // ...and the next hourly run puts the order back, as Verify audit log says it will.
  await hourly();
  expect(wb.register().map((r) => r.order.id)).toContain(id);
  // Not hollow: the task and the rest come from the schedule (the log holds none of them), and its
  // Response Row names the occurrence again, so the schedule's ledger and Verify still know it.
  expect(wb.order(id)).toMatchObject({
    description: 'Check the roof drains',
    location: 'Grounds',
    category: 'Grounds',
    priority: 'P4 Scheduled',
    requesterName: 'Preventive maintenance',
    responseRef: `Schedule PM-7 ${due}`,
  });
  expect(wb.order(id).reviewFlag).toMatch(/schedule PM-7's as the Schedules tab reads now/);
  expect(
    wb.rt.world.mail.receivedBy(ADMIN).some((m) => /deleted work order\(s\) restored/.test(m.subject)),
  ).toBe(true);
}, 120_000);
