/**
 * The response SLA through dist/Code.js: a new emergency alerts the supervisors the moment it is
 * submitted; a request still awaiting a decision is reminded at half its Respond Within and escalated
 * at it (once each); overdue work is escalated after its priority's hours (an hour for P1), not a flat day.
 */
import { patchOrderAsAddOn } from '../../support/audit';
import { fromLocalParts } from '../../../src/core/time';
import { ADMIN, SUPERVISOR, TECH, expectOk, setUpWorkbook, type TestWorkbook } from '../../support/workbook';
import { HOUR, assign, mailTo, now, runHourly, setSetting, startAtLocalHour } from '../../support/ops';
import { setStaffActive } from '../review/fixtures';

/**
 * Monday 7 December 2026, 09:00 in the spreadsheet's zone: P3's Respond Within runs on working hours
 * (Mon–Fri 08:00–17:00), so its thresholds depend on the weekday the request arrives.
 */
function startOnMondayMorning(wb: TestWorkbook): void {
  wb.rt.world.clock.set(fromLocalParts({ year: 2026, month: 12, day: 7, hour: 9 }, wb.model.timeZone));
}

const subjects = (wb: TestWorkbook, to: string): string[] =>
  mailTo(wb, to).map((m) => m.subject.split(':')[0] ?? '');

async function submit(wb: TestWorkbook, description: string, urgency = 'Routine'): Promise<string> {
  const before = new Set(wb.register().map((r) => r.order.id));
  (await wb.submit({ description, urgency })).executions.forEach(expectOk);
  const id = wb
    .register()
    .map((r) => r.order.id)
    .find((i) => !before.has(i));
  if (!id) throw new Error('no new request');
  return id;
}

describe('a new emergency', () => {
  let wb: TestWorkbook;
  beforeAll(async () => {
    wb = await setUpWorkbook();
  });
  afterAll(() => wb.close());

  test('alerts the supervisors at once, with where, who and a link; a routine request does not', async () => {
    await submit(wb, 'Paint the fence');
    expect(mailTo(wb, SUPERVISOR)).toHaveLength(0);
    const id = await submit(wb, 'Water pouring through the ceiling', 'Emergency (safety risk)');
    const alerts = mailTo(wb, SUPERVISOR);
    expect(alerts.map((m) => m.subject)).toEqual([
      `[${id}] EMERGENCY request: Water pouring through the ceiling`,
    ]);
    expect(alerts[0]!.body).toContain('reported an emergency at Main Building. It needs a decision now.');
    expect(alerts[0]!.body).toContain('respond within 1 hour');
    expect(alerts[0]!.body).toMatch(/Open the register: https:\/\//);
    // Where the decision is made, not only that one is needed.
    expect(alerts[0]!.body).toContain(
      'Decide it in the register: Extensions › Work Orders › Review & assign.',
    );
    expect(alerts[0]!.body).not.toContain('No supervisor is active');
  });

  test('with no supervisor on duty, the administrators are alerted and told why it is theirs', async () => {
    setStaffActive(wb, SUPERVISOR, false);
    try {
      const before = mailTo(wb, ADMIN).length;
      const id = await submit(wb, 'Fire alarm sounding in the gym', 'Emergency (safety risk)');
      const alerts = mailTo(wb, ADMIN).slice(before);
      expect(alerts.map((m) => m.subject)).toEqual([
        `[${id}] EMERGENCY request: Fire alarm sounding in the gym`,
      ]);
      expect(alerts[0]!.body).toContain(
        'No supervisor is active on the Staff tab, so it comes to the administrators: decide it in the register (Extensions › Work Orders › Review & assign), and make a supervisor active there for the next one.',
      );
    } finally {
      setStaffActive(wb, SUPERVISOR, true);
    }
  });

  test('no alert when supervisors are not to be emailed', async () => {
    setSetting(wb, 'notifySupervisors', false);
    const before = mailTo(wb, SUPERVISOR).length;
    await submit(wb, 'Sparks from the socket', 'Emergency (safety risk)');
    expect(mailTo(wb, SUPERVISOR)).toHaveLength(before);
    setSetting(wb, 'notifySupervisors', true);
  });
});

describe('Respond Within drives reminders and escalation of undecided requests', () => {
  let wb: TestWorkbook;
  let routine: string;
  let urgent: string;
  beforeAll(async () => {
    wb = await setUpWorkbook();
    startOnMondayMorning(wb);
    routine = await submit(wb, 'Replace the notice board');
    urgent = await submit(wb, 'Fridge in the staff room is warm', 'Urgent (within 24 h)');
  });
  afterAll(() => wb.close());

  test('P2 (4 h): a reminder at 2 h, an escalation to supervisors and administrators at 4 h, once each', async () => {
    expectOk((await runHourly(wb))[0]!);
    expect(subjects(wb, SUPERVISOR)).toEqual([]);
    expectOk((await runHourly(wb))[0]!); // 2 h
    expect(subjects(wb, SUPERVISOR)).toEqual([`[${urgent}] Awaiting a decision`]);
    expectOk((await runHourly(wb))[0]!);
    expectOk((await runHourly(wb))[0]!); // 4 h
    expect(subjects(wb, SUPERVISOR)).toEqual([`[${urgent}] Awaiting a decision`, `[${urgent}] Escalation`]);
    expect(subjects(wb, ADMIN)).toEqual([`[${urgent}] Escalation`]);
    expect(mailTo(wb, ADMIN)[0]!.body).toContain('has had no decision within its response target');
    // Where to decide it, in the reminder and the escalation alike.
    for (const mail of [...mailTo(wb, SUPERVISOR), ...mailTo(wb, ADMIN)])
      expect(mail.body).toContain('Decide it in the register: Extensions › Work Orders › Review & assign.');
    for (let i = 0; i < 3; i++) expectOk((await runHourly(wb))[0]!);
    expect(mailTo(wb, SUPERVISOR)).toHaveLength(2);
  });

  test('P3 (24 working hours, from the Routine urgency): reminded at 12 of them, escalated at 24', async () => {
    // Asked Monday 09:00: 8 working hours on Monday, so the 12th is Tuesday 12:00 and the 24th Wednesday 15:00.
    expectOk((await runHourly(wb, 19 * HOUR))[0]!); // Tuesday 11:00: 11 working hours
    expect(subjects(wb, SUPERVISOR).filter((s) => s.startsWith(`[${routine}]`))).toEqual([]);
    expectOk((await runHourly(wb, HOUR))[0]!); // Tuesday 12:00
    expect(subjects(wb, SUPERVISOR).filter((s) => s.startsWith(`[${routine}]`))).toEqual([
      `[${routine}] Awaiting a decision`,
    ]);
    expectOk((await runHourly(wb, 26 * HOUR))[0]!); // Wednesday 14:00: 23 working hours
    expect(subjects(wb, SUPERVISOR).filter((s) => s.startsWith(`[${routine}]`))).toHaveLength(1);
    expectOk((await runHourly(wb, HOUR))[0]!); // Wednesday 15:00
    expect(subjects(wb, SUPERVISOR).filter((s) => s.startsWith(`[${routine}]`))).toEqual([
      `[${routine}] Awaiting a decision`,
      `[${routine}] Escalation`,
    ]);
  });
});

describe('overdue escalation by priority', () => {
  test('P1 work is escalated an hour after its due date, P3 after the day the setting allows', async () => {
    const wb = await setUpWorkbook();
    try {
      startAtLocalHour(wb, 9);
      setSetting(wb, 'notifyRequestor', false);
      const p1 = await submit(wb, 'Broken lock on the main door');
      const p3 = await submit(wb, 'Squeaky hinge');
      const due = new Date(now(wb).getTime() + 2 * HOUR);
      assign(wb, p1, 1, TECH, due);
      patchOrderAsAddOn(wb, p1, { priority: 'P1 Emergency' });
      assign(wb, p3, 2, TECH, due);
      const escalations = () =>
        mailTo(wb, SUPERVISOR).filter((m) => /\] Escalation: overdue/.test(m.subject));
      expectOk((await runHourly(wb, 3 * HOUR))[0]!); // 1 h overdue
      expect(escalations().map((m) => m.subject.slice(0, 15))).toEqual(['[WO-2026-00001]']);
      expectOk((await runHourly(wb, 22 * HOUR))[0]!); // 23 h overdue
      expect(escalations()).toHaveLength(1);
      expectOk((await runHourly(wb))[0]!); // 24 h overdue
      expect(escalations().map((m) => m.subject.slice(0, 15))).toEqual([
        '[WO-2026-00001]',
        '[WO-2026-00002]',
      ]);
    } finally {
      await wb.close();
    }
  });
});

describe('a backlog of undecided requests', () => {
  test('requests crossing a threshold together make one email per stage, not one each', async () => {
    const wb = await setUpWorkbook();
    try {
      startOnMondayMorning(wb);
      setSetting(wb, 'notifyRequestor', false);
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) ids.push(await submit(wb, `Backlog request ${i + 1}`));
      const [half] = await runHourly(wb, 27 * HOUR); // Tuesday 12:00: 12 working hours
      expectOk(half!);
      expect(half!.value).toMatchObject({ reminders: { respondReminder: 5 } });
      expect(mailTo(wb, SUPERVISOR).map((m) => m.subject)).toEqual([
        '[Facilities Maintenance] 5 requests are waiting for a decision',
      ]);
      const body = mailTo(wb, SUPERVISOR)[0]!.body;
      for (const id of ids) expect(body).toContain(id);
      expectOk((await runHourly(wb, 27 * HOUR))[0]!); // Wednesday 15:00: 24 working hours
      expect(subjects(wb, ADMIN)).toEqual(['[Facilities Maintenance] Escalation']);
      expect(mailTo(wb, SUPERVISOR)).toHaveLength(2);
    } finally {
      await wb.close();
    }
  });
});
