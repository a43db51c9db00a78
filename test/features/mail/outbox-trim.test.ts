/**
 * The Outbox does not grow with every email ever queued: the hourly drain removes the rows it sent
 * (and notices gathered into a digest) once they are a week old, so the drain's and the digest's
 * read of the whole sheet stays the size of a week's mail. Mail still owed (Queued) and rows that
 * wait for an administrator (Refused, Failed) stay, and later mail is appended right after what is left.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { OUTBOX_KEEP_DAYS } from '../../../src/server/adapters/outbox-trim';
import { REQUESTOR, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { DAY, HOUR, mailTo, now, rowsOf, runHourly, setSetting, submitMany } from '../../support/ops';

/** Tuesday 10 November 2026, 10:00 in New York: per-day limits are counted from the local midnight. */
const MID_MORNING = new Date('2026-11-10T15:00:00Z');
const OUTBOX = SHEET_NAMES.outbox;

/** The acknowledgments' rows (REQ-…) and the typed one, by status, in sheet order. */
const statuses = (wb: TestWorkbook): string[] =>
  rowsOf(wb, OUTBOX)
    .filter((r) => /^REQ-/.test(String(r['Record ID'])))
    .map((r) => `${String(r['Record ID'])} ${String(r.Status)}`);

function typeQueuedRow(wb: TestWorkbook): void {
  const sheet = wb.sheet(OUTBOX);
  sheet.writeValues(sheet.lastRow() + 1, 1, [
    [now(wb), 'mallory@example.net', 'Your invoice', 'Click', 'Click', 'REQ-999999', 'Queued', '', 0, ''],
  ]);
}

/** Sets the sending account's quota for the day (0: every email is queued). */
const quota = (wb: TestWorkbook, n: number): void => void (wb.rt.world.mail.dailyQuota = n);

describe('sent Outbox rows are kept a week, then removed', () => {
  let wb: TestWorkbook;
  beforeAll(async () => {
    // No quota: the acknowledgment waits in the Outbox.
    wb = await setUpWorkbook({ mailDailyQuota: 0, startAt: MID_MORNING });
    setSetting(wb, 'notifySupervisors', false);
    await submitMany(wb, 1);
    typeQueuedRow(wb);
  });
  afterAll(() => wb.close());

  test('the drains send the queued rows and refuse the typed one; nothing is removed within the week', async () => {
    quota(wb, 100);
    expectOk((await runHourly(wb, DAY))[0]!);
    quota(wb, 0);
    await submitMany(wb, 1);
    quota(wb, 100);
    expectOk((await runHourly(wb, DAY))[0]!);
    expect(mailTo(wb, REQUESTOR)).toHaveLength(2);
    expect(statuses(wb)).toEqual(['REQ-000001 Sent', 'REQ-999999 Refused', 'REQ-000002 Sent']);
  });

  test('a week after it was sent, a row is removed; a younger Sent row and the Refused row stay', async () => {
    // The first row was sent a day before the second: it passes the week, the second does not.
    const [run] = await runHourly(wb, (OUTBOX_KEEP_DAYS - 1) * DAY + 12 * HOUR);
    expectOk(run!);
    expect(run!.value).toMatchObject({ outbox: { trimmed: 1 } });
    expect(statuses(wb)).toEqual(['REQ-999999 Refused', 'REQ-000002 Sent']);
    expect(run!.stats.calls['Sheet.deleteRows']).toBe(1);
  });

  test('mail queued after a removal is appended right after the rows left, with no gap', async () => {
    quota(wb, 0);
    await submitMany(wb, 1);
    const filled = wb.values(OUTBOX).map((r) => r.some((v) => v !== ''));
    // Every row from the header down to the last filled one holds something.
    expect(filled.slice(0, filled.lastIndexOf(true) + 1).every(Boolean)).toBe(true);
    expect(statuses(wb)).toEqual(['REQ-999999 Refused', 'REQ-000002 Sent', 'REQ-000003 Queued']);
  });

  test('the next day the other old Sent row goes too, and the queued one is sent', async () => {
    quota(wb, 100);
    const [run] = await runHourly(wb, DAY);
    expectOk(run!);
    expect(statuses(wb)).toEqual(['REQ-999999 Refused', 'REQ-000003 Sent']);
    expect(mailTo(wb, REQUESTOR)).toHaveLength(3);
  });
});
