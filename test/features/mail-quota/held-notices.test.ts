/**
 * On a week an account's mail was forecast past its quota, what it holds and what it never holds: a
 * requestor's receipt and approval wait for their daily digest (each in full), the assignment and an
 * emergency alert go at once, the Settings switches still decide who is told at all, and the digest
 * goes once, at the digest hour.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { emptyVolume } from '../../../src/core/mail-forecast';
import {
  ADMIN,
  REQUESTOR,
  SUPERVISOR,
  TECH,
  expectOk,
  setUpWorkbook,
  type TestWorkbook,
} from '../../support/workbook';
import { sidebarAct, submitOne } from '../../support/edits';
import { HOUR, mailTo, rowsOf, runHourly, setSetting, startAtLocalHour } from '../../support/ops';

const HELD = 'Held for digest';
let wb: TestWorkbook;

/** What a forecast that passed the quota leaves in the account's own properties: hold for the week. */
function forecastShort(account: string): void {
  const volume = { ...emptyVolume(), holdThrough: '2099-12-31' };
  wb.rt.world.properties.user(account).set('wo.mail.volume', JSON.stringify(volume));
}

async function approveAssign(id: string) {
  return sidebarAct(wb, {
    action: 'approveAssign',
    id,
    revision: wb.order(id).revision,
    category: 'Plumbing',
    priority: 'P3 Routine',
    assignee: TECH,
  });
}

beforeAll(async () => {
  wb = await setUpWorkbook();
  startAtLocalHour(wb, 9);
});
afterAll(() => wb.close());

test("the supervisor's approval waits for the requestor's digest; the assignment goes at once", async () => {
  const id = await submitOne(wb, { description: 'Dripping tap in room 4' });
  expect(mailTo(wb, REQUESTOR).map((m) => m.subject)).toEqual([expect.stringContaining('Request received')]);
  forecastShort(SUPERVISOR);
  const record = await approveAssign(id);
  expect((record.value as { message: string }).message).toContain(
    `The notice to ${REQUESTOR} goes in their daily digest`,
  );
  expect(mailTo(wb, TECH).map((m) => m.subject)).toEqual([expect.stringContaining('Assigned to you')]);
  expect(mailTo(wb, REQUESTOR)).toHaveLength(1);
  const held = rowsOf(wb, SHEET_NAMES.outbox).filter((r) => r.Status === HELD);
  expect(held.map((r) => [r.To, String(r.Subject)])).toEqual([
    [REQUESTOR, expect.stringContaining('Approved')],
  ]);
});

test('a switched-off notice is not held either: the switches decide who is told at all', async () => {
  setSetting(wb, 'notifyRequestor', false);
  const id = await submitOne(wb, { description: 'Loose handrail' });
  await approveAssign(id);
  setSetting(wb, 'notifyRequestor', true);
  const held = rowsOf(wb, SHEET_NAMES.outbox).filter((r) => r.Status === HELD);
  expect(held).toHaveLength(1);
  expect(mailTo(wb, TECH)).toHaveLength(2);
});

test('the owner holding too: the receipt waits, the emergency alert goes with the submission', async () => {
  forecastShort(ADMIN);
  const before = wb.rt.world.mail.sent.length;
  await submitOne(wb, { description: 'Gas smell in the boiler room', urgency: 'Emergency (safety risk)' });
  const sent = wb.rt.world.mail.sent.slice(before);
  expect(sent.map((m) => [m.from, m.to, /EMERGENCY/.test(m.subject)])).toEqual([[ADMIN, [SUPERVISOR], true]]);
  const held = rowsOf(wb, SHEET_NAMES.outbox).filter((r) => r.Status === HELD);
  expect(held.map((r) => String(r.Subject))).toEqual([
    expect.stringContaining('Approved'),
    expect.stringContaining('Request received: Gas smell'),
  ]);
});

test('at the digest hour each person gets one digest with every held notice in full, once', async () => {
  const approved = wb.order(wb.register()[0]!.order.id);
  // Runs through the evening, the night and the morning up to 07:00 (Settings digestHour).
  let runs = 0;
  while (rowsOf(wb, SHEET_NAMES.outbox).some((r) => r.Status === HELD) && runs < 30) {
    (await runHourly(wb, HOUR)).forEach(expectOk);
    runs++;
  }
  const digests = mailTo(wb, REQUESTOR).filter((m) => /Your daily digest/.test(m.subject));
  expect(digests).toHaveLength(1);
  const body = digests[0]!.body;
  expect(body).toContain(`was approved as work order ${approved.woNumber}`);
  expect(body).toContain('We received your request');
  expect(rowsOf(wb, SHEET_NAMES.outbox).filter((r) => r.Status === 'In digest')).toHaveLength(2);
  for (let i = 0; i < 3; i++) (await runHourly(wb, HOUR)).forEach(expectOk);
  expect(mailTo(wb, REQUESTOR).filter((m) => /Your daily digest/.test(m.subject))).toHaveLength(1);
});
