/**
 * One message may name at most 50 recipients ("Quotas for Google Services"); MailApp refuses a larger
 * one. A site with more supervisors than that still gets every emergency alert: one message per group
 * of 50, each sent or queued on its own, and a queued group is sent by the next drain, once. Through
 * dist/Code.js.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { forgetRememberedState } from '../../support/caches';
import { DAY, outboxRows, runHourly } from '../../support/ops';
import {
  ADMIN,
  MID_MORNING,
  SUPERVISOR,
  expectOk,
  setUpWorkbook,
  type TestWorkbook,
} from '../../support/workbook';

const EXTRA_SUPERVISORS = Array.from({ length: 60 }, (_, i) => `supervisor${i + 1}@example.com`);
const ALL_SUPERVISORS = [SUPERVISOR, ...EXTRA_SUPERVISORS];
const GAS = 'Gas smell in the boiler room';
const EMERGENCY_URGENCY = 'Emergency (safety risk)';
const EMERGENCY = /EMERGENCY request/;

/** A workbook whose Staff tab lists 61 active supervisors. */
async function largeSite(mailDailyQuota?: number): Promise<TestWorkbook> {
  const wb = await setUpWorkbook({ startAt: MID_MORNING, mailDailyQuota });
  const staff = wb.sheet(SHEET_NAMES.staff);
  staff.writeValues(
    staff.lastRow() + 1,
    1,
    EXTRA_SUPERVISORS.map((email, i) => [email, `Supervisor ${i + 1}`, 'Supervisor', true]),
  );
  forgetRememberedState(wb.rt.world, wb.ssId);
  expectOk(await wb.rt.runMenuItem(wb.ssId, ADMIN, 'setUpWorkOrders'));
  forgetRememberedState(wb.rt.world, wb.ssId);
  wb.rt.world.mail.clear();
  return wb;
}

function alertsTo(wb: TestWorkbook, address: string): number {
  return wb.rt.world.mail.receivedBy(address).filter((m) => EMERGENCY.test(m.subject)).length;
}

function expectEachMessageWithinLimit(wb: TestWorkbook): void {
  for (const m of wb.rt.world.mail.sent)
    expect(m.to.length + m.cc.length + m.bcc.length).toBeLessThanOrEqual(50);
}

test('an emergency reaches all 61 supervisors in messages of at most 50 recipients', async () => {
  const wb = await largeSite();
  try {
    (await wb.submit({ description: GAS, urgency: EMERGENCY_URGENCY })).executions.forEach(expectOk);
    for (const address of ALL_SUPERVISORS) expect(alertsTo(wb, address)).toBe(1);
    expectEachMessageWithinLimit(wb);
    expect(outboxRows(wb).filter((r) => EMERGENCY.test(String(r.Subject)))).toHaveLength(0);
  } finally {
    await wb.close();
  }
});

test("a group the day's quota cannot cover is queued alone and sent once the next day", async () => {
  // 60 recipients a day: the acknowledgment (1) and the first group (50) leave 9, too few for the other 11.
  const wb = await largeSite(60);
  try {
    (await wb.submit({ description: GAS, urgency: EMERGENCY_URGENCY })).executions.forEach(expectOk);
    const queued = outboxRows(wb).filter((r) => EMERGENCY.test(String(r.Subject)));
    expect(queued).toHaveLength(1);
    expect(String(queued[0]!.To).split(',')).toHaveLength(11);
    expect(ALL_SUPERVISORS.filter((a) => alertsTo(wb, a) === 1)).toHaveLength(50);
    await runHourly(wb, DAY);
    for (const address of ALL_SUPERVISORS) expect(alertsTo(wb, address)).toBe(1);
    expectEachMessageWithinLimit(wb);
  } finally {
    await wb.close();
  }
});
