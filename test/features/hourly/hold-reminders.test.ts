/**
 * Reminders are not sent twice for one due date, through dist/Code.js: an overdue order was reminded
 * (the technician), the requestor told of the delay and the supervisors escalated; put On Hold after
 * hours on Friday and resumed before hours on Monday, its Due has not moved (no working time was held),
 * and the next hourly runs send none of those again.
 */
import { patchOrderAsAddOn } from '../../support/audit';
import { assignedOrder } from '../../support/edits';
import { HOUR, now, runHourly } from '../../support/ops';
import {
  REQUESTOR,
  SUPERVISOR,
  TECH,
  expectOk,
  setUpWorkbook,
  type TestWorkbook,
} from '../../support/workbook';

let wb: TestWorkbook;
let id: string;

async function step(request: Record<string, unknown>): Promise<void> {
  const reply = expectOk(
    await wb.call(TECH, 'myWorkAct', { id, revision: wb.order(id).revision, ...request }),
  ).value as { ok: boolean; message?: string };
  if (!reply.ok) throw new Error(reply.message);
}

const told = (to: string, subject: RegExp): number =>
  wb.rt.world.mail.receivedBy(to).filter((m) => subject.test(m.subject)).length;

beforeAll(async () => {
  // Thursday 12 November 2026, 10:00 in New York.
  wb = await setUpWorkbook({ startAt: new Date('2026-11-12T15:00:00Z') });
  id = await assignedOrder(wb, TECH);
  await step({ action: 'start' });
  // Due at 11:00 the same day (a supervisor's new date, logged as the add-on would).
  patchOrderAsAddOn(wb, id, { due: new Date(now(wb).getTime() + HOUR) });
  // To Friday 16:00: overdue, reminded, the requestor told, escalated.
  for (let i = 0; i < 30; i++) await runHourly(wb);
}, 60_000);
afterAll(() => wb.close());

test('held over the weekend outside working hours: Due unchanged, nothing sent again', async () => {
  expect([
    told(TECH, / Overdue: /),
    told(REQUESTOR, / Delayed: /),
    told(SUPERVISOR, / Escalation: overdue: /),
  ]).toEqual([1, 1, 1]);
  const due = wb.order(id).due;

  wb.rt.world.clock.set(new Date('2026-11-13T23:30:00Z')); // Friday 18:30
  await step({ action: 'hold', reason: 'Waiting for access to the plant room' });
  await runHourly(wb);
  wb.rt.world.clock.set(new Date('2026-11-16T12:00:00Z')); // Monday 07:00
  await step({ action: 'resume' });
  expect(wb.order(id).due).toEqual(due);
  await runHourly(wb);
  await runHourly(wb);

  expect([
    told(TECH, / Overdue: /),
    told(REQUESTOR, / Delayed: /),
    told(SUPERVISOR, / Escalation: overdue: /),
  ]).toEqual([1, 1, 1]);
});
