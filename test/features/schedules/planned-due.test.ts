/**
 * A preventive order is made with the due date its schedule planned (the occurrence's end of day).
 * Approving it keeps that date, whatever its priority's SLA would count from the approval, and the
 * sidebar's approval form says so. Only an order the add-on made from a schedule (its Response Row,
 * which nobody can type) keeps its date: a Due typed on a form request still gives way to the SLA's.
 */
import { approvalDuePreview } from '../../../src/client/review-sidebar/format';
import { SHEET_NAMES } from '../../../src/core/model';
import { addCalendarDays, formatLocal, isoDate, localParts } from '../../../src/core/time';
import { type } from '../../support/edits';
import { now, runHourly, startAtLocalHour } from '../../support/ops';
import { scheduleRow } from '../../support/schedules';
import { ADMIN, SUPERVISOR, TECH, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { act, itemIn, submitRequests, target, viewFor } from '../review/helpers';

let wb: TestWorkbook;
beforeAll(async () => {
  wb = await setUpWorkbook();
  startAtLocalHour(wb, 9);
});
afterAll(() => wb.close());

test.each([
  ['P4 Scheduled', 'PM-A', 2],
  ['P2 Urgent', 'PM-B', 3],
])(
  'a %s preventive order keeps its planned due date when approved and assigned',
  async (priority, id, row) => {
    const p = localParts(now(wb), wb.model.timeZone);
    const due = isoDate(addCalendarDays({ year: p.year, month: p.month, day: p.day }, 6));
    const schedule = { id, task: 'Service the boiler', location: 'Main Building', category: 'Plumbing' };
    const edited = await wb.edit(ADMIN, SHEET_NAMES.schedules, row, 1, [
      scheduleRow({ ...schedule, priority, leadDays: '7', nextDue: due }),
    ]);
    edited.executions.forEach(expectOk);
    (await runHourly(wb)).forEach(expectOk);
    const order = wb
      .register()
      .map((r) => r.order)
      .find((o) => o.responseRef === `Schedule ${id} ${due}`)!;
    const planned = formatLocal(order.due!, wb.model.timeZone);
    expect(planned).toBe(`${due} 23:59`);
    const view = await viewFor(wb, SUPERVISOR);
    const item = itemIn(view, order.id);
    expect(item.plannedDue).toBe(true);
    expect(approvalDuePreview(item, priority, view)).toBe(
      `Due ${planned}, as its schedule planned (approving keeps it).`,
    );
    const { reply } = await act(wb, SUPERVISOR, {
      action: 'approveAssign',
      ...target(item),
      category: 'Plumbing',
      priority,
      assignee: TECH,
    });
    expect(reply.ok).toBe(true);
    expect(wb.order(order.id)).toMatchObject({ status: 'Assigned', due: order.due });
  },
);

test('a Due typed on a form request does not make it planned: approval counts from the SLA', async () => {
  const [id] = await submitRequests(wb, [{ description: 'Dripping tap' }]);
  await type(wb, SUPERVISOR, id!, 'Due', '2030-01-15 09:00');
  const view = await viewFor(wb, SUPERVISOR);
  const item = itemIn(view, id!);
  expect(item.plannedDue).toBe(false);
  expect(approvalDuePreview(item, 'P2 Urgent', view)).toMatch(/from the SLA settings/);
  const { reply } = await act(wb, SUPERVISOR, {
    action: 'approve',
    ...target(item),
    category: 'Plumbing',
    priority: 'P2 Urgent',
  });
  expect(reply.ok).toBe(true);
  // P2 Urgent: 24 h round the clock from the approval, not the typed 2030 date.
  expect((wb.order(id!).due!.getTime() - now(wb).getTime()) / 3_600_000).toBeCloseTo(24, 1);
});
