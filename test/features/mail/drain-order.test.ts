/**
 * When the quota runs out anyway, queued mail is drained emergencies first, then what needs action, then
 * notices that need none, oldest first within each: an emergency alert queued behind a day's backlog of
 * reminders is the first message the next day's drain sends. Every row records its kind.
 */
import { drainRank } from '../../../src/core/mail-forecast';
import {
  SUPERVISOR,
  TECH,
  expectOk,
  setUpWorkbook,
  type TestWorkbook,
  MID_MORNING,
} from '../../support/workbook';
import {
  DAY,
  assign,
  now,
  outboxRows,
  runHourly,
  setSetting,
  startAtLocalHour,
  submitMany,
} from '../../support/ops';

/* Per-day limits are counted from the local midnight: the world starts at MID_MORNING. */

let wb: TestWorkbook;
let emergencyId: string;

beforeAll(async () => {
  wb = await setUpWorkbook({ mailDailyQuota: 3, startAt: MID_MORNING });
  startAtLocalHour(wb, 9);
  setSetting(wb, 'notifyRequestor', false);
  setSetting(wb, 'escalateAfterOverdueHours', 1000);
  const ids = await submitMany(wb, 5, (i) => `Replace the bulb ${i + 1}`);
  ids.forEach((id, i) => assign(wb, id, i + 1, TECH, new Date(now(wb).getTime() + 30 * 60_000)));
  // Five reminders, quota 3: two queued.
  expectOk((await runHourly(wb))[0]!);
  // The quota is spent: the emergency's alert to the supervisors is queued behind them.
  const submitted = await wb.submit({
    description: 'Water pouring through the ceiling',
    urgency: 'Emergency (safety risk)',
  });
  submitted.executions.forEach(expectOk);
  emergencyId = wb.register().at(-1)!.order.id;
}, 120_000);
afterAll(() => wb.close());

test('the queued rows carry their kind, the emergency alert queued last', () => {
  // The reminders wait in the Hourly Outbox, the alert (queued by the form submission) in the Outbox.
  const queued = outboxRows(wb).filter((r) => r.Status === 'Queued');
  expect(queued.map((r) => r.Kind)).toEqual(['overdueReminder', 'overdueReminder', 'emergency']);
  expect(queued.at(-1)!['Record ID']).toBe(emergencyId);
  expect(String(queued.at(-1)!.To)).toContain(SUPERVISOR);
});

test('the next day the emergency alert is sent first, then the reminders in their order', async () => {
  const before = wb.rt.world.mail.sent.length;
  const [run] = await runHourly(wb, DAY);
  expectOk(run!);
  const sent = wb.rt.world.mail.sent.slice(before).filter((m) => /overdue|emergency/i.test(m.subject));
  expect(sent.length).toBeGreaterThan(0);
  expect(sent[0]!.subject).toContain(emergencyId);
  const outbox = outboxRows(wb);
  const emergencyRow = outbox.find((r) => r.Kind === 'emergency')!;
  expect(emergencyRow.Status).toBe('Sent');
  // Whatever the day's allowance left queued (the day's new escalations included) is never the emergency.
  for (const r of outbox.filter((x) => x.Status === 'Queued')) expect(r.Kind).not.toBe('emergency');
});

test('the rank: emergencies, then action, then notices that need none; unknown kinds keep their place', () => {
  expect(drainRank('emergency')).toBe(0);
  expect(drainRank('overdueReminder')).toBe(1);
  expect(drainRank('assigned')).toBe(1);
  expect(drainRank('')).toBe(1);
  expect(drainRank('approved')).toBe(2);
  expect(drainRank('acknowledgment')).toBe(2);
});
