/**
 * One hourly run sends at most MAX_SENDS_PER_RUN emails, however little time each send takes: on
 * Google each takes about a second, and the 6-minute limit must hold even where the run's wall-clock
 * deadlines cannot see that. With more reminders due, the rest waits in the Hourly Outbox, in order, and the
 * next run's drain sends it first; nothing is dropped or sent twice.
 */
import { SHEET_NAMES } from '../../../src/core/model';
import { MAX_SENDS_PER_RUN } from '../../../src/server/adapters/outbox-allowance';
import { TECH, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { HOUR, mailTo, remindersDue, rowsOf, runHourly, startAtLocalHour } from '../../support/ops';

const MID_MORNING = new Date('2026-11-10T15:00:00Z');
const DUE = MAX_SENDS_PER_RUN + 7;

describe(`${DUE} overdue reminders due on a Workspace account (quota 1,500)`, () => {
  let wb: TestWorkbook;
  beforeAll(async () => {
    wb = await setUpWorkbook({ startAt: MID_MORNING });
    startAtLocalHour(wb, 9);
    await remindersDue(wb, DUE, TECH, (i) => `Replace filter ${i + 1}`);
  }, 300_000);
  afterAll(() => wb.close());

  test(`the first run sends ${MAX_SENDS_PER_RUN} and queues the other 7`, async () => {
    const [run] = await runHourly(wb);
    expectOk(run!);
    expect(run!.value).toMatchObject({
      reminders: { overdueReminder: DUE },
      mail: { sent: MAX_SENDS_PER_RUN, queued: 7 },
    });
    expect(mailTo(wb, TECH)).toHaveLength(MAX_SENDS_PER_RUN);
    expect(rowsOf(wb, SHEET_NAMES.hourlyOutbox).map((r) => r.Status)).toEqual(Array(7).fill('Queued'));
  });

  test('the next run drains the 7, each once, and sends nothing again', async () => {
    const [run] = await runHourly(wb, HOUR);
    expectOk(run!);
    expect(run!.value).toMatchObject({ outbox: { sent: 7, stillQueued: 0, stoppedBy: 'done' } });
    const received = mailTo(wb, TECH);
    expect(received).toHaveLength(DUE);
    expect(new Set(received.map((m) => m.subject)).size).toBe(DUE);
    expect(rowsOf(wb, SHEET_NAMES.hourlyOutbox).map((r) => r.Status)).toEqual(Array(7).fill('Sent'));
  });
});
