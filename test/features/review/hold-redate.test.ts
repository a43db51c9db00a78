/**
 * A due date given while an order is On Hold (a new date, or a new priority's due counted from then)
 * answers for the time held until then: resuming moves it only by the time held after it. Through the
 * sidebar and by typing Due in the register, with Held For (h) still summing every hour held.
 */
import { endOfDayIn } from '../../../src/client/review-sidebar/format';
import { formatLocal } from '../../../src/core/time';
import { assignedOrder, sidebarAct, type } from '../../support/edits';
import {
  MID_MORNING,
  SUPERVISOR,
  TECH,
  expectOk,
  setUpWorkbook,
  type TestWorkbook,
} from '../../support/workbook';

const HOUR = 3_600_000;
const ZONE = 'America/New_York';
let wb: TestWorkbook;
beforeEach(async () => {
  wb = await setUpWorkbook({ startAt: MID_MORNING });
});
afterEach(() => wb.close());

async function technicianStep(id: string, request: Record<string, unknown>): Promise<void> {
  const record = expectOk(
    await wb.call(TECH, 'myWorkAct', { id, revision: wb.order(id).revision, ...request }),
  );
  const reply = record.value as { ok: boolean; message?: string };
  if (!reply.ok) throw new Error(`myWorkAct ${String(request.action)} refused: ${reply.message ?? ''}`);
}

/** Held since Tuesday 10:00 (P3 Routine, on the business clock). */
async function heldOrder(): Promise<string> {
  const id = await assignedOrder(wb);
  await technicianStep(id, { action: 'start' });
  await technicianStep(id, { action: 'hold', reason: 'Waiting for the landlord' });
  return id;
}

test('a due date chosen On Hold is moved on resuming only by the hold after it', async () => {
  const id = await heldOrder();
  wb.rt.world.clock.advance(48 * HOUR); // Thursday 10:00
  const chosen = endOfDayIn('2026-11-13', ZONE); // Friday, end of day
  // The world's clock runs on while the change executes: the hold restarts within it, to the second.
  const before = wb.rt.world.clock.now().getTime();
  await sidebarAct(wb, {
    action: 'redate',
    id,
    revision: wb.order(id).revision,
    due: chosen,
    reason: 'Agreed with the requestor',
  });
  const after = wb.rt.world.clock.now().getTime();
  // The two days held so far (18 working hours) are banked; the hold counts again from the change.
  expect(wb.order(id)).toMatchObject({ status: 'On Hold', heldHours: 18 });
  const restarted = wb.order(id).heldSince!.getTime();
  expect(restarted).toBeGreaterThanOrEqual(before - (before % 1000));
  expect(restarted).toBeLessThanOrEqual(after);
  wb.rt.world.clock.advance(24 * HOUR); // Friday 10:00: 9 more working hours held
  await technicianStep(id, { action: 'resume' });
  expect(formatLocal(wb.order(id).due!, ZONE)).toBe('2026-11-16 17:00');
  expect(wb.order(id).heldHours).toBe(27);
});

test('a priority raised On Hold: due counted from the change, pushed only by the hold after it', async () => {
  const id = await heldOrder();
  wb.rt.world.clock.advance(48 * HOUR);
  await sidebarAct(wb, {
    action: 'reprioritize',
    id,
    revision: wb.order(id).revision,
    priority: 'P2 Urgent',
    reason: 'Now affects a classroom',
  });
  const changedAt = wb.rt.world.clock.now().getTime();
  const due = wb.order(id).due!.getTime();
  wb.rt.world.clock.advance(24 * HOUR);
  await technicianStep(id, { action: 'resume' });
  // P2 Urgent runs round the clock: the 24 h held after the change, and nothing before it.
  expect((wb.order(id).due!.getTime() - due) / HOUR).toBeCloseTo(24, 3);
  expect((due - changedAt) / HOUR).toBeLessThanOrEqual(24);
});

test('a Due typed in the register On Hold is treated the same way', async () => {
  const id = await heldOrder();
  wb.rt.world.clock.advance(48 * HOUR);
  await type(wb, SUPERVISOR, id, 'Due', '2026-11-13 17:00');
  expect(wb.order(id).heldHours).toBe(18);
  wb.rt.world.clock.advance(24 * HOUR);
  await technicianStep(id, { action: 'resume' });
  expect(formatLocal(wb.order(id).due!, ZONE)).toBe('2026-11-16 17:00');
});
