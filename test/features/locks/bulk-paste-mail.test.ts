/**
 * A 1,000-row paste of Assignee owes 1,000 emails (each technician told of each assignment). It ends
 * in one execution that sends none of them one by one: each of the 150 technicians gets ONE email
 * listing their orders, all queued in the Outbox in one write. The hourly drain then sends them within
 * a consumer account's 100 recipients a day, leaving part of the day's quota for immediate mail, over
 * as many days as it takes: every notice sent once, none dropped.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { ADMIN, SUPERVISOR, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { REGISTER, onlyExecution } from '../../support/edits';
import { DAY, HOUR, rowsOf, runHourly, startAtLocalHour } from '../../support/ops';
import { appendDirectly, makeOrder } from '../review/fixtures';
import { forgetRememberedState } from '../../support/caches';

const ORDERS = 1_000;
const QUOTA = 100;
const TECHNICIANS = Array.from({ length: 150 }, (_, i) => `technician${i + 1}@example.org`);
let wb: TestWorkbook;

beforeAll(async () => {
  wb = await setUpWorkbook({ mailDailyQuota: QUOTA });
  startAtLocalHour(wb, 8);
  const staff = wb.sheet(SHEET_NAMES.staff);
  staff.writeValues(
    staff.lastRow() + 1,
    1,
    TECHNICIANS.map((email, i) => [email, `Technician ${i + 1}`, 'Technician', true]),
  );
  appendDirectly(
    wb,
    Array.from({ length: ORDERS }, (_, i) =>
      makeOrder(i + 1, {
        status: 'Approved',
        woNumber: `WO-2026-${String(i + 1).padStart(5, '0')}`,
        category: 'Electrical',
        priority: 'P3 Routine',
      }),
    ),
  );
  // Setup records what each row holds (the edit trigger judges pastes against it) and protects the staff.
  forgetRememberedState(wb.rt.world, wb.ssId);
  expectOk(await wb.rt.runMenuItem(wb.ssId, ADMIN, 'setUpWorkOrders'));
}, 180_000);
afterAll(() => wb.close());

test('the paste assigns all 1,000 and queues one email per person in one Outbox write, sending none one by one', async () => {
  const sentBefore = wb.rt.world.mail.sent.length;
  const assignees = Array.from({ length: ORDERS }, (_, i) => [TECHNICIANS[i % TECHNICIANS.length]!]);
  const record = onlyExecution(
    (await wb.edit(SUPERVISOR, REGISTER, 2, wb.registerColumn('Assignee'), assignees)).executions,
  );
  expect(record.ok).toBe(true);
  expect(wb.register().filter((r) => r.order.status === 'Assigned')).toHaveLength(ORDERS);
  // Nothing sent one by one; one write to the Outbox.
  expect(wb.rt.world.mail.sent.length).toBe(sentBefore);
  expect(record.stats.calls['MailApp.sendEmail'] ?? 0).toBe(0);
  const queued = rowsOf(wb, SHEET_NAMES.outbox).filter((r) => r.Status === 'Queued');
  // One notice per technician, listing each of their orders.
  expect(queued.map((r) => String(r.To)).sort()).toEqual([...TECHNICIANS].sort());
  const first = queued.find((r) => r.To === TECHNICIANS[0])!;
  const theirs = wb.register().filter((r) => r.order.assignee === TECHNICIANS[0]);
  expect(theirs).toHaveLength(7);
  expect(String(first.Subject)).toMatch(/7 work order updates for you/);
  for (const { order } of theirs) expect(String(first.Body)).toContain(`[${order.woNumber}]`);
  expect(record.stats.calls['Range.setValues']).toBeLessThanOrEqual(3);
});

test('the hourly drain sends them within the daily quota, over several days, dropping none', async () => {
  const notices = rowsOf(wb, SHEET_NAMES.outbox).filter((r) => r.Status === 'Queued');
  const addressed = new Set(notices.map((r) => String(r.To)));
  const sentTo = () => wb.rt.world.mail.sent.flatMap((m) => m.to).filter((a) => addressed.has(a));
  const perDay: number[] = [];
  let morningFirstDay = -1;
  for (let day = 1; day <= 20; day++) {
    const before = sentTo().length;
    // Two runs a day, at 08:00 and 20:00: the morning one keeps a share of the quota back for mail
    // that must go at once; by the evening most of that share is released.
    const [morning] = await runHourly(wb, day === 1 ? 0 : DAY - 12 * HOUR);
    expectOk(morning!);
    if (day === 1) morningFirstDay = sentTo().length - before;
    const [evening] = await runHourly(wb, 12 * HOUR);
    expectOk(evening!);
    perDay.push(sentTo().length - before);
    if (rowsOf(wb, SHEET_NAMES.outbox).every((r) => r.Status !== 'Queued')) break;
  }
  // Every notice sent, exactly once, and no day over the quota.
  // (The hourly job's own mail over those days, such as the managers' weekly KPI summary, is queued too.)
  const outbox = rowsOf(wb, SHEET_NAMES.outbox);
  const theirs = outbox.filter((r) => addressed.has(String(r.To)));
  expect(theirs.filter((r) => r.Status === 'Sent')).toHaveLength(notices.length);
  expect(outbox.filter((r) => r.Status !== 'Sent')).toEqual([]);
  expect(sentTo()).toHaveLength(notices.length);
  expect(new Set(sentTo()).size).toBe(notices.length);
  for (const sent of perDay) expect(sent).toBeLessThanOrEqual(QUOTA);
  // The morning run left part of the day (a fifth of it, shrinking by the hour) for immediate mail,
  // and the evening run used most of what was kept back.
  expect(morningFirstDay).toBeGreaterThan(0);
  expect(morningFirstDay).toBeLessThanOrEqual(QUOTA - 10);
  expect(perDay[0]).toBeGreaterThan(morningFirstDay);
  expect(perDay.length).toBeGreaterThanOrEqual(Math.ceil(notices.length / QUOTA));
}, 600_000);
