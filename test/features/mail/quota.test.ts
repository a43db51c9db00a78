/**
 * Mail is never dropped. With a daily quota of 3 and 5 emails due, 3 are sent and 2 are
 * queued in the Outbox; the next run (the next day, quota renewed) sends the 2, oldest first, and
 * marks their rows Sent. Every email has a plain-text body, escaped HTML and a subject that starts
 * with its work order's id.
 */
import type { ExecutionRecord } from '../../../runtime';
import { SHEET_NAMES } from '../../../src/core/model';
import { legacyOutboxMac } from '../../../src/core/outbox-mac';
import { auditKey } from '../../support/audit';
import { ADMIN, REQUESTOR, TECH, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import {
  DAY,
  HOUR,
  assign,
  mailTo,
  now,
  rowsOf,
  runHourly,
  setSetting,
  startAtLocalHour,
  remindersDue,
  submitMany,
} from '../../support/ops';

/** Tuesday 10 November 2026, 10:00 in New York: per-day limits are counted from the local midnight. */
const MID_MORNING = new Date('2026-11-10T15:00:00Z');

const SUBJECT = /^\[(WO-\d{4}-\d{5}|REQ-\d{6})\] /;

function expectWellFormed(wb: TestWorkbook): void {
  for (const m of wb.rt.world.mail.sent) {
    expect(m.body.length).toBeGreaterThan(0);
    expect(m.htmlBody).not.toBeNull();
    expect(m.htmlBody).not.toMatch(/<script|<b>kitchen/i);
  }
}

describe('quota 3, five overdue reminders due', () => {
  let wb: TestWorkbook;
  beforeAll(async () => {
    wb = await setUpWorkbook({ mailDailyQuota: 3, startAt: MID_MORNING });
    startAtLocalHour(wb, 9);
    // No acknowledgments nor escalations: the five reminders are the only mail of the day.
    await remindersDue(wb, 5, TECH, (i) => `Fix the <b>kitchen</b> light ${i + 1} & "more"`);
  });
  afterAll(() => wb.close());

  test('the first run sends 3 and queues 2 in its Hourly Outbox', async () => {
    const [run] = await runHourly(wb);
    expectOk(run!);
    expect(run!.value).toMatchObject({ reminders: { overdueReminder: 5 }, mail: { sent: 3, queued: 2 } });
    expect(mailTo(wb, TECH)).toHaveLength(3);
    const outbox = rowsOf(wb, SHEET_NAMES.hourlyOutbox);
    expect(outbox).toHaveLength(2);
    expect(outbox.map((r) => r.Status)).toEqual(['Queued', 'Queued']);
    for (const r of outbox) expect(String(r.Subject)).toMatch(SUBJECT);
  });

  test('an hour later (same day, quota used up) nothing is sent and nothing is queued twice', async () => {
    const [run] = await runHourly(wb);
    expectOk(run!);
    expect(mailTo(wb, TECH)).toHaveLength(3);
    expect(rowsOf(wb, SHEET_NAMES.hourlyOutbox).map((r) => r.Status)).toEqual(['Queued', 'Queued']);
    expect(run!.value).toMatchObject({
      reminders: { overdueReminder: 0 },
      outbox: { sent: 0, stillQueued: 2, stoppedBy: 'quota' },
    });
  });

  test('the next day the 2 queued reminders are sent, oldest first, and their rows marked Sent', async () => {
    const [run] = await runHourly(wb, DAY);
    expectOk(run!);
    const received = mailTo(wb, TECH);
    expect(received).toHaveLength(5);
    // Five different work orders, each reminded once.
    expect(new Set(received.map((m) => m.subject.slice(0, 16))).size).toBe(5);
    for (const m of received) expect(m.subject).toMatch(SUBJECT);
    const outbox = rowsOf(wb, SHEET_NAMES.hourlyOutbox);
    expect(outbox.map((r) => r.Status)).toEqual(['Sent', 'Sent']);
    for (const r of outbox) expect(r['Sent At']).toBeInstanceOf(Date);
    // Oldest first: the queued rows went out in their queue order.
    expect(received.slice(3).map((m) => m.subject)).toEqual(outbox.map((r) => r.Subject));
    // The drain wrote its results in one write (plus the job's other writes, none per row).
    expect(run!.stats.calls['Range.setValues'] ?? 0).toBeLessThanOrEqual(2);
    expectWellFormed(wb);
  });

  test('the reminders carry escaped HTML and a plain-text body', () => {
    const m = mailTo(wb, TECH)[0]!;
    expect(m.htmlBody).toContain('&lt;b&gt;kitchen&lt;/b&gt;');
    expect(m.htmlBody).toContain('&amp;');
    expect(m.body).toContain('<b>kitchen</b>');
    expect(m.from).toBe(ADMIN);
  });
});

test("acknowledgments queued by form submissions over quota are sent by the next day's run", async () => {
  const wb = await setUpWorkbook({ mailDailyQuota: 1, startAt: MID_MORNING });
  try {
    startAtLocalHour(wb, 9);
    // Only the acknowledgments: no response-target reminders to supervisors.
    setSetting(wb, 'notifySupervisors', false);
    await submitMany(wb, 3);
    expect(mailTo(wb, REQUESTOR)).toHaveLength(1);
    expect(rowsOf(wb, SHEET_NAMES.outbox).filter((r) => r.Status === 'Queued')).toHaveLength(2);
    // The same day: nothing more can go.
    expectOk((await runHourly(wb, HOUR))[0]!);
    expect(mailTo(wb, REQUESTOR)).toHaveLength(1);
    // Quota 1 a day: one more each day, in order, until the Outbox is empty.
    expectOk((await runHourly(wb, DAY))[0]!);
    expect(mailTo(wb, REQUESTOR)).toHaveLength(2);
    expectOk((await runHourly(wb, DAY))[0]!);
    const received = mailTo(wb, REQUESTOR);
    expect(received.map((m) => m.subject.slice(0, 12))).toEqual([
      '[REQ-000001]',
      '[REQ-000002]',
      '[REQ-000003]',
    ]);
    expect(rowsOf(wb, SHEET_NAMES.outbox).map((r) => r.Status)).toEqual(['Sent', 'Sent']);
  } finally {
    await wb.close();
  }
});

test('over quota, intake tries the send, MailApp refuses it, and the acknowledgment waits in the Outbox', async () => {
  const wb = await setUpWorkbook({ mailDailyQuota: 1, startAt: MID_MORNING });
  try {
    const runs = [];
    for (const description of ['Sent at once', 'Over quota']) {
      const [run] = (await wb.submit({ description })).executions;
      runs.push(expectOk(run!));
    }
    const [sent, refused] = runs as [ExecutionRecord, ExecutionRecord];
    // The quota is never asked: the send is tried, and MailApp's own quota error decides.
    for (const run of runs) {
      expect(run.stats.calls['MailApp.getRemainingDailyQuota']).toBeUndefined();
      expect(run.stats.calls['MailApp.sendEmail']).toBe(1);
    }
    expect(sent.stats.emailsSent).toBe(1);
    expect(refused.stats.emailsSent).toBe(0);
    expect(mailTo(wb, REQUESTOR).map((m) => m.subject)).toEqual([
      expect.stringContaining('Request received: Sent at once'),
    ]);
    const outbox = rowsOf(wb, SHEET_NAMES.outbox);
    expect(outbox.map((r) => [r.Status, r.To])).toEqual([['Queued', REQUESTOR]]);
    expect(String(outbox[0]!.Subject)).toContain('Request received: Over quota');
    // The refusal is the expected one, logged as a warning rather than an error.
    const logged = wb.rt.world.logs.forExecution(refused.executionId);
    expect(logged.filter((l) => l.level === 'error')).toEqual([]);
    expect(logged.some((l) => l.level === 'warn' && /too many times for one day/.test(l.message))).toBe(true);
  } finally {
    await wb.close();
  }
});

test('a message that keeps failing is retried, then marked Failed and reported, without blocking later mail', async () => {
  const wb = await setUpWorkbook();
  try {
    // A queued message whose address Google refuses, signed as the add-on signed what it queued before
    // rows were numbered (the first drain numbers it).
    const outbox = wb.sheet(SHEET_NAMES.outbox);
    const message = {
      to: 'not an address@',
      subject: '[REQ-000099] Test',
      body: 'Body',
      htmlBody: '<p>Body</p>',
      recordId: 'REQ-000099',
    };
    outbox.writeValues(2, 1, [
      [
        now(wb),
        message.to,
        message.subject,
        message.body,
        message.htmlBody,
        message.recordId,
        'Queued',
        '',
        0,
        '',
        legacyOutboxMac(auditKey(wb), message),
      ],
    ]);
    for (let i = 0; i < 5; i++) await runHourly(wb);
    const [row] = rowsOf(wb, SHEET_NAMES.outbox);
    expect(row).toMatchObject({ Status: 'Failed', Attempts: 5 });
    expect(String(row!['Last Error'])).toMatch(/Invalid email/);
    const errors = rowsOf(wb, SHEET_NAMES.errors);
    expect(errors.some((e) => /Outbox row 2/.test(String(e.Message)))).toBe(true);
    expect(mailTo(wb, ADMIN).some((m) => /could not be sent/.test(m.subject))).toBe(true);
  } finally {
    await wb.close();
  }
});

test("queueing past the Hourly Outbox sheet's last row grows it: the queued mail is not lost", async () => {
  const wb = await setUpWorkbook({ mailDailyQuota: 0, startAt: MID_MORNING });
  try {
    setSetting(wb, 'notifyRequestor', false);
    // The tab the hourly job queues in, as setup made it (its header and 1,000 rows).
    const outbox = wb.sheet(SHEET_NAMES.hourlyOutbox);
    // 998 old rows (sent long ago): the sheet's 1,000 rows are all but full.
    const old = now(wb);
    outbox.writeValues(
      2,
      1,
      Array.from({ length: outbox.maxRows - 2 }, (_, i) => [
        old,
        'x@example.com',
        `[REQ-${i}] Old`,
        'b',
        '',
        '',
        'Sent',
        old,
        0,
        '',
      ]),
    );
    expect(outbox.lastRow()).toBe(outbox.maxRows - 1);
    const ids = await submitMany(wb, 5);
    ids.forEach((id, i) => assign(wb, id, i + 1, TECH, new Date(now(wb).getTime() - HOUR)));
    const [run] = await runHourly(wb);
    expectOk(run!);
    const queued = rowsOf(wb, SHEET_NAMES.hourlyOutbox).filter((r) => r.Status === 'Queued');
    expect(queued).toHaveLength(5);
    for (const r of queued) expect(String(r.Subject)).toMatch(SUBJECT);
  } finally {
    await wb.close();
  }
});
