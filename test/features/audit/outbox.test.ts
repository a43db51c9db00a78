/**
 * Outbox rows the add-on did not write are never sent. Each row the add-on queues carries a MAC of its
 * recipients, subject, bodies and record, keyed with the add-on's secret (the hourly job, which has
 * no document, reads the installation owner's copy). A row typed in as Queued, or one of the
 * add-on's with its recipient or body changed, is marked Refused and left unsent, and the
 * administrators hear of it at most once a day.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { ADMIN, REQUESTOR, setUpWorkbook, type TestWorkbook, MID_MORNING } from '../../support/workbook';
import { DAY, HOUR, advance, now, rowsOf, runHourly, submitMany } from '../../support/ops';

/** Tuesday 10 November 2026, 10:00 in New York: per-day limits are counted from the local midnight. */

const ATTACKER = 'mallory@example.net';
const OUTBOX = SHEET_NAMES.outbox;

function typeQueuedRow(wb: TestWorkbook, subject: string): void {
  const sheet = wb.sheet(OUTBOX);
  sheet.writeValues(sheet.lastRow() + 1, 1, [
    [
      now(wb),
      ATTACKER,
      subject,
      'Click here',
      '<a href="http://evil">here</a>',
      'REQ-000001',
      'Queued',
      '',
      0,
      '',
    ],
  ]);
}

const refusedMail = (wb: TestWorkbook) =>
  wb.rt.world.mail.receivedBy(ADMIN).filter((m) => /not written by Work Orders/.test(m.body));

describe('forged and altered Outbox rows', () => {
  let wb: TestWorkbook;
  beforeAll(async () => {
    // No quota left today: the acknowledgments are queued in the Outbox by the add-on itself.
    wb = await setUpWorkbook({ mailDailyQuota: 0, startAt: MID_MORNING });
    await submitMany(wb, 2);
  });
  afterAll(() => wb.close());

  test('the add-on’s own queued rows carry a MAC', () => {
    const rows = rowsOf(wb, OUTBOX);
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(String(row.MAC)).toMatch(/^[0-9a-f]{64}$/);
  });

  test('a typed row and an altered one are refused, the genuine one is sent, the administrators told once', async () => {
    typeQueuedRow(wb, 'Your invoice');
    // Change the recipient of the add-on's second row.
    const sheet = wb.sheet(OUTBOX);
    sheet.writeValues(3, 2, [[ATTACKER]]);
    wb.rt.world.mail.dailyQuota = 100;
    advance(wb, DAY);
    await runHourly(wb, HOUR);
    const rows = rowsOf(wb, OUTBOX);
    expect(rows.map((r) => r.Status)).toEqual(['Sent', 'Refused', 'Refused']);
    expect(String(rows[1]!['Last Error'])).toMatch(/MAC does not verify/);
    expect(wb.rt.world.mail.receivedBy(ATTACKER)).toHaveLength(0);
    expect(wb.rt.world.mail.receivedBy(REQUESTOR).length).toBeGreaterThan(0);
    expect(refusedMail(wb)).toHaveLength(1);

    // Another forged row the same day: refused again, and no second email.
    typeQueuedRow(wb, 'Second try');
    await runHourly(wb, HOUR);
    expect(rowsOf(wb, OUTBOX).at(-1)?.Status).toBe('Refused');
    expect(wb.rt.world.mail.receivedBy(ATTACKER)).toHaveLength(0);
    expect(refusedMail(wb)).toHaveLength(1);
  });
});
