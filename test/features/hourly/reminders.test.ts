/**
 * The hourly job's due-date reminders, escalation and daily digest, through the add-on's
 * own time-driven trigger (no active spreadsheet, run as its owner). Each threshold is emailed once,
 * not every hour.
 */
import { patchOrderAsAddOn } from '../../support/audit';
import { SHEET_NAMES } from '../../../src/core/model';
import {
  ADMIN,
  SUPERVISOR,
  TECH,
  TECH2,
  expectOk,
  setUpWorkbook,
  type TestWorkbook,
} from '../../support/workbook';
import {
  DAY,
  HOUR,
  assign,
  mailTo,
  now,
  ownerState,
  rowsOf,
  runHourly,
  setSetting,
  startAtLocalHour,
  submitMany,
} from '../../support/ops';

describe('reminders and escalation, once per threshold', () => {
  let wb: TestWorkbook;
  let soon: string;
  let late: string;
  beforeAll(async () => {
    wb = await setUpWorkbook();
    startAtLocalHour(wb, 9);
    setSetting(wb, 'notifyRequestor', false);
    setSetting(wb, 'reminderHoursBeforeDue', 24);
    setSetting(wb, 'escalateAfterOverdueHours', 24);
    [soon = '', late = ''] = await submitMany(wb, 2);
    assign(wb, soon, 1, TECH, new Date(now(wb).getTime() + 10 * HOUR));
    assign(wb, late, 2, TECH2, new Date(now(wb).getTime() + 27 * HOUR));
  });
  afterAll(() => wb.close());

  test('the job runs from its trigger, without a document, as the trigger owner', async () => {
    const [run] = await runHourly(wb);
    expectOk(run!);
    expect(run!.user).toBe(ADMIN);
    expect(run!.stats.calls['SpreadsheetApp.openById']).toBe(1);
  });

  test('"due soon" goes to the assignee once, however many hours pass', async () => {
    const toTech = mailTo(wb, TECH);
    expect(toTech).toHaveLength(1);
    expect(toTech[0]!.subject).toMatch(/^\[WO-2026-00001\] Due soon: /);
    // Not yet within 24 h of its due date: nothing for the other one.
    expect(mailTo(wb, TECH2)).toHaveLength(0);
    for (let i = 0; i < 3; i++) expectOk((await runHourly(wb))[0]!);
    expect(mailTo(wb, TECH)).toHaveLength(1);
    expect(mailTo(wb, TECH2)).toHaveLength(1);
    expect(mailTo(wb, TECH2)[0]!.subject).toMatch(/^\[WO-2026-00002\] Due soon/);
  });

  test('past due: one overdue reminder to the assignee; 24 h later one escalation to supervisors', async () => {
    // 4 h have passed; the first order is due 10 h after the start.
    expectOk((await runHourly(wb, 7 * HOUR))[0]!);
    expect(mailTo(wb, TECH).map((m) => m.subject.split(':')[0])).toEqual([
      '[WO-2026-00001] Due soon',
      '[WO-2026-00001] Overdue',
    ]);
    expect(mailTo(wb, SUPERVISOR)).toHaveLength(0);
    for (let i = 0; i < 5; i++) expectOk((await runHourly(wb))[0]!);
    expect(mailTo(wb, TECH)).toHaveLength(2);
    expectOk((await runHourly(wb, 20 * HOUR))[0]!);
    const escalations = mailTo(wb, SUPERVISOR).filter((m) => /Escalation/.test(m.subject));
    expect(escalations.map((m) => m.subject.slice(0, 15))).toEqual(['[WO-2026-00001]']);
    expect(escalations[0]!.body).toContain(`Assignee: ${TECH}`);
    for (let i = 0; i < 3; i++) expectOk((await runHourly(wb))[0]!);
    expect(
      mailTo(wb, SUPERVISOR).filter((m) => m.subject.startsWith('[WO-2026-00001] Escalation')),
    ).toHaveLength(1);
  });

  test('a new due date re-arms the thresholds; closing work forgets it', async () => {
    patchOrderAsAddOn(wb, soon, { due: new Date(now(wb).getTime() + 2 * HOUR) });
    expectOk((await runHourly(wb))[0]!);
    expect(mailTo(wb, TECH).filter((m) => /Due soon/.test(m.subject))).toHaveLength(2);
    patchOrderAsAddOn(wb, soon, { status: 'Closed', closedAt: now(wb) });
    patchOrderAsAddOn(wb, late, { status: 'Completed', completedAt: now(wb) });
    expectOk((await runHourly(wb))[0]!);
    expect(ownerState(wb, 'reminders')).toBe('');
  });

  test('switched off in Settings: no reminder email', async () => {
    const [id] = await submitMany(wb, 1);
    setSetting(wb, 'notifyAssignee', false);
    assign(wb, id!, 3, TECH, new Date(now(wb).getTime() - HOUR));
    const before = mailTo(wb, TECH).length;
    expectOk((await runHourly(wb))[0]!);
    expect(mailTo(wb, TECH)).toHaveLength(before);
  });
});

describe('daily digest', () => {
  let wb: TestWorkbook;
  beforeAll(async () => {
    wb = await setUpWorkbook();
    startAtLocalHour(wb, 9);
    const [a, b, c] = await submitMany(wb, 3);
    assign(wb, a!, 1, TECH, new Date(now(wb).getTime() - 2 * HOUR));
    patchOrderAsAddOn(wb, c!, {
      status: 'Completed',
      woNumber: 'WO-2026-00003',
      completedAt: now(wb),
      assignee: TECH,
    });
    void b;
  });
  afterAll(() => wb.close());

  const digests = () => mailTo(wb, SUPERVISOR).filter((m) => /Daily digest/.test(m.subject));

  test('off by default', async () => {
    expectOk((await runHourly(wb))[0]!);
    expect(digests()).toHaveLength(0);
  });

  test('switched on: sent once a day to supervisors, from the digest hour, with new, overdue and completed work', async () => {
    setSetting(wb, 'dailyDigest', true);
    setSetting(wb, 'digestHour', 0);
    expectOk((await runHourly(wb))[0]!);
    expect(digests()).toHaveLength(1);
    const digest = digests()[0]!;
    expect(digest.subject).toMatch(/^\[Facilities Maintenance\] Daily digest: 3 open, 1 overdue/);
    expect(digest.body).toMatch(/Overdue \(1\):\n- WO-2026-00001/);
    expect(digest.body).toMatch(/Waiting for a decision \(1\)/);
    expect(digest.body).toMatch(/Completed, waiting to be closed \(1\):\n- WO-2026-00003/);
    expectOk((await runHourly(wb))[0]!);
    expect(digests()).toHaveLength(1);
    expectOk((await runHourly(wb, DAY))[0]!);
    expect(digests()).toHaveLength(2);
  });

  test('before the digest hour it waits', async () => {
    setSetting(wb, 'digestHour', 23);
    const hour = Number(
      new Intl.DateTimeFormat('en-US', {
        timeZone: wb.model.timeZone,
        hour: 'numeric',
        hourCycle: 'h23',
      }).format(new Date(now(wb).getTime() + DAY)),
    );
    expectOk((await runHourly(wb, DAY))[0]!);
    expect(digests()).toHaveLength(hour >= 23 ? 3 : 2);
    expect(rowsOf(wb, SHEET_NAMES.errors)).toHaveLength(0);
  });
});
